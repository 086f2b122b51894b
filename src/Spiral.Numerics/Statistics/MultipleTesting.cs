namespace Spiral.Numerics.Statistics;

/// <summary>Tests of many hypotheses at once: p-values from normal estimates, and the Holm correction.</summary>
public static class MultipleTesting
{
    /// <summary>
    /// Holm's step-down adjusted p-values (Holm 1979): sort p ascending, p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j)).
    /// Rejecting where p̃ &lt; α controls the family-wise error rate at α under any dependence, and is uniformly more
    /// powerful than Bonferroni. Returned in the input's order.
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> p)
    {
        var m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /// <summary>
    /// One-sided p-value of H0: effect ≤ 0 against effect &gt; 0 for a normal estimate (mean, 95% interval): 1 − Φ(mean / se)
    /// with se the interval's half-width over z₀.₉₇₅. A degenerate interval gives 0 for a positive mean, else 1.
    /// </summary>
    public static double OneSidedP(Estimate e)
    {
        var se = (e.High - e.Low) / (2 * Estimate.Z95);
        if (!(se > 0))
        {
            return e.Mean > 0 ? 0 : 1;
        }
        return 1 - NormalCdf(e.Mean / se);
    }

    /// <summary>The standard normal distribution function Φ(x) = erfc(−x/√2)/2, with erfc by the Chebyshev fit of Numerical Recipes (Press et al. 2007, §6.2; relative error &lt; 1.2e−7).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
