using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Tests.Statistics;

public class SurvivalTests
{
    // Hand-computed: times 1, 2, 2+, 3, 4+ (+ = censored). At t=1: 5 at risk, 1 event, S = 0.8; t=2: 4 at risk (the
    // censoring at 2 counts as at risk), 1 event, S = 0.6; t=3: 2 at risk, 1 event, S = 0.3.
    private static readonly double[] Times = [1, 2, 2, 3, 4];
    private static readonly bool[] Observed = [true, true, false, true, false];

    [Fact]
    public void KaplanMeier_HandComputedData_StepsAndSurvival()
    {
        var km = new KaplanMeier(Times, Observed);
        Assert.Equal([1.0, 2, 3], km.Steps.Select(s => s.Time));
        Assert.Equal([5, 4, 2], km.Steps.Select(s => s.AtRisk));
        Assert.Equal(0.8, km.Steps[0].Survival, 12);
        Assert.Equal(0.6, km.Steps[1].Survival, 12);
        Assert.Equal(0.3, km.Steps[2].Survival, 12);
        Assert.Equal(3, km.EventCount);
        Assert.Equal(1.0, km.SurvivalAt(0.5), 12);
        Assert.Equal(0.6, km.SurvivalAt(2.5), 12);
    }

    [Fact]
    public void RestrictedMean_HandComputedData_AreaAndKleinMoeschbergerVariance()
    {
        // RMST(4) = 1·1 + 1·0.8 + 1·0.6 + 1·0.3 = 2.7. A = 1.7, 0.9, 0.3 at t = 1, 2, 3;
        // variance = 1.7²/(5·4) + 0.9²/(4·3) + 0.3²/(2·1) = 0.1445 + 0.0675 + 0.045 = 0.257.
        var e = new KaplanMeier(Times, Observed).RestrictedMean(4);
        Assert.Equal(2.7, e.Mean, 12);
        Assert.Equal(2.7 - Estimate.Z95 * Math.Sqrt(0.257), e.Low, 10);
        Assert.Equal(2.7 + Estimate.Z95 * Math.Sqrt(0.257), e.High, 10);
    }

    [Fact]
    public void RestrictedMean_NoEvents_IsTheHorizonWithNoSpread()
    {
        var e = new KaplanMeier([50.0, 50, 50], [false, false, false]).RestrictedMean(50);
        Assert.Equal(new Estimate(50, 50, 50), e);
    }

    [Fact]
    public void RestrictedMean_AllEventsNoCensoring_IsTheMeanTime()
    {
        // Without censoring and with every time ≤ τ, the RMST is the sample mean: (1 + 2 + 3 + 6) / 4 = 3.
        var e = new KaplanMeier([1.0, 2, 3, 6], [true, true, true, true]).RestrictedMean(10);
        Assert.Equal(3.0, e.Mean, 12);
    }

    [Fact]
    public void RestrictedMeanDifference_TwoArms_DifferenceWithSummedVariances()
    {
        var baseline = new KaplanMeier(Times, Observed);
        var treated = new KaplanMeier([50.0, 50, 50], [false, false, false]);
        var d = KaplanMeier.RestrictedMeanDifference(baseline, treated, 4);
        Assert.Equal(4 - 2.7, d.Mean, 12);
        Assert.Equal(Estimate.Z95 * Math.Sqrt(0.257), d.High - d.Mean, 10);
    }
}
