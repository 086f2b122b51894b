using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class StatisticsTests
{
    [Theory]
    [InlineData(0, 100, 0.0, 0.0, 0.0370)]
    [InlineData(50, 100, 0.5, 0.4038, 0.5962)]
    [InlineData(100, 100, 1.0, 0.9630, 1.0)]
    [InlineData(1, 10, 0.1, 0.0179, 0.4042)]
    public void Proportion_WilsonInterval_KnownValues(int successes, int trials, double mean, double low, double high)
    {
        var e = Estimate.Proportion(successes, trials);
        Assert.Equal(mean, e.Mean, 12);
        Assert.Equal(low, e.Low, 4);
        Assert.Equal(high, e.High, 4);
    }

    [Fact]
    public void Proportion_NoTrials_IsZero()
    {
        Assert.Equal(new Estimate(0, 0, 0), Estimate.Proportion(0, 0));
    }

    [Fact]
    public void OfMean_KnownValues()
    {
        // mean 2.5, sample sd sqrt(5/3), se = sd / 2
        var e = Estimate.OfMean([1.0, 2, 3, 4]);
        Assert.Equal(2.5, e.Mean, 12);
        var half = 1.959963984540054 * Math.Sqrt(5.0 / 3 / 4);
        Assert.Equal(2.5 - half, e.Low, 12);
        Assert.Equal(2.5 + half, e.High, 12);
        Assert.Equal(new Estimate(7, 7, 7), Estimate.OfMean([7.0]));
        Assert.Equal(new Estimate(0, 0, 0), Estimate.OfMean([]));
    }

    [Fact]
    public void Normal_ValueAndStandardError_IsValuePlusMinusZ95()
    {
        var e = Estimate.Normal(1.0, 0.5);
        Assert.Equal(1 - 1.959963984540054 * 0.5, e.Low, 15);
        Assert.Equal(1 + 1.959963984540054 * 0.5, e.High, 15);
    }

    [Fact]
    public void Normal_Floor_CutsOnlyTheLowerEnd()
    {
        Assert.Equal(new Estimate(0.1, 0, 0.1 + 1.959963984540054), Estimate.Normal(0.1, 1, floor: 0));
    }
}

public class RunningMomentsTests
{
    [Fact]
    public void Add_ThousandSkewedValues_SameMeanAsTwoPassAndVarianceUpToRounding()
    {
        var rng = new Spiral.Numerics.Random.RandomStream(42);
        var values = Enumerable.Range(0, 1000).Select(_ => Math.Exp(2 * rng.NextGaussian()) - 3).ToArray();
        var m = new RunningMoments();
        foreach (var v in values) m.Add(v);
        var twoPass = Estimate.OfMean(values);
        var streamed = Estimate.OfMoments(m.Count, m.Mean, m.Variance);
        Assert.Equal(twoPass.Mean, streamed.Mean);
        Assert.Equal(twoPass.Low, streamed.Low, 1e-12 * Math.Abs(twoPass.Low));
        Assert.Equal(twoPass.High, streamed.High, 1e-12 * Math.Abs(twoPass.High));
        Assert.Equal(values.Max(), m.Maximum);
    }

    [Fact]
    public void Add_NaN_IsSkipped()
    {
        var m = new RunningMoments();
        foreach (var v in new[] { 1.0, double.NaN, 3.0 }) m.Add(v);
        Assert.Equal(2, m.Count);
        Assert.Equal(2.0, m.Mean);
        Assert.Equal(2.0, m.Variance, 12);
        Assert.Equal(3.0, m.Maximum);
    }
}

public class P2QuantilesTests
{
    [Fact]
    public void Value_FewValues_ExactType7()
    {
        var q = new P2Quantiles(0.1, 0.5, 0.9);
        foreach (var v in new[] { 5.0, 1, 4, 2, 3 }) q.Add(v);
        // sorted 1..5: type 7 gives 1 + 4p
        Assert.Equal(1.4, q.Value(0), 12);
        Assert.Equal(3.0, q.Value(1), 12);
        Assert.Equal(4.6, q.Value(2), 12);
    }

    [Fact]
    public void Value_HundredThousandUniforms_WithinHalfAPercentAndOrdered()
    {
        var rng = new Spiral.Numerics.Random.RandomStream(9);
        var q = new P2Quantiles(0.1, 0.5, 0.9);
        for (var k = 0; k < 100_000; k++) q.Add(rng.NextDouble());
        Assert.Equal(0.1, q.Value(0), 0.005);
        Assert.Equal(0.5, q.Value(1), 0.005);
        Assert.Equal(0.9, q.Value(2), 0.005);
        Assert.True(q.Value(0) < q.Value(1) && q.Value(1) < q.Value(2));
    }

