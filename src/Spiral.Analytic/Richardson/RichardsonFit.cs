using Spiral.Numerics.Statistics;

namespace Spiral.Analytic.Richardson;

/// <summary>One side's fitted equation dx/dt = k·y − a·x + g.</summary>
public sealed record SideFit(Coefficient Reaction, Coefficient Fatigue, Coefficient Grievance, double RSquared, int Observations);

/// <summary>Both sides' fitted coefficients: x gives (k, a, g), y gives (l, b, h).</summary>
public sealed record RichardsonFitResult(SideFit X, SideFit Y)
{
    public RichardsonModel ToModel() =>
        new(Math.Max(0, X.Fatigue.Value), Math.Max(0, Y.Fatigue.Value), Math.Max(0, X.Reaction.Value),
            Math.Max(0, Y.Reaction.Value), X.Grievance.Value, Y.Grievance.Value);
}

/// <summary>Richardson's sum reduction Δ(x+y) = slope·(x+y) + intercept.</summary>
public sealed record SumReductionResult(
    Coefficient Slope, Coefficient Intercept, double ZeroCrossing, double RSquared, int Observations,
    IReadOnlyList<double> MidTotals, IReadOnlyList<double> Increments);

/// <summary>
/// Fits Richardson's equations to yearly series. Discretisation (the one Richardson used for his
/// 1909–1913 reduction, <i>Arms and Insecurity</i>, 1960): the increase between consecutive years,
/// Δx_t = x_{t+1} − x_t, is regressed on the mid-year values x̄_t = (x_t + x_{t+1})/2 and ȳ_t, so that
/// Δx_t = k·ȳ_t − a·x̄_t + g by ordinary least squares (<see cref="LeastSquares.Fit"/>).
/// </summary>
public static class RichardsonFit
{
    public static RichardsonFitResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckSeries(x, y, minLength: 5);
        var n = x.Count - 1;
        var (dx, dy, mx, my) = (new double[n], new double[n], new double[n], new double[n]);
        for (var t = 0; t < n; t++)
        {
            dx[t] = x[t + 1] - x[t];
            dy[t] = y[t + 1] - y[t];
            mx[t] = (x[t] + x[t + 1]) / 2;
            my[t] = (y[t] + y[t + 1]) / 2;
        }
        return new RichardsonFitResult(FitSide(dx, other: my, own: mx), FitSide(dy, other: mx, own: my));
    }

    /// <summary>Richardson's reduction of a two-alliance race to one equation in s = x + y.</summary>
    public static SumReductionResult SumReduction(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckSeries(x, y, minLength: 3);
        var n = x.Count - 1;
        var (mids, incs) = (new double[n], new double[n]);
        for (var t = 0; t < n; t++)
        {
            var s0 = x[t] + y[t];
            var s1 = x[t + 1] + y[t + 1];
            mids[t] = (s0 + s1) / 2;
            incs[t] = s1 - s0;
        }
        var fit = Ols(incs, mids);
        var (intercept, slope) = (fit.Coefficients[0], fit.Coefficients[1]);
        var zero = slope.Value == 0 ? double.NaN : -intercept.Value / slope.Value;
        return new SumReductionResult(slope, intercept, zero, fit.RSquared, n, mids, incs);
    }

    private static SideFit FitSide(double[] change, double[] other, double[] own)
    {
        var fit = Ols(change, other, own);
        var (g, k, negativeA) = (fit.Coefficients[0], fit.Coefficients[1], fit.Coefficients[2]);
        return new SideFit(k, negativeA with { Value = -negativeA.Value }, g, fit.RSquared, change.Length);
    }

    private static LinearFit Ols(double[] response, params double[][] regressors) =>
        LeastSquares.Fit(response, regressors)
        ?? throw new ModelInputException("The series are collinear (for example constant or exactly proportional); the coefficients cannot be identified.");

    private static void CheckSeries(IReadOnlyList<double> x, IReadOnlyList<double> y, int minLength)
    {
        if (x.Count != y.Count)
        {
            throw new ModelInputException($"The x and y series must have the same length, got {x.Count} and {y.Count}.");
        }
        if (x.Count < minLength)
        {
            throw new ModelInputException($"At least {minLength} consecutive years are needed for this fit, got {x.Count}.");
        }
        foreach (var v in x.Concat(y))
        {
            Require.Finite(v, "series value");
        }
    }
}
