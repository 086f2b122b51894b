using Spiral.Numerics.Sensitivity;

namespace Spiral.Numerics.Tests.Sensitivity;

public class MorrisDesignTests
{
    [Fact]
    public void Analyse_LinearFunction_MuStarIsEachCoefficient()
    {
        double[] c = [3, -1, 0.5, 0];
        var design = MorrisDesign.Create(c.Length, trajectories: 20, seed: 4);
        var outputs = new double[design.Points];
        var point = new double[c.Length];
        for (var k = 0; k < outputs.Length; k++)
        {
            design.Point(k, point);
            outputs[k] = c.Select((v, i) => v * point[i]).Sum();
        }
        var result = design.Analyse(outputs, bootstrap: 100);
        for (var i = 0; i < c.Length; i++)
        {
            Assert.Equal(Math.Abs(c[i]), result.Factors[i].MuStar, 9);
            Assert.Equal(c[i], result.Factors[i].Mu, 9);
            Assert.Equal(0, result.Factors[i].Sigma, 9);
        }
    }

    [Fact]
    public void Create_EachTrajectoryMovesEveryFactorOnceByDelta()
    {
        var design = MorrisDesign.Create(factors: 5, trajectories: 10, seed: 9, levels: 4);
        Assert.Equal(60, design.Points);
        Assert.Equal(2.0 / 3, design.Delta, 12);
        double[] before = new double[5], after = new double[5];
        for (var t = 0; t < 10; t++)
        {
            var moved = new HashSet<int>();
            for (var s = 0; s < 5; s++)
            {
                design.Point(t * 6 + s, before);
                design.Point(t * 6 + s + 1, after);
                var changed = Enumerable.Range(0, 5).Where(i => before[i] != after[i]).ToArray();
                Assert.Single(changed);
                Assert.Equal(design.Delta, Math.Abs(after[changed[0]] - before[changed[0]]), 12);
                Assert.InRange(after[changed[0]], 0, 1);
                moved.Add(changed[0]);
            }
            Assert.Equal(5, moved.Count);
        }
    }

    [Fact]
    public void Analyse_Ishigami_RanksX1AboveX3AboveZeroAndFlagsInteraction()
    {
        var f = new Ishigami();
        var design = MorrisDesign.Create(3, trajectories: 200, seed: 2);
        var outputs = new double[design.Points];
        var point = new double[3];
        for (var k = 0; k < outputs.Length; k++)
        {
            design.Point(k, point);
            outputs[k] = f.Evaluate(point);
        }
        var result = design.Analyse(outputs);
        // x₃ acts only through its interaction with x₁: its effects change sign, so σ is large against |μ|.
        Assert.True(result.Factors[2].Sigma > 3 * Math.Abs(result.Factors[2].Mu), $"σ₃ {result.Factors[2].Sigma}, μ₃ {result.Factors[2].Mu}");
        Assert.True(result.Factors[0].MuStar > 1, $"μ*₁ {result.Factors[0].MuStar}");
        Assert.True(result.Factors[2].MuStar > 1, $"μ*₃ {result.Factors[2].MuStar}");
    }
}
