using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spiral.Analytic.Richardson;

namespace Spiral.Analytic.Tests.Richardson;

public class RichardsonModelTests
{
    private static readonly RichardsonModel Symmetric = new(a: 0.5, b: 0.5, k: 0.25, l: 0.25, g: 1, h: 1);
    private static readonly RichardsonModel Asymmetric = new(a: 1.0, b: 0.5, k: 0.3, l: 0.6, g: 2, h: 1);

    [Fact]
    public void Equilibrium_SymmetricOracle_IsFourFour()
    {
        var eq = Symmetric.Equilibrium!.Value;
        Assert.Equal(4.0, eq.X, 10);
        Assert.Equal(4.0, eq.Y, 10);
    }

    [Fact]
    public void Eigenvalues_SymmetricOracle_AreMinusQuarterAndMinusThreeQuarters()
    {
        var (larger, smaller) = Symmetric.Eigenvalues;
        Assert.Equal(-0.25, larger, 12);
        Assert.Equal(-0.75, smaller, 12);
    }

    [Fact]
    public void StateAt_SymmetricFromOrigin_X40Is3Point999818()
    {
        Assert.Equal(3.999818, Symmetric.StateAt(40, 0, 0).X, 5);
        Assert.Equal(4 - 4 * Math.Exp(-10), Symmetric.StateAt(40, 0, 0).X, 12);
    }

    [Fact]
    public void Integrate_SymmetricFromOrigin_X40Is3Point999818()
    {
        Assert.Equal(3.999818, Symmetric.Integrate(40, 0, 0, step: 0.01).X, 5);
    }

    [Fact]
    public void Equilibrium_AsymmetricOracle_Is4Point0625And6Point875()
    {
        var eq = Asymmetric.Equilibrium!.Value;
        Assert.Equal(4.0625, eq.X, 10);
        Assert.Equal(6.875, eq.Y, 10);
    }

    [Fact]
    public void Eigenvalues_AsymmetricOracle_MatchToSixDecimals()
    {
        var (larger, smaller) = Asymmetric.Eigenvalues;
        Assert.Equal(-0.257557, larger, 6);
        Assert.Equal(-1.242443, smaller, 6);
    }

    [Fact]
    public void Regime_StableWithPositiveGrievances_IsStableBalance()
    {
        Assert.True(Symmetric.IsStable);
        Assert.Equal(RichardsonRegime.StableBalance, Symmetric.Regime);
    }

    [Fact]
    public void Regime_StableWithGoodwill_IsDisarmament()
    {
        Assert.Equal(RichardsonRegime.Disarmament, new RichardsonModel(0.5, 0.5, 0.25, 0.25, -1, -1).Regime);
    }

    [Fact]
    public void Regime_UnstableWithGrievances_IsRunawayRace()
    {
        var race = new RichardsonModel(0.25, 0.25, 0.5, 0.5, 1, 1);
        Assert.False(race.IsStable);
        Assert.Equal(RichardsonRegime.RunawayRace, race.Regime);
        Assert.True(race.StateAt(20, 0, 0).X > 100);
    }

    [Fact]
    public void Regime_UnstableWithGoodwill_IsSaddleWithDividingLine()
    {
        var saddle = new RichardsonModel(0.25, 0.25, 0.5, 0.5, -1, -1);
        Assert.Equal(RichardsonRegime.Saddle, saddle.Regime);
        var eq = saddle.Equilibrium!.Value;
        Assert.Equal(4.0, eq.X, 10);
        var line = saddle.Separatrix!.Value;
        Assert.Equal(1 / Math.Sqrt(2), line.Direction.X, 10);
        Assert.Equal(-1 / Math.Sqrt(2), line.Direction.Y, 10);
        Assert.Equal(1, saddle.Tendency(5, 5));
        Assert.Equal(-1, saddle.Tendency(3, 3));
        Assert.Equal(0, saddle.Tendency(5, 3));
    }

    [Fact]
    public void StateAt_DegenerateDeterminantZero_MatchesIntegrator()
    {
        var degenerate = new RichardsonModel(0.5, 0.5, 0.5, 0.5, 1, 0.5);
        Assert.Null(degenerate.Equilibrium);
        var exact = degenerate.StateAt(7, 1, 2);
        var numeric = degenerate.Integrate(7, 1, 2, 1e-3);
        Assert.Equal(numeric.X, exact.X, 8);
        Assert.Equal(numeric.Y, exact.Y, 8);
    }

    [Fact]
    public void StateAt_RepeatedEigenvalueWithoutCoupling_MatchesIntegrator()
    {
        var uncoupled = new RichardsonModel(0.3, 0.3, 0, 0.4, 1, 1);
        var exact = uncoupled.StateAt(5, 2, 0);
        var numeric = uncoupled.Integrate(5, 2, 0, 1e-3);
        Assert.Equal(numeric.X, exact.X, 8);
        Assert.Equal(numeric.Y, exact.Y, 8);
    }

    [Fact]
    public void Constructor_NegativeFatigue_ThrowsModelInputException()
    {
        var ex = Assert.Throws<ModelInputException>(() => new RichardsonModel(-0.1, 0.5, 0.25, 0.25, 1, 1));
        Assert.Contains(">= 0", ex.Message);
    }

    [Property(MaxTest = 200)]
    public Property StateAt_AnyParameters_AgreesWithRungeKutta()
    {
        var coefficient = Gen.Choose(0, 100).Select(i => i / 100.0);
        var grievance = Gen.Choose(-100, 100).Select(i => i / 50.0);
        var gen =
            from a in coefficient
            from b in coefficient
            from k in coefficient
            from l in coefficient
            from g in grievance
            from h in grievance
            select new RichardsonModel(a, b, k, l, g, h);
        return Prop.ForAll(gen.ToArbitrary(), model =>
        {
            var exact = model.StateAt(3, 1, 2);
            var numeric = model.Integrate(3, 1, 2, 1e-3);
            var scale = 1 + Math.Abs(exact.X) + Math.Abs(exact.Y);
            return Math.Abs(exact.X - numeric.X) / scale < 1e-8 && Math.Abs(exact.Y - numeric.Y) / scale < 1e-8;
        });
    }

    [Property]
    public Property Equilibrium_WhenItExists_HasZeroDerivative(PositiveInt a, PositiveInt b, NonNegativeInt k, NonNegativeInt l, int g, int h)
    {
        var model = new RichardsonModel(a.Get / 10.0, b.Get / 10.0, k.Get / 10.0, l.Get / 10.0, g, h);
        var eq = model.Equilibrium;
        if (eq is null)
        {
            return true.ToProperty();
        }
        var d = model.Derivative(eq.Value.X, eq.Value.Y);
        var scale = 1 + Math.Abs(g) + Math.Abs(h) + Math.Abs(eq.Value.X) + Math.Abs(eq.Value.Y);
        return (Math.Abs(d.X) < 1e-9 * scale * 10 && Math.Abs(d.Y) < 1e-9 * scale * 10).ToProperty();
    }
}
