using Spiral.Numerics.Optimization;

namespace Spiral.Numerics.Tests.Optimization;

public class NelderMeadTests
{
    [Fact]
    public void Minimize_ShiftedQuadratic_FindsTheMinimumInsideTheBox()
    {
        var r = NelderMead.Minimize(x => Math.Pow(x[0] - 0.3, 2) + 2 * Math.Pow(x[1] - 0.8, 2), [0.9, 0.1], 400);
        Assert.Equal(0.3, r.Point[0], 3);
        Assert.Equal(0.8, r.Point[1], 3);
    }

    [Fact]
    public void Minimize_MinimumOutsideTheBox_StopsAtTheBound()
    {
        var r = NelderMead.Minimize(x => Math.Pow(x[0] - 1.5, 2), [0.2], 200);
        Assert.Equal(1.0, r.Point[0], 6);
    }
}
