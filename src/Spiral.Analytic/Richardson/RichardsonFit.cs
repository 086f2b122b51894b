using MathNet.Numerics.LinearAlgebra;

namespace Spiral.Analytic.Richardson;

/// <summary>A least-squares coefficient with its standard error.</summary>
public readonly record struct Estimate(double Value, double StandardError);

/// <summary>One side's fitted equation dx/dt = k·y − a·x + g.</summary>
public sealed record SideFit(Estimate Reaction, Estimate Fatigue, Estimate Grievance, double RSquared, int Observations);

/// <summary>Both sides' fitted coefficients: x gives (k, a, g), y gives (l, b, h).</summary>
public sealed record RichardsonFitResult(SideFit X, SideFit Y)
{
    public RichardsonModel ToModel() =>
        new(Math.Max(0, X.Fatigue.Value), Math.Max(0, Y.Fatigue.Value), Math.Max(0, X.Reaction.Value),
            Math.Max(0, Y.Reaction.Value), X.Grievance.Value, Y.Grievance.Value);
}

/// <summary>Richardson's sum reduction Δ(x+y) = slope·(x+y) + intercept.</summary>
public sealed record SumReductionResult(
    Estimate Slope, Estimate Intercept, double ZeroCrossing, double RSquared, int Observations,
    IReadOnlyList<double> MidTotals, IReadOnlyList<double> Increments);

/// <summary>
/// Fits Richardson's equations to yearly series. Discretisation (the one Richardson used for his
/// 1909–1913 reduction, <i>Arms and Insecurity</i>, 1960): the increase between consecutive years,
/// Δx_t = x_{t+1} − x_t, is regressed on the mid-year values x̄_t = (x_t + x_{t+1})/2 and ȳ_t, so that
/// Δx_t = k·ȳ_t − a·x̄_t + g (ordinary least squares, standard errors from σ²(XᵀX)⁻¹).
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
        var (beta, se, r2) = Ols(incs, mids);
        var slope = beta[1];
        var intercept = beta[0];
        var zero = slope == 0 ? double.NaN : -intercept / slope;
        return new SumReductionResult(new Estimate(slope, se[1]), new Estimate(intercept, se[0]), zero, r2, n, mids, incs);
    }

    private static SideFit FitSide(double[] change, double[] other, double[] own)
    {
        var (beta, se, r2) = Ols(change, other, own);
        return new SideFit(new Estimate(beta[1], se[1]), new Estimate(-beta[2], se[2]), new Estimate(beta[0], se[0]), r2, change.Length);
    }

    /// <summary>OLS with an intercept first; standard errors are NaN when there are no residual degrees of freedom.</summary>
    private static (double[] Beta, double[] StandardErrors, double RSquared) Ols(double[] response, params double[][] regressors)
    {
        var n = response.Length;
        var p = regressors.Length + 1;
        var design = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1.0 : regressors[j - 1][i]);
        var yv = Vector<double>.Build.DenseOfArray(response);
        if (n < p || design.Rank() < p)
        {
            throw new ModelInputException("The series are collinear (for example constant or exactly proportional); the coefficients cannot be identified.");
        }
        var inverse = design.TransposeThisAndMultiply(design).Inverse();
        var beta = inverse * design.TransposeThisAndMultiply(yv);
        var residuals = yv - design * beta;
        var rss = residuals.DotProduct(residuals);
        var mean = response.Average();
        var tss = response.Sum(v => (v - mean) * (v - mean));
        var r2 = tss == 0 ? double.NaN : 1 - rss / tss;
        var dof = n - p;
        var sigma2 = dof > 0 ? rss / dof : double.NaN;
        var se = Enumerable.Range(0, p).Select(j => Math.Sqrt(sigma2 * inverse[j, j])).ToArray();
        return (beta.ToArray(), se, r2);
    }

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
