using Spiral.Numerics.Sensitivity;

namespace Spiral.Numerics.Tests.Sensitivity;

public class SobolDesignTests
{
    private static SobolResult Estimate(ISensitivityTestFunction function, int baseSamples, ulong seed)
    {
        var design = SobolDesign.Create(function.Factors, baseSamples, seed);
        var outputs = new double[design.Points];
        var point = new double[function.Factors];
        for (var k = 0; k < outputs.Length; k++)
        {
            design.Point(k, point);
            outputs[k] = function.Evaluate(point);
        }
        // One interval per index, 2d in all: Bonferroni's level keeps the family's chance of any miss under 5%.
        return design.Analyse(outputs, bootstrap: 2000, level: 1 - 0.05 / (2 * function.Factors), seed: seed);
    }

    [Fact]
    public void Ishigami_AnalyticIndices_AreTheKnownValues()
    {
        var f = new Ishigami(7, 0.1);
        Assert.Equal(13.8446, f.Variance, 3);
        Assert.Equal(0.3139, f.FirstOrder[0], 4);
        Assert.Equal(0.4424, f.FirstOrder[1], 4);
        Assert.Equal(0.5576, f.Total[0], 4);
        Assert.Equal(0.2437, f.Total[2], 4);
    }

    [Fact]
    public void Analyse_Ishigami_IntervalsHoldTheAnalyticIndices()
    {
        var f = new Ishigami(7, 0.1);
        var result = Estimate(f, 8192, seed: 7);
        for (var i = 0; i < 3; i++)
        {
            var factor = result.Factors[i];
            Assert.True(factor.First.Contains(f.FirstOrder[i]), $"S{i + 1} {factor.First} against {f.FirstOrder[i]:F4}");
            Assert.True(factor.Total.Contains(f.Total[i]), $"ST{i + 1} {factor.Total} against {f.Total[i]:F4}");
            Assert.True(factor.First.High - factor.First.Low < 0.1, $"S{i + 1} interval {factor.First} too wide to test anything");
            Assert.True(factor.Total.High - factor.Total.Low < 0.1, $"ST{i + 1} interval {factor.Total} too wide to test anything");
        }
        Assert.Equal(f.Variance, result.Variance, 0);
    }

    [Fact]
    public void Analyse_SobolG_IntervalsHoldTheAnalyticIndicesAndRankTheFactors()
    {
        var f = new SobolG();
        var result = Estimate(f, 8192, seed: 11);
        for (var i = 0; i < f.Factors; i++)
        {
            var factor = result.Factors[i];
            Assert.True(factor.First.Contains(f.FirstOrder[i]), $"S{i + 1} {factor.First} against {f.FirstOrder[i]:F4}");
            Assert.True(factor.Total.Contains(f.Total[i]), $"ST{i + 1} {factor.Total} against {f.Total[i]:F4}");
        }
        var ranked = result.Factors.OrderByDescending(x => x.Total.Estimate).Select(x => x.Index).Take(4).ToArray();
        Assert.Equal([0, 1, 2, 3], ranked);
    }

    [Fact]
    public void Point_Layout_ABThenOneColumnSwappedPerFactor()
    {
        var design = SobolDesign.Create(factors: 3, baseSamples: 5, seed: 3);
        Assert.Equal(25, design.Points);
        double[] a = new double[3], b = new double[3], ab = new double[3];
        for (var row = 0; row < 5; row++)
        {
            design.Point(row, a);
            design.Point(5 + row, b);
            for (var i = 0; i < 3; i++)
            {
                design.Point((2 + i) * 5 + row, ab);
                for (var k = 0; k < 3; k++)
                {
                    Assert.Equal(k == i ? b[k] : a[k], ab[k]);
                }
            }
        }
    }

    [Fact]
    public void Create_SameSeed_SameDesign_OtherSeed_Other()
    {
        double[] x = new double[2], y = new double[2], z = new double[2];
        SobolDesign.Create(2, 16, 5).Point(9, x);
        SobolDesign.Create(2, 16, 5).Point(9, y);
        SobolDesign.Create(2, 16, 6).Point(9, z);
        Assert.Equal(x, y);
        Assert.NotEqual(x, z);
    }

    [Fact]
    public void Analyse_WrongOutputCountOrNaN_Throws()
    {
        var design = SobolDesign.Create(2, 4, 1);
        Assert.Throws<ArgumentException>(() => design.Analyse(new double[15]));
        var outputs = new double[16];
        outputs[3] = double.NaN;
        Assert.Throws<ArgumentException>(() => design.Analyse(outputs));
    }

    [Fact]
    public void Analyse_ConstantOutput_ZeroIndices()
    {
        var design = SobolDesign.Create(2, 8, 1);
        var result = design.Analyse(Enumerable.Repeat(3.0, 32).ToArray(), bootstrap: 10);
        Assert.All(result.Factors, f => Assert.Equal(0, f.Total.Estimate));
        Assert.Equal(0, result.Variance, 12);
    }
}
