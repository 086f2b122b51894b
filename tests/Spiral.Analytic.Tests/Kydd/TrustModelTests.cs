using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spiral.Analytic.Kydd;

namespace Spiral.Analytic.Tests.Kydd;

public class TrustModelTests
{
    [Fact]
    public void TrustThreshold_FourThreeTwoOne_IsOneHalf()
    {
        Assert.Equal(0.5, TrustModel.TrustThreshold(r: 4, tS: 3, p: 2, s: 1), 12);
    }

    [Fact]
    public void UpdateAfterMove_Build_Is0Point2727()
    {
        Assert.Equal(3.0 / 11.0, TrustModel.UpdateAfterMove(0.6, 0.2, 0.8, Observation.Build), 12);
        Assert.Equal(0.272727, TrustModel.UpdateAfterMove(0.6, 0.2, 0.8, Observation.Build), 6);
    }

    [Fact]
    public void UpdateAfterMove_NoBuild_RaisesTrust()
    {
        Assert.Equal(0.48 / 0.56, TrustModel.UpdateAfterMove(0.6, 0.2, 0.8, Observation.NoBuild), 12);
    }

    [Fact]
    public void UpdateAfterSignal_GreedyWithErrorPoint2_Is0Point2727()
    {
        Assert.Equal(0.272727, TrustModel.UpdateAfterSignal(0.6, 0.2, Signal.Greedy), 6);
    }

    [Fact]
    public void UpdateAfterSignal_SecuritySeeker_RaisesTrust()
    {
        Assert.Equal(0.48 / 0.56, TrustModel.UpdateAfterSignal(0.6, 0.2, Signal.SecuritySeeker), 12);
    }

    [Fact]
    public void UpdateAfterMove_PriorAboveOne_Throws()
    {
        var ex = Assert.Throws<ModelInputException>(() => TrustModel.UpdateAfterMove(1.2, 0.2, 0.8, Observation.Build));
        Assert.Contains("[0, 1]", ex.Message);
    }

    [Fact]
    public void TrustThreshold_TemptationAboveReward_Throws()
    {
        Assert.Throws<ModelInputException>(() => TrustModel.TrustThreshold(3, 4, 2, 1));
    }

    [Theory]
    [InlineData(2, 3, 1, 4, true, "separating")]
    [InlineData(2, 3, 1, 2, false, "pooling on the signal")]
    [InlineData(2, 3, 5, 6, false, "pooling on no signal")]
    public void CostlySignal_Costs_ClassifyEquilibrium(double vS, double vG, double cS, double cG, bool separating, string kind)
    {
        var eq = TrustModel.CostlySignal(vS, vG, cS, cG);
        Assert.Equal(separating, eq.Separating);
        Assert.Equal(kind, eq.Kind);
    }

    [Property]
    public Property UpdateAfterSignal_AnyPrior_StaysInUnitInterval()
    {
        var unit = Gen.Choose(0, 1000).Select(i => i / 1000.0);
        var error = Gen.Choose(1, 999).Select(i => i / 1000.0);
        return Prop.ForAll(unit.ToArbitrary(), error.ToArbitrary(), (prior, e) =>
        {
            var post = TrustModel.UpdateAfterSignal(prior, e, Signal.Greedy);
            return post >= 0 && post <= 1 && (e >= 0.5 || post <= prior + 1e-12);
        });
    }
}
