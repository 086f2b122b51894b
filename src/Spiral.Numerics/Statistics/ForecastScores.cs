namespace Spiral.Numerics.Statistics;

/// <summary>A Diebold-Mariano comparison of two forecasts: the mean loss difference (first minus second), the statistic and its two-sided p-value.</summary>
/// <param name="MeanDifference">Mean of d_t = loss(first) − loss(second); negative when the first forecast is better.</param>
/// <param name="Statistic">The Harvey-Leybourne-Newbold corrected statistic, compared with Student's t on n − 1 degrees of freedom.</param>
/// <param name="PValue">Two-sided p-value; NaN when fewer than two differences or when they do not vary.</param>
/// <param name="Points">Number of loss differences.</param>
public sealed record DieboldMarianoTest(double MeanDifference, double Statistic, double PValue, int Points);

/// <summary>
/// Scores of point and probabilistic forecasts: the continuous ranked probability score of a (weighted) sample in its
/// exact energy form (Gneiting &amp; Raftery 2007, eq. 21), the mean absolute scaled error (Hyndman &amp; Koehler 2006),
/// weighted quantiles, and the Diebold-Mariano test (Diebold &amp; Mariano 1995) with the small-sample correction of
/// Harvey, Leybourne &amp; Newbold (1997).
/// </summary>
public static class ForecastScores
{
    /// <summary>
    /// CRPS of the weighted empirical distribution of <paramref name="sample"/> at the outcome <paramref name="observed"/>:
    /// Σ wᵢ|xᵢ − y| − ½ Σᵢ Σⱼ wᵢwⱼ|xᵢ − xⱼ|, with the weights normalised to sum 1 (all equal when <paramref name="weights"/> is null).
    /// Exact for the sample (no kernel, no binning); the pairwise term is summed over the sorted sample in O(n log n).
    /// </summary>
    public static double Crps(ReadOnlySpan<double> sample, ReadOnlySpan<double> weights, double observed)
    {
        var n = sample.Length;
        if (n == 0)
        {
            throw new ArgumentException("the sample is empty", nameof(sample));
        }
        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException("one weight per sample value", nameof(weights));
        }
        var order = new int[n];
        var x = sample.ToArray();
        var w = new double[n];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            w[i] = weights.IsEmpty ? 1 : weights[i];
            if (!(w[i] >= 0) || !double.IsFinite(x[i]))
            {
                throw new ArgumentException("weights must be non-negative and values finite");
            }
            total += w[i];
        }
        if (!(total > 0))
        {
            throw new ArgumentException("the weights sum to zero", nameof(weights));
        }
        // Stable order: ties keep their input order, so the sum is the same on every platform and thread count.
        Array.Sort(order, (a, b) => x[a] != x[b] ? x[a].CompareTo(x[b]) : a.CompareTo(b));
        double absolute = 0, pairs = 0, cumW = 0, cumWx = 0;
        foreach (var i in order)
        {
            var wi = w[i] / total;
            absolute += wi * Math.Abs(x[i] - observed);
            pairs += wi * (x[i] * cumW - cumWx);
            cumW += wi;
            cumWx += wi * x[i];
        }
        // pairs is Σ_{i<j} wᵢwⱼ(xⱼ − xᵢ), half of the double sum.
        return absolute - pairs;
    }

    /// <summary>
    /// Weighted quantile: the smallest sample value whose cumulative normalised weight reaches <paramref name="p"/>
    /// (the inverse of the weighted empirical distribution function; type 1 of Hyndman &amp; Fan 1996 with equal weights).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sample, ReadOnlySpan<double> weights, double p)
    {
        var n = sample.Length;
        if (n == 0 || (!weights.IsEmpty && weights.Length != n) || !(p >= 0 && p <= 1))
        {
            throw new ArgumentException("a non-empty sample, one weight per value and p in [0, 1]");
        }
        var x = sample.ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => x[a] != x[b] ? x[a].CompareTo(x[b]) : a.CompareTo(b));
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            total += weights.IsEmpty ? 1 : weights[i];
        }
        double cum = 0;
        foreach (var i in order)
        {
            cum += (weights.IsEmpty ? 1 : weights[i]) / total;
            if (cum >= p - 1e-12)
            {
                return x[i];
            }
        }
        return x[order[^1]];
    }

    /// <summary>
    /// Scale of the MASE: the in-sample mean absolute one-step error of the naive (random-walk) forecast,
    /// mean |yₜ − yₜ₋₁| over consecutive values of <paramref name="training"/> (Hyndman &amp; Koehler 2006, eq. 5).
    /// NaN marks a missing value; only pairs of consecutive present values count.
    /// </summary>
    public static double NaiveScale(ReadOnlySpan<double> training)
    {
        double sum = 0;
        var count = 0;
        for (var t = 1; t < training.Length; t++)
        {
            if (!double.IsNaN(training[t]) && !double.IsNaN(training[t - 1]))
            {
                sum += Math.Abs(training[t] - training[t - 1]);
                count++;
            }
        }
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Mean absolute scaled error: mean |eₜ| / <paramref name="scale"/> (below 1 beats the in-sample naive forecast).</summary>
    public static double Mase(ReadOnlySpan<double> errors, double scale)
    {
        if (errors.IsEmpty || !(scale > 0))
        {
            return double.NaN;
        }
        double sum = 0;
        foreach (var e in errors)
        {
            sum += Math.Abs(e);
        }
        return sum / errors.Length / scale;
    }

    /// <summary>
    /// Diebold-Mariano test of equal accuracy from the loss differences dₜ = L(e₁ₜ) − L(e₂ₜ) of <paramref name="horizon"/>-step
    /// forecasts: DM = d̄ / √(V/n), V = γ₀ + 2 Σ_{k=1}^{h−1} γₖ (autocovariances of d, divisor n; γ₀ alone when that sum is not
    /// positive), multiplied by √((n + 1 − 2h + h(h − 1)/n) / n) and compared with Student's t on n − 1 degrees of
    /// freedom (Harvey, Leybourne &amp; Newbold 1997).
    /// </summary>
    public static DieboldMarianoTest DieboldMariano(ReadOnlySpan<double> differences, int horizon = 1)
    {
        var n = differences.Length;
        if (horizon < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), "the horizon is at least 1");
        }
        if (n == 0)
        {
            return new DieboldMarianoTest(double.NaN, double.NaN, double.NaN, 0);
        }
        double mean = 0;
        foreach (var d in differences)
        {
            mean += d;
        }
        mean /= n;
        if (n < 2)
        {
            return new DieboldMarianoTest(mean, double.NaN, double.NaN, n);
        }
        var values = differences.ToArray();
        double Autocovariance(int k)
        {
            double s = 0;
            for (var t = k; t < n; t++)
            {
                s += (values[t] - mean) * (values[t - k] - mean);
            }
            return s / n;
        }
        var gamma0 = Autocovariance(0);
        var v = gamma0;
        for (var k = 1; k < Math.Min(horizon, n); k++)
        {
            v += 2 * Autocovariance(k);
        }
        if (!(v > 0))
        {
            v = gamma0;
        }
        if (!(v > 0))
        {
            return new DieboldMarianoTest(mean, double.NaN, double.NaN, n);
        }
        var dm = mean / Math.Sqrt(v / n);
        var h = (double)horizon;
        var correction = (n + 1 - 2 * h + h * (h - 1) / n) / n;
        var statistic = correction > 0 ? dm * Math.Sqrt(correction) : dm;
        var p = 2 * (1 - StudentTCdf(Math.Abs(statistic), n - 1));
        return new DieboldMarianoTest(mean, statistic, Math.Clamp(p, 0, 1), n);
    }

    /// <summary>Student's t distribution function on <paramref name="df"/> degrees of freedom, through the regularised incomplete beta function.</summary>
    public static double StudentTCdf(double t, double df)
    {
        if (!(df > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(df), "degrees of freedom must be positive");
        }
        var x = df / (df + t * t);
        var tail = 0.5 * RegularizedBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>Regularised incomplete beta I_x(a, b) by its continued fraction (modified Lentz; Press et al., <i>Numerical Recipes</i>, 3rd ed., §6.4).</summary>
    public static double RegularizedBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        var lnFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(lnFront) * BetaFraction(a, b, x) / a
            : 1 - Math.Exp(lnFront) * BetaFraction(b, a, 1 - x) / b;
    }

    private static double BetaFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, n = 9; accurate to about 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = c[0];
        for (var k = 1; k < 9; k++)
        {
            sum += c[k] / (x + k);
        }
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
