namespace Spiral.Numerics.Statistics;

/// <summary>A proportion or mean with its 95% interval.</summary>
public readonly record struct Estimate(double Mean, double Low, double High)
{
    /// <summary>The 0.975 quantile of the standard normal: the half-width of a 95% interval in standard errors.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval for a binomial proportion (Wilson 1927): sensible at 0 and 1, unlike the Wald interval.</summary>
    public static Estimate Proportion(long successes, long trials) =>
        trials <= 0 ? new Estimate(0, 0, 0) : Wilson((double)successes / trials, trials);

    /// <summary>The Wilson interval of an observed share <paramref name="p"/> of <paramref name="trials"/> (Wilson 1927).</summary>
    public static Estimate Wilson(double p, long trials)
    {
        if (trials <= 0)
        {
            return new Estimate(0, 0, 0);
        }
        const double z = Z95;
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
        double ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return OfMoments(n, mean, n > 1 ? ss / (n - 1) : 0, floor);
    }

    /// <summary>
    /// The normal-approximation 95% interval of a mean of <paramref name="n"/> values with sample variance
    /// <paramref name="variance"/>, its lower end cut at <paramref name="floor"/>; a single value is its own interval.
    /// </summary>
    public static Estimate OfMoments(long n, double mean, double variance, double floor = double.NegativeInfinity)
    {
        if (n <= 0)
        {
            return new Estimate(0, 0, 0);
        }
        if (n == 1)
        {
            return new Estimate(mean, mean, mean);
        }
        return Normal(mean, Math.Sqrt(variance / n), floor);
    }

    /// <summary>The normal-approximation 95% interval value ± z·standardError, its lower end cut at <paramref name="floor"/>.</summary>
    public static Estimate Normal(double value, double standardError, double floor = double.NegativeInfinity) =>
        new(value, Math.Max(floor, value - Z95 * standardError), value + Z95 * standardError);

    /// <summary>A ratio of totals, Σy / Σx, and 0 when Σx = 0 (nothing to divide by: no crisis, no war per crisis).</summary>
    public static double Ratio(double sumY, double sumX) => sumX > 0 ? sumY / sumX : 0;

    /// <summary>A ratio of sums R = Σy / Σx (<see cref="Ratio"/>), e.g. wars per crisis over an ensemble's runs.</summary>
    public static double RatioOfSums(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        double sy = 0, sx = 0;
        for (var i = 0; i < y.Length; i++)
        {
            sy += y[i];
            sx += x[i];
        }
        return Ratio(sy, sx);
    }

    /// <summary>
    /// The paired difference of two ratios of sums over the same runs, R_t − R_b with R = Σy / Σx, and its 95%
    /// interval by the delta method for ratio estimators (Cochran 1977, Sampling Techniques, §6.4): run i contributes
    /// d_i = (y_t,i − R_t x_t,i) / x̄_t − (y_b,i − R_b x_b,i) / x̄_b, and the standard error is sd(d)/√n. Pairing the
    /// runs (common random numbers) keeps their correlation in d. An arm whose Σx is 0 has ratio 0 and contributes
    /// nothing to d.
    /// </summary>
    public static Estimate PairedRatioDifference(ReadOnlySpan<double> yBaseline, ReadOnlySpan<double> xBaseline,
        ReadOnlySpan<double> yTreated, ReadOnlySpan<double> xTreated)
    {
        var n = yBaseline.Length;
        if (n == 0 || xBaseline.Length != n || yTreated.Length != n || xTreated.Length != n)
        {
            throw new ArgumentException("the four series must have the same, non-zero length");
        }
        var rb = RatioOfSums(yBaseline, xBaseline);
        var rt = RatioOfSums(yTreated, xTreated);
        double mb = 0, mt = 0;
        for (var i = 0; i < n; i++)
        {
            mb += xBaseline[i];
            mt += xTreated[i];
        }
        mb /= n;
        mt /= n;
        if (n == 1)
        {
            return new Estimate(rt - rb, rt - rb, rt - rb);
        }
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var d = (mt > 0 ? (yTreated[i] - rt * xTreated[i]) / mt : 0) - (mb > 0 ? (yBaseline[i] - rb * xBaseline[i]) / mb : 0);
            sum += d;
            sumSquares += d * d;
        }
        var variance = Math.Max(0, (sumSquares - sum * sum / n) / (n - 1));
        return Normal(rt - rb, Math.Sqrt(variance / n));
    }
}

/// <summary>
/// Count, sum, maximum and variance of a stream of values in constant memory. The mean is the plain sum over the
/// count (the same number a two-pass mean gives); the variance is Welford's (1962) one-pass update, which differs
/// from a two-pass variance only by rounding. NaN values (undefined for a run) are skipped.
/// </summary>
public sealed class RunningMoments
{
    private double _welfordMean, _m2;

