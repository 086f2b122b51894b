using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class LatinHypercubeTests
{
    [Fact]
    public void Sample_TenPointsThreeDimensions_OnePointPerStratumInEveryDimension()
    {
        var points = LatinHypercube.Sample(10, 3, 42);
        Assert.Equal(10, points.Length);
        for (var d = 0; d < 3; d++)
        {
            var strata = points.Select(p => (int)Math.Floor(p[d] * 10)).Order();
            Assert.Equal(Enumerable.Range(0, 10), strata);
        }
    }

    [Fact]
    public void Sample_SameSeed_IdenticalPoints_OtherSeed_Different()
    {
        var a = LatinHypercube.Sample(8, 4, 7);
        var b = LatinHypercube.Sample(8, 4, 7);
        var c = LatinHypercube.Sample(8, 4, 8);
        Assert.Equal(a.SelectMany(p => p), b.SelectMany(p => p));
        Assert.NotEqual(a.SelectMany(p => p), c.SelectMany(p => p));
    }

    [Fact]
    public void Scale_UnitCoordinate_MapsOntoRange()
    {
        Assert.Equal(0.5, LatinHypercube.Scale(0.25, 0, 2), 12);
        Assert.Equal(-1, LatinHypercube.Scale(0, -1, 1), 12);
    }
}
