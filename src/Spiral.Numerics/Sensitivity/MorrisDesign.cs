using Spiral.Numerics.Random;

namespace Spiral.Numerics.Sensitivity;

/// <summary>The elementary-effect statistics of one factor (Morris 1991; Campolongo, Cariboni &amp; Saltelli 2007).</summary>
/// <param name="Index">The factor's position in the design.</param>
/// <param name="MuStar">μ*, the mean absolute elementary effect: the factor's overall influence.</param>
/// <param name="Mu">μ, the mean signed elementary effect.</param>
/// <param name="Sigma">σ, the standard deviation of the effects: non-linearity or interactions.</param>
/// <param name="MuStarInterval">A bootstrap percentile interval for μ* over the trajectories.</param>
public sealed record MorrisFactor(int Index, double MuStar, double Mu, double Sigma, SensitivityInterval MuStarInterval);

public sealed record MorrisResult(int Trajectories, int Levels, IReadOnlyList<MorrisFactor> Factors);

/// <summary>
/// Morris's one-at-a-time screening design (Morris 1991): r trajectories of d + 1 points on a p-level grid of the unit
/// cube, each step moving one factor (in a random order) by Δ = p / (2(p − 1)). The elementary effect of a step is the
/// output change divided by the signed step; μ* (Campolongo et al. 2007) ranks factors, σ flags interactions.
/// </summary>
public sealed class MorrisDesign
{
    private readonly double[] _points;
    private readonly int[] _movedFactor;
    private readonly double[] _step;

    private MorrisDesign(int factors, int trajectories, int levels, double[] points, int[] movedFactor, double[] step)
    {
        Factors = factors;
        Trajectories = trajectories;
        Levels = levels;
        _points = points;
        _movedFactor = movedFactor;
        _step = step;
    }

    public int Factors { get; }

    public int Trajectories { get; }

    public int Levels { get; }

    /// <summary>r·(d + 1): the model evaluations the design needs.</summary>
    public long Points => (long)Trajectories * (Factors + 1);

    /// <summary>The grid step Δ = p / (2(p − 1)).</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    public static MorrisDesign Create(int factors, int trajectories, ulong seed, int levels = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        if (levels < 2 || levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "the number of levels must be even and at least 2");
        }
        var perTrajectory = factors + 1;
        var points = new double[checked(trajectories * perTrajectory * factors)];
        var moved = new int[trajectories * factors];
        var steps = new double[trajectories * factors];
        var delta = levels / (2.0 * (levels - 1));
        var random = RandomStream.ForCoordinates(seed, 0x30FF15);
        var order = new int[factors];
        var x = new double[factors];
        for (var t = 0; t < trajectories; t++)
        {
            for (var f = 0; f < factors; f++)
            {
                // A base level from {0, 1/(p−1), …, 1}; the step goes up from the lower half and down from the upper half.
                x[f] = random.NextInt(levels) / (double)(levels - 1);
                order[f] = f;
            }
            for (var k = factors - 1; k > 0; k--)
            {
                var swap = random.NextInt(k + 1);
                (order[k], order[swap]) = (order[swap], order[k]);
            }
            var offset = t * perTrajectory * factors;
            x.CopyTo(points.AsSpan(offset, factors));
            for (var s = 0; s < factors; s++)
            {
                var f = order[s];
                var step = x[f] + delta <= 1 + 1e-12 ? delta : -delta;
                x[f] += step;
                moved[t * factors + s] = f;
                steps[t * factors + s] = step;
                x.CopyTo(points.AsSpan(offset + (s + 1) * factors, factors));
            }
        }
        return new MorrisDesign(factors, trajectories, levels, points, moved, steps);
    }

    public void Point(long index, Span<double> unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Points);
        if (unit.Length != Factors)
        {
            throw new ArgumentException($"the point has {Factors} factors, not {unit.Length}", nameof(unit));
        }
        _points.AsSpan((int)index * Factors, Factors).CopyTo(unit);
    }

    /// <summary>μ*, μ and σ of every factor from the outputs at every point (in point order).</summary>
    public MorrisResult Analyse(ReadOnlySpan<double> outputs, int bootstrap = 1000, double level = 0.95, ulong seed = 1)
    {
        if (outputs.Length != Points)
        {
            throw new ArgumentException($"expected {Points} outputs (r·(d + 1)), got {outputs.Length}", nameof(outputs));
        }
        foreach (var y in outputs)
        {
            if (!double.IsFinite(y))
            {
                throw new ArgumentException("an output is not a finite number", nameof(outputs));
            }
        }
        var effects = new double[Factors][];
        for (var f = 0; f < Factors; f++)
        {
            effects[f] = new double[Trajectories];
        }
        for (var t = 0; t < Trajectories; t++)
        {
            var baseIndex = t * (Factors + 1);
            for (var s = 0; s < Factors; s++)
            {
                var f = _movedFactor[t * Factors + s];
                effects[f][t] = (outputs[baseIndex + s + 1] - outputs[baseIndex + s]) / _step[t * Factors + s];
            }
        }
        var random = RandomStream.ForCoordinates(seed, 0xB007);
        var replicate = new double[bootstrap];
        var result = new MorrisFactor[Factors];
        for (var f = 0; f < Factors; f++)
        {
            var e = effects[f];
            double mean = 0, meanAbs = 0;
            foreach (var v in e)
            {
                mean += v;
                meanAbs += Math.Abs(v);
            }
            mean /= e.Length;
            meanAbs /= e.Length;
            double squares = 0;
            foreach (var v in e)
            {
                squares += (v - mean) * (v - mean);
            }
            var sigma = Math.Sqrt(squares / (e.Length - 1));
            for (var r = 0; r < bootstrap; r++)
            {
                double sum = 0;
                for (var k = 0; k < e.Length; k++)
                {
                    sum += Math.Abs(e[random.NextInt(e.Length)]);
                }
                replicate[r] = sum / e.Length;
            }
            var interval = SobolDesign.Interval(meanAbs, replicate, level);
            result[f] = new MorrisFactor(f, meanAbs, mean, sigma, interval);
        }
        return new MorrisResult(Trajectories, Levels, result);
    }
}