    public long Count { get; private set; }
    public double Sum { get; private set; }
    /// <summary>Largest value seen; NaN before the first.</summary>
    public double Maximum { get; private set; } = double.NaN;

    public double Mean => Count > 0 ? Sum / Count : 0;

    /// <summary>Sample variance (n − 1 in the denominator); 0 for fewer than two values.</summary>
    public double Variance => Count > 1 ? _m2 / (Count - 1) : 0;

    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        Count++;
        Sum += value;
        var delta = value - _welfordMean;
        _welfordMean += delta / Count;
        _m2 += delta * (value - _welfordMean);
        Maximum = double.IsNaN(Maximum) ? value : Math.Max(Maximum, value);
    }
}

/// <summary>
/// Quantiles of a stream in constant memory: the P² algorithm (Jain and Chlamtac 1985) in its form for several
/// quantiles p₁ &lt; … &lt; pₘ (Raatikainen 1987): 2m + 3 markers whose heights follow the minimum, each pⱼ, the
/// midpoints between them and the maximum, adjusted by piecewise-parabolic interpolation. Marker heights stay
/// ordered, so the estimates never cross. Exact (type-7 interpolation of the sorted values, Hyndman and Fan 1996) up
/// to as many values as markers; deterministic for a given order of values.
/// </summary>
public sealed class P2Quantiles
{
    private readonly double[] _quantiles;
    private readonly double[] _height;
    private readonly double[] _position;
    private readonly double[] _desired;
    private readonly double[] _increment;

    public P2Quantiles(params double[] quantiles)
    {
        if (quantiles.Length == 0 || quantiles.Any(p => p is <= 0 or >= 1) || quantiles.Zip(quantiles.Skip(1)).Any(x => x.First >= x.Second))
        {
            throw new ArgumentOutOfRangeException(nameof(quantiles), "one or more increasing quantiles strictly between 0 and 1");
        }
        _quantiles = quantiles;
        var fractions = new List<double> { 0 };
        var previous = 0.0;
        foreach (var p in quantiles)
        {
            fractions.Add((previous + p) / 2);
            fractions.Add(p);
            previous = p;
        }
        fractions.Add((previous + 1) / 2);
        fractions.Add(1);
        _increment = fractions.ToArray();
        var markers = _increment.Length;
        _height = new double[markers];
        _position = Enumerable.Range(1, markers).Select(i => (double)i).ToArray();
        _desired = _increment.Select(f => 1 + (markers - 1) * f).ToArray();
    }

    public long Count { get; private set; }

    public void Add(double x)
    {
        var markers = _height.Length;
        if (Count < markers)
        {
            _height[Count++] = x;
            if (Count == markers)
            {
                Array.Sort(_height);
            }
            return;
        }
        Count++;
        int k;
        if (x < _height[0])
        {
            _height[0] = x;
            k = 0;
        }
        else if (x >= _height[markers - 1])
        {
            _height[markers - 1] = x;
            k = markers - 2;
        }
        else
        {
            k = 0;
            while (x >= _height[k + 1])
            {
                k++;
            }
        }
        for (var i = k + 1; i < markers; i++)
        {
            _position[i]++;
        }
        for (var i = 0; i < markers; i++)
        {
            _desired[i] += _increment[i];
        }
        for (var i = 1; i < markers - 1; i++)
        {
            var d = _desired[i] - _position[i];
            if ((d >= 1 && _position[i + 1] - _position[i] > 1) || (d <= -1 && _position[i - 1] - _position[i] < -1))
            {
                var s = Math.Sign(d);
                var candidate = Parabolic(i, s);
                _height[i] = _height[i - 1] < candidate && candidate < _height[i + 1] ? candidate : Linear(i, s);
                _position[i] += s;
            }
        }
    }

    /// <summary>The estimate of the <paramref name="index"/>-th quantile given to the constructor; 0 before any value.</summary>
    public double Value(int index)
    {
        if (Count == 0)
        {
            return 0;
        }
        if (Count > _height.Length)
        {
            return _height[2 * index + 2];
        }
        var sorted = _height.AsSpan(0, (int)Count).ToArray();
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * _quantiles[index];
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private double Parabolic(int i, int s) =>
        _height[i] + s / (_position[i + 1] - _position[i - 1])
        * ((_position[i] - _position[i - 1] + s) * (_height[i + 1] - _height[i]) / (_position[i + 1] - _position[i])
           + (_position[i + 1] - _position[i] - s) * (_height[i] - _height[i - 1]) / (_position[i] - _position[i - 1]));

    private double Linear(int i, int s) =>
        _height[i] + s * (_height[i + s] - _height[i]) / (_position[i + s] - _position[i]);
}
