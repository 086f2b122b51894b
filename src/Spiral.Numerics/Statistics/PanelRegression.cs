using MathNet.Numerics.LinearAlgebra;

namespace Spiral.Numerics.Statistics;

/// <summary>
/// A panel regression: coefficients with standard errors clustered by group, the residual standard deviation (with the
/// degrees of freedom the absorbed group terms use up) and a robust one (1.4826 × the median absolute residual, which
/// equals σ for normal residuals and ignores a few wild years), the observations and the groups that entered.
/// </summary>
public sealed record PanelFit(IReadOnlyList<Coefficient> Coefficients, double ResidualSd, double RobustResidualSd, int Observations, int Groups);

/// <summary>
/// Panel estimators with group (state) effects: the within (fixed-effects) estimator and a just-identified
/// instrumental-variable estimator, both with cluster-robust standard errors (Arellano 1987; Cameron &amp; Miller 2015,
/// "A Practitioner's Guide to Cluster-Robust Inference", with the CR1 small-sample factor of Stata's <c>xtreg, fe
/// vce(cluster)</c>: G/(G − 1) · (N − 1)/(N − K − 1)).
/// </summary>
public static class PanelRegression
{
    /// <summary>Normal-consistency factor of the median absolute deviation: 1/Φ⁻¹(3/4).</summary>
    public const double MadToSd = 1.4826;

