using Spiral.Analytic.Richardson;

namespace Spiral.Analytic.Tests.Richardson;

public class RichardsonFitTests
{
    /// <summary>The series of a shipped data file (copied next to the tests), read as the CLI reads it.</summary>
    internal static ArmsSeries Load(string name, IReadOnlyList<string> x, IReadOnlyList<string> y, int? from = null, int? to = null, double scale = 1.0) =>
        ArmsSeriesCsv.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", name)), name, x, y, from: from, to: to, scale: scale);

    [Fact]
    public void SumReduction_Cow1909To1913Wide_MatchesRichardsonOracle()
    {
        var series = Load("cow_milex_europe_1900_1913_wide.csv", ["FRN", "RUS"], ["GMY", "AUH"], from: 1909, to: 1913);
        var sum = RichardsonFit.SumReduction(series.X, series.Y);
        Assert.Equal(0.8321, sum.Slope.Value, 4);
        Assert.Equal(-157.48, sum.Intercept.Value, 2);
        Assert.Equal(189.26, sum.ZeroCrossing, 2);
        Assert.Equal(4, sum.Observations);
    }

    [Fact]
    public void SumReduction_Cow1909To1913LongInThousands_MatchesOracleAfterScaling()
    {
        var series = Load("cow_nmc_milex_europe_1900_1914.csv", ["FRN", "RUS"], ["GMY", "AUH"], from: 1909, to: 1913, scale: 0.001);
        Assert.Equal([192.225, 195.262, 203.611, 226.181, 278.028], series.X.Zip(series.Y, (x, y) => Math.Round(x + y, 3)));
        var sum = RichardsonFit.SumReduction(series.X, series.Y);
        Assert.Equal(0.8321, sum.Slope.Value, 4);
        Assert.Equal(189.26, sum.ZeroCrossing, 2);
    }

    [Fact]
    public void Fit_SeriesGeneratedByTheMidpointScheme_RecoversCoefficients()
    {
        var (k, a, g, l, b, h) = (0.3, 0.2, 1.0, 0.1, 0.4, 2.0);
        var x = new List<double> { 5 };
        var y = new List<double> { 3 };
        var noise = new[] { 0.01, -0.02, 0.015, -0.005, 0.02, -0.01, 0.0, 0.01, -0.015, 0.005, 0.012, -0.008 };
        for (var t = 0; t < noise.Length; t++)
        {
            // Solve the midpoint equations for the next point exactly, then perturb it slightly.
            var (x0, y0) = (x[^1], y[^1]);
            var m = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(2, 2, [1 + a / 2, -l / 2, -k / 2, 1 + b / 2]);
            var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([x0 + k * y0 / 2 - a * x0 / 2 + g, y0 + l * x0 / 2 - b * y0 / 2 + h]);
            var next = m.Solve(rhs);
            x.Add(next[0] + noise[t]);
            y.Add(next[1] - noise[t]);
        }
        var fit = RichardsonFit.Fit(x, y);
        Assert.Equal(k, fit.X.Reaction.Value, 1);
        Assert.Equal(a, fit.X.Fatigue.Value, 1);
        Assert.Equal(l, fit.Y.Reaction.Value, 1);
        Assert.Equal(b, fit.Y.Fatigue.Value, 1);
        Assert.True(fit.X.RSquared > 0.9);
        Assert.True(fit.X.Reaction.StandardError > 0);
    }

    [Fact]
    public void Fit_Cow1900To1913_GivesFiniteEstimatesAndStandardErrors()
    {
        var series = Load("cow_milex_europe_1900_1913_wide.csv", ["FRN", "RUS"], ["GMY", "AUH"]);
        var fit = RichardsonFit.Fit(series.X, series.Y);
        Assert.Equal(13, fit.X.Observations);
        Assert.All([fit.X.Reaction, fit.X.Fatigue, fit.X.Grievance, fit.Y.Reaction, fit.Y.Fatigue, fit.Y.Grievance],
            e => Assert.True(double.IsFinite(e.Value) && double.IsFinite(e.StandardError)));
    }

    [Fact]
    public void SumReduction_TooFewYears_Throws()
    {
        Assert.Throws<ModelInputException>(() => RichardsonFit.SumReduction([1.0, 2.0], [1.0, 2.0]));
    }
}
