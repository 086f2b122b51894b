namespace Spiral.Numerics.Statistics;

/// <summary>A proportion or mean with its 95% interval.</summary>
public readonly record struct Estimate(double Mean, double Low, double High)
{
    /// <summary>Wilson score interval for a binomial proportion (Wilson 1927): sensible at 0 and 1, unlike the Wald interval.</summary>
    public static Estimate Proportion(int successes, int trials)
    {
        if (trials <= 0)
        {
            return new Estimate(0, 0, 0);
        }
        const double z = Z95;
        var p = (double)successes / trials;
        var denominator = 1 + z * z / trials;
        var centre = (p + z * z / (2.0 * trials)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Mean with a normal-approximation 95% interval, its lower end cut at <paramref name="floor"/> for quantities that cannot be lower (counts).</summary>
    public static Estimate OfMean(ReadOnlySpan<double> values, double floor = double.NegativeInfinity)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new Estimate(0, 0, 0);
        }
        double sum = 0;
        foreach (var v in values) sum += v;
        var mean = sum / n;
        if (n == 1)
        {
            return new Estimate(mean, mean, mean);
        }
        double ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        var se = Math.Sqrt(ss / (n - 1) / n);
        return Normal(mean, se, floor);
    }

    /// <summary>The normal-approximation 95% interval value ± z·standardError, its lower end cut at <paramref name="floor"/>.</summary>
    public static Estimate Normal(double value, double standardError, double floor = double.NegativeInfinity) =>
        new(value, Math.Max(floor, value - Z95 * standardError), value + Z95 * standardError);

    /// <summary>The two-sided 95% quantile of the standard normal, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;
}
