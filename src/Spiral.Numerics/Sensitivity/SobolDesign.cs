using Spiral.Numerics.Random;
using Spiral.Numerics.Statistics;

namespace Spiral.Numerics.Sensitivity;

/// <summary>An estimate with a bootstrap percentile interval.</summary>
public sealed record SensitivityInterval(double Estimate, double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>The Sobol indices of one factor: first-order (main effect) and total (main plus all interactions).</summary>
public sealed record SobolFactor(int Index, SensitivityInterval First, SensitivityInterval Total);

/// <summary>Sobol indices of every factor, with the output variance they divide.</summary>
/// <param name="BaseSamples">N, the rows of each of the matrices A and B.</param>
/// <param name="Variance">The output variance over the 2N points of A and B.</param>
/// <param name="Level">The confidence level of the bootstrap intervals.</param>
/// <param name="Bootstrap">Bootstrap replicates behind the intervals.</param>
/// <param name="Factors">The indices of each factor, in design order.</param>
public sealed record SobolResult(int BaseSamples, double Variance, double Level, int Bootstrap, IReadOnlyList<SobolFactor> Factors);

/// <summary>
/// Saltelli's design for variance-based global sensitivity analysis (Sobol 1993; Saltelli 2002; Saltelli et al. 2010):
/// two independent N × d matrices A and B of uniform points in the unit cube, and for each factor i the matrix
/// A<sub>B</sub><sup>(i)</sup> (A with column i taken from B), N·(d + 2) points in all. Points are laid out as the N rows
/// of A, then of B, then of each A<sub>B</sub><sup>(i)</sup> in factor order. A and B are drawn by Latin-hypercube
/// sampling (McKay, Beckman &amp; Conover 1979) from <see cref="RandomStream"/>, so a seed gives the same design
/// everywhere. First-order indices use the estimator of Saltelli et al. (2010, table 2 (b)), total indices Jansen's
/// (1999); intervals are bootstrap percentiles over the N rows (Archer, Saltelli &amp; Sobol 1997).
/// </summary>
public sealed class SobolDesign
{
    private readonly double[] _a;
    private readonly double[] _b;

    private SobolDesign(int factors, int baseSamples, double[] a, double[] b)
    {
        Factors = factors;
        BaseSamples = baseSamples;
        _a = a;
        _b = b;
    }

    public int Factors { get; }

    public int BaseSamples { get; }

    /// <summary>N·(d + 2): the model evaluations the design needs.</summary>
    public long Points => (long)BaseSamples * (Factors + 2);

    /// <summary>A design of <paramref name="baseSamples"/> rows over <paramref name="factors"/> factors, from <paramref name="seed"/>.</summary>
    public static SobolDesign Create(int factors, int baseSamples, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        var a = Flatten(LatinHypercube.Sample(baseSamples, factors, RandomStream.DeriveSeed(seed, 0, "sobol.A")));
        var b = Flatten(LatinHypercube.Sample(baseSamples, factors, RandomStream.DeriveSeed(seed, 0, "sobol.B")));
        return new SobolDesign(factors, baseSamples, a, b);
    }

    private static double[] Flatten(double[][] rows) => rows.SelectMany(r => r).ToArray();

    /// <summary>Writes point <paramref name="index"/> (in the layout A, B, A_B^(0), …) into <paramref name="unit"/>.</summary>
    public void Point(long index, Span<double> unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Points);
        if (unit.Length != Factors)
        {
            throw new ArgumentException($"the point has {Factors} factors, not {unit.Length}", nameof(unit));
        }
        var block = (int)(index / BaseSamples);
        var row = (int)(index % BaseSamples);
        var source = block == 1 ? _b : _a;
        source.AsSpan(row * Factors, Factors).CopyTo(unit);
        if (block >= 2)
        {
            var factor = block - 2;
            unit[factor] = _b[row * Factors + factor];
        }
    }

    /// <summary>
    /// The first-order and total indices from the outputs at every point of the design (in point order), with
    /// <paramref name="bootstrap"/> percentile-bootstrap replicates at confidence <paramref name="level"/>.
    /// </summary>
    public SobolResult Analyse(ReadOnlySpan<double> outputs, int bootstrap = 1000, double level = 0.95, ulong seed = 1)
    {
        if (outputs.Length != Points)
        {
            throw new ArgumentException($"expected {Points} outputs (N·(d + 2)), got {outputs.Length}", nameof(outputs));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrap, 0);
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie in (0, 1)");
        }
        foreach (var y in outputs)
        {
            if (!double.IsFinite(y))
            {
                throw new ArgumentException("an output is not a finite number", nameof(outputs));
            }
        }
        var n = BaseSamples;
        var rows = new int[n];
        for (var j = 0; j < n; j++)
        {
            rows[j] = j;
        }
        var point = new double[Factors * 2];
        var variance = Indices(outputs, rows, point);
        var estimates = (double[])point.Clone();
        var replicates = new double[Factors * 2][];
        for (var k = 0; k < replicates.Length; k++)
        {
            replicates[k] = new double[bootstrap];
        }
        var random = RandomStream.ForCoordinates(seed, 0xB007);
        for (var r = 0; r < bootstrap; r++)
        {
            for (var j = 0; j < n; j++)
            {
                rows[j] = random.NextInt(n);
            }
            Indices(outputs, rows, point);
            for (var k = 0; k < point.Length; k++)
            {
                replicates[k][r] = point[k];
            }
        }
        var factors = new SobolFactor[Factors];
        for (var i = 0; i < Factors; i++)
        {
            factors[i] = new SobolFactor(i,
                Interval(estimates[2 * i], replicates[2 * i], level),
                Interval(estimates[2 * i + 1], replicates[2 * i + 1], level));
        }
        return new SobolResult(n, variance, level, bootstrap, factors);
    }

    /// <summary>First-order and total indices (interleaved per factor) over the given rows; returns the variance.</summary>
    private double Indices(ReadOnlySpan<double> outputs, int[] rows, double[] into)
    {
        var n = BaseSamples;
        var fa = outputs[..n];
        var fb = outputs.Slice(n, n);
        double sum = 0, sumSquares = 0;
        foreach (var j in rows)
        {
            sum += fa[j] + fb[j];
            sumSquares += fa[j] * fa[j] + fb[j] * fb[j];
        }
        var count = 2.0 * rows.Length;
        var mean = sum / count;
        var variance = sumSquares / count - mean * mean;
        for (var i = 0; i < Factors; i++)
        {
            var fab = outputs.Slice((2 + i) * n, n);
            double first = 0, total = 0;
            foreach (var j in rows)
            {
                first += fb[j] * (fab[j] - fa[j]);
                var d = fa[j] - fab[j];
                total += d * d;
            }
            into[2 * i] = variance > 0 ? first / rows.Length / variance : 0;
            into[2 * i + 1] = variance > 0 ? total / (2.0 * rows.Length) / variance : 0;
        }
        return variance;
    }

    /// <summary>The estimate with the percentile interval of its bootstrap replicates at the given level.</summary>
    internal static SensitivityInterval Interval(double estimate, double[] replicates, double level)
    {
        if (replicates.Length == 0)
        {
            return new SensitivityInterval(estimate, estimate, estimate);
        }
        var sorted = (double[])replicates.Clone();
        Array.Sort(sorted);
        var tail = (1 - level) / 2;
        return new SensitivityInterval(estimate, Quantile(sorted, tail), Quantile(sorted, 1 - tail));
    }

    /// <summary>The linearly interpolated quantile of sorted values (Hyndman &amp; Fan 1996, type 7).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