    /// <summary>
    /// The within estimator of response = a_g (+ b_g·trend) + Σ β_k·regressor_k + u: each variable is first
    /// residualised on the group's own intercept (and, when <paramref name="trend"/> is given, its own linear trend),
    /// then OLS without intercept (Wooldridge 2010, ch. 10). A group with no more observations than its own terms is left
    /// out. Null when the slopes are not identified or fewer than two groups remain (no cluster-robust errors).
    /// </summary>
    /// <param name="response">y, one entry per observation.</param>
    /// <param name="regressors">x_k, each with one entry per observation.</param>
    /// <param name="group">The group (cluster) of each observation.</param>
    /// <param name="trend">The time of each observation, for group-specific linear trends; null for intercepts only.</param>
    public static PanelFit? Within(double[] response, double[][] regressors, int[] group, double[]? trend = null)
    {
        var k = regressors.Length;
        var terms = trend is null ? 1 : 2;
        var members = Members(group, terms + 1);
        var rows = members.SelectMany(m => m).ToArray();
        var n = rows.Length;
        var g = members.Count;
        if (g < 2 || n - g * terms - k < 1)
        {
            return null;
        }
        var y = new double[n];
        var x = new double[k][];
        for (var j = 0; j < k; j++)
        {
            x[j] = new double[n];
        }
        var at = 0;
        foreach (var m in members)
        {
            Residualise(response, m, trend, y, at);
            for (var j = 0; j < k; j++)
            {
                Residualise(regressors[j], m, trend, x[j], at);
            }
            at += m.Length;
        }
        var design = Matrix<double>.Build.Dense(n, k, (i, j) => x[j][i]);
        if (design.Rank() < k)
        {
            return null;
        }
        var inverse = design.TransposeThisAndMultiply(design).Inverse();
        var beta = inverse * design.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(y));
        var u = Vector<double>.Build.DenseOfArray(y) - design * beta;
        var meat = Matrix<double>.Build.Dense(k, k);
        at = 0;
        foreach (var m in members)
        {
            var score = Vector<double>.Build.Dense(k);
            for (var r = 0; r < m.Length; r++)
            {
                for (var j = 0; j < k; j++)
                {
                    score[j] += x[j][at + r] * u[at + r];
                }
            }
            meat += score.OuterProduct(score);
            at += m.Length;
        }
        var factor = (double)g / (g - 1) * (n - 1.0) / Math.Max(1, n - k - 1);
        var covariance = inverse * meat * inverse * factor;
        var coefficients = Enumerable.Range(0, k).Select(j => new Coefficient(beta[j], Math.Sqrt(covariance[j, j]))).ToArray();
        var rss = u.DotProduct(u);
        return new PanelFit(coefficients, Math.Sqrt(rss / (n - g * terms - k)), RobustSd(u.ToArray()), n, g);
    }

    /// <summary>
    /// The just-identified instrumental-variable estimate of y = c + β·x + u with z the instrument for x:
    /// β = Σ(z − z̄)(y − ȳ) / Σ(z − z̄)(x − x̄), its variance clustered by group, Σ_g (Σ (z − z̄)·u)² / (Σ (z − z̄)(x − x̄))² ·
    /// G/(G − 1) (Anderson &amp; Hsiao 1981 use it on first differences, where c is a common trend). Null with fewer than two
    /// groups or when the instrument does not covary with x.
    /// </summary>
    public static PanelFit? InstrumentalVariable(double[] y, double[] x, double[] z, int[] group)
    {
        var members = Members(group, 1);
        if (members.Count < 2 || y.Length < 3)
        {
            return null;
        }
        double my = y.Average(), mx = x.Average(), mz = z.Average();
        double zx = 0, zy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            zx += (z[i] - mz) * (x[i] - mx);
            zy += (z[i] - mz) * (y[i] - my);
        }
        if (zx == 0)
        {
            return null;
        }
        var beta = zy / zx;
        var u = new double[y.Length];
        double rss = 0, meat = 0;
        foreach (var m in members)
        {
            double score = 0;
            foreach (var i in m)
            {
                u[i] = y[i] - my - beta * (x[i] - mx);
                rss += u[i] * u[i];
                score += (z[i] - mz) * u[i];
            }
            meat += score * score;
        }
        var g = members.Count;
        var se = Math.Sqrt(meat / (zx * zx) * g / (g - 1));
        return new PanelFit([new Coefficient(beta, se)], Math.Sqrt(rss / (y.Length - 2)), RobustSd(u), y.Length, g);
    }

    /// <summary>
    /// Nickell's (1981) asymptotic bias (N → ∞, T fixed) of the within estimator of ρ in y_t = a_i + ρ y_t−1 + e with T
    /// observations per group: −(1 + ρ)/(T − 1) · A / (1 − 2ρ/((1 − ρ)(T − 1)) · A), A = 1 − (1 − ρᵀ)/(T(1 − ρ)).
    /// </summary>
    public static double NickellBias(double rho, double t)
    {
        var a = 1 - (1 - Math.Pow(rho, t)) / (t * (1 - rho));
        return -(1 + rho) / (t - 1) * a / (1 - 2 * rho / ((1 - rho) * (t - 1)) * a);
    }

    /// <summary>
    /// The ρ whose within estimate converges to <paramref name="rhoHat"/>: solves ρ + <see cref="NickellBias"/>(ρ, T) = ρ̂
    /// by bisection on (−1, 1). NaN for T ≤ 2 or when ρ̂ lies outside what a stationary ρ can produce.
    /// </summary>
    public static double NickellCorrected(double rhoHat, double t)
    {
        if (!(t > 2) || !double.IsFinite(rhoHat))
        {
            return double.NaN;
        }
        double lo = -0.999, hi = 0.999;
        double F(double r) => r + NickellBias(r, t) - rhoHat;
        if (F(lo) > 0 || F(hi) < 0)
        {
            return double.NaN;
        }
        for (var i = 0; i < 100; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (F(mid) < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>1.4826 × the median of |u|: the residual sd a normal sample would give, insensitive to outliers.</summary>
    public static double RobustSd(IReadOnlyList<double> u)
    {
        if (u.Count == 0)
        {
            return double.NaN;
        }
        var a = u.Select(Math.Abs).Order().ToArray();
        var mid = a.Length / 2;
        var median = a.Length % 2 == 1 ? a[mid] : 0.5 * (a[mid - 1] + a[mid]);
        return MadToSd * median;
    }

    /// <summary>The observation indices of each group with at least <paramref name="minimum"/> of them, groups in order of first appearance.</summary>
    private static List<int[]> Members(int[] group, int minimum)
    {
        var order = new List<int>();
        var byGroup = new Dictionary<int, List<int>>();
        for (var i = 0; i < group.Length; i++)
        {
            if (!byGroup.TryGetValue(group[i], out var list))
            {
                byGroup[group[i]] = list = [];
                order.Add(group[i]);
            }
            list.Add(i);
        }
        return order.Select(g => byGroup[g]).Where(l => l.Count >= minimum).Select(l => l.ToArray()).ToList();
    }

    /// <summary>Writes v[rows] minus its group mean (or its group's least-squares line on the trend) into target from offset.</summary>
    private static void Residualise(double[] v, int[] rows, double[]? trend, double[] target, int offset)
    {
        if (trend is null)
        {
            var mean = rows.Average(i => v[i]);
            for (var r = 0; r < rows.Length; r++)
            {
                target[offset + r] = v[rows[r]] - mean;
            }
            return;
        }
        var t = rows.Select(i => trend[i]).ToArray();
        var values = rows.Select(i => v[i]).ToArray();
        var line = LeastSquares.Line(t, values);
        for (var r = 0; r < rows.Length; r++)
        {
            target[offset + r] = values[r] - (line.Intercept + line.Slope * t[r]);
        }
    }
}
