using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spiral.Analytic.Fearon;

namespace Spiral.Analytic.Tests.Fearon;

public class BargainingTests
{
    private static readonly Gen<double> Unit = Gen.Choose(0, 10_000).Select(i => i / 10_000.0);

    [Property(MaxTest = 500)]
    public Property Range_PositiveTotalCost_IsNonEmpty()
    {
        var costs = from ca in Unit from cb in Unit where ca + cb > 0 select (ca, cb);
        return Prop.ForAll(Unit.ToArbitrary(), costs.ToArbitrary(), (p, c) =>
        {
            var model = new Bargaining(p, c.ca, c.cb);
            return model.Range.Width > 0
                && Math.Abs(model.Range.Width - (c.ca + c.cb)) < 1e-12
                && model.FeasibleRange.Contains(p)
                && model.FeasibleRange.Lower <= model.FeasibleRange.Upper;
        });
    }

    [Fact]
    public void Range_PointSixWithCosts_IsPMinusCaToPPlusCb()
    {
        var model = new Bargaining(0.6, 0.1, 0.15);
        Assert.Equal(0.5, model.Range.Lower, 12);
        Assert.Equal(0.75, model.Range.Upper, 12);
    }

    [Fact]
    public void Commitment_LargeShiftPatientStates_IsPreventiveWar()
    {
        var model = new Bargaining(0.5, 0.05, 0.05);
        var problem = model.Commitment(shift: 0.3, discount: 0.9);
        Assert.True(problem.PreventiveWar);
        Assert.Equal(0.27, problem.FutureLoss, 12);
        Assert.Equal(0.01, problem.WarCost, 12);
    }

    [Fact]
    public void Commitment_SmallShift_IsNoPreventiveWar()
    {
        Assert.False(new Bargaining(0.5, 0.2, 0.2).Commitment(shift: -0.05, discount: 0.5).PreventiveWar);
    }

    [Fact]
    public void Constructor_NegativeCost_Throws()
    {
        var ex = Assert.Throws<ModelInputException>(() => new Bargaining(0.5, -0.1, 0.1));
        Assert.Contains("c_A", ex.Message);
    }

    [Fact]
    public void Constructor_ProbabilityAboveOne_Throws()
    {
        Assert.Throws<ModelInputException>(() => new Bargaining(1.5, 0.1, 0.1));
    }
}