    [Fact]
    public void Value_SkewedStream_CloseToExactQuantiles()
    {
        var rng = new Spiral.Numerics.Random.RandomStream(3);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(rng.NextGaussian())).ToArray();
        var q = new P2Quantiles(0.1, 0.5, 0.9);
        foreach (var v in values) q.Add(v);
        var sorted = values.Order().ToArray();
        // exact: exp(z) at the normal quantiles −1.2816, 0, 1.2816 ≈ 0.278, 1, 3.60
        Assert.Equal(sorted[2_000], q.Value(0), 0.02);
        Assert.Equal(sorted[10_000], q.Value(1), 0.03);
        Assert.Equal(sorted[18_000], q.Value(2), 0.1);
    }
    [Fact]
    public void RatioOfSums_NoDenominator_IsZero()
    {
        Assert.Equal(0.25, Estimate.RatioOfSums([1.0, 0, 1], [4.0, 0, 4]));
        Assert.Equal(0, Estimate.RatioOfSums([1.0, 2], [0.0, 0]));
        Assert.Equal(0, Estimate.Ratio(3, 0));
    }

    [Fact]
    public void PairedRatioDifference_KnownValues_DeltaMethod()
    {
        // R_b = 4/8, R_t = 6/9; d_i = (y_t − R_t x_t)/x̄_t − (y_b − R_b x_b)/x̄_b; se = sd(d)/2 (worked by hand in Python)
        var e = Estimate.PairedRatioDifference([1.0, 0, 2, 1], [2.0, 1, 3, 2], [2.0, 0, 2, 2], [2.0, 2, 3, 2]);
        Assert.Equal(1.0 / 6, e.Mean, 12);
        Assert.Equal(-0.17065820312046454, e.Low, 10);
        Assert.Equal(0.5039915364537978, e.High, 10);
    }

    [Fact]
    public void PairedRatioDifference_SameShiftInEveryRun_ZeroWidth()
    {
        // each run's treated ratio exceeds its baseline ratio by the same share of the mean denominator: no spread
        var e = Estimate.PairedRatioDifference([1.0, 0], [2.0, 2], [2.0, 1], [2.0, 2]);
        Assert.Equal(new Estimate(0.5, 0.5, 0.5), e);
        Assert.Throws<ArgumentException>(() => Estimate.PairedRatioDifference([1.0], [1.0, 2], [1.0], [1.0]));
    }

    /// <summary>
    /// Coverage of the paired interval: 1,000 ensembles of 300 paired runs, each run 1–5 crises; a crisis reaches force
    /// with chance 0.2 in the baseline and 0.3 treated, drawn from the same uniform (common random numbers). The true
    /// difference of ratios is 0.1; a 95% interval must cover it in about 95% of ensembles.
    /// </summary>
    [Fact]
    public void PairedRatioDifference_CommonRandomNumbers_CoversTheTrueDifference95Percent()
    {
        var rng = new Spiral.Numerics.Random.RandomStream(20240611);
        const int ensembles = 1000, runs = 300;
        var covered = 0;
        double width = 0;
        var (yb, xb, yt, xt) = (new double[runs], new double[runs], new double[runs], new double[runs]);
        for (var k = 0; k < ensembles; k++)
        {
            for (var r = 0; r < runs; r++)
            {
                var crises = 1 + rng.NextInt(5);
                int b = 0, t = 0;
                for (var c = 0; c < crises; c++)
                {
                    var u = rng.NextDouble();
                    b += u < 0.2 ? 1 : 0;
                    t += u < 0.3 ? 1 : 0;
                }
                (yb[r], xb[r], yt[r], xt[r]) = (b, crises, t, crises);
            }
            var e = Estimate.PairedRatioDifference(yb, xb, yt, xt);
            covered += e.Low <= 0.1 && 0.1 <= e.High ? 1 : 0;
            width += e.High - e.Low;
        }
        Assert.InRange((double)covered / ensembles, 0.93, 0.97);
        // pairing keeps the runs' correlation: width near 2·1.96·√(0.1·0.9/900) = 0.039, where two independent arms
        // would give 2·1.96·√((0.16 + 0.21)/900) = 0.080
        Assert.InRange(width / ensembles, 0.035, 0.043);
    }
}
