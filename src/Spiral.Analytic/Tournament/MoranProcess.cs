using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tournament;

/// <summary>Settings of a Moran process.</summary>
/// <param name="Intensity">Selection intensity w ∈ [0, 1]: fitness = 1 − w + w·(mean payoff); 0 is neutral drift.</param>
/// <param name="MaxSteps">Birth–death steps after which a run stops unfixed.</param>
/// <param name="Runs">Independent runs from the same start.</param>
/// <param name="Seed">Seed of the random streams; run r uses the stream derived from (seed, r).</param>
/// <param name="TraceEvery">Record the population every this many steps of the first run (0: no trace).</param>
public sealed record MoranSettings(double Intensity = 1, int MaxSteps = 100_000, int Runs = 1, ulong Seed = 0, int TraceEvery = 0)
{
    public MoranSettings Validated()
    {
        Require.Probability(Intensity, "intensity (w)");
        Require.Positive(MaxSteps, "max-steps");
        Require.Positive(Runs, "runs");
        if (TraceEvery < 0)
        {
            throw new ModelInputException($"trace interval must be >= 0, got {TraceEvery}.");
        }
        return this;
    }
}

/// <summary>One run: who fixated (null if none did within the step limit), after how many steps.</summary>
public sealed record MoranRun(int? FixatedType, int Steps, int[] FinalCounts);

/// <summary>Results over all runs.</summary>
public sealed record MoranResult(
    IReadOnlyList<MoranRun> Runs, double[] FixationFrequency, IReadOnlyList<(int Step, int[] Counts)> Trace);

/// <summary>
/// The frequency-dependent Moran process of evolutionary game theory (Moran 1958; Nowak, Sasaki, Taylor and
/// Fudenberg, <i>Nature</i> 428, 2004): in a population of N, each step one individual reproduces with
/// probability proportional to its fitness and its offspring replaces one individual chosen uniformly. Fitness
/// comes from the mean payoff per turn against the rest of the population, read from a payoff matrix (for
/// example a tournament's).
/// </summary>
public static class MoranProcess
{
    public static MoranResult Run(double[][] payoff, int[] initialCounts, MoranSettings settings)
    {
        settings.Validated();
        var types = initialCounts.Length;
        CheckMatrix(payoff, types);
        if (initialCounts.Any(c => c < 0))
        {
            throw new ModelInputException("Initial counts must be >= 0.");
        }
        var size = initialCounts.Sum();
        if (size < 2)
        {
            throw new ModelInputException($"The population needs at least 2 individuals, got {size}.");
        }

        var runs = new List<MoranRun>(settings.Runs);
        var trace = new List<(int, int[])>();
        var fixations = new double[types];
        var counts = new int[types];
        var fitness = new double[types];
        for (var run = 0; run < settings.Runs; run++)
        {
            Array.Copy(initialCounts, counts, types);
            var random = RandomStream.ForCoordinates(settings.Seed, (ulong)run);
            var step = 0;
            var traceThis = run == 0 && settings.TraceEvery > 0;
            if (traceThis)
            {
                trace.Add((0, (int[])counts.Clone()));
            }
            int? fixated = Fixated(counts, size);
            while (fixated is null && step < settings.MaxSteps)
            {
                var total = 0.0;
                for (var s = 0; s < types; s++)
                {
                    if (counts[s] == 0)
                    {
                        fitness[s] = 0;
                        continue;
                    }
                    var sum = -payoff[s][s];
                    for (var t = 0; t < types; t++)
                    {
                        sum += counts[t] * payoff[s][t];
                    }
                    var f = 1 - settings.Intensity + settings.Intensity * sum / (size - 1);
                    if (f < 0)
                    {
                        throw new ModelInputException($"Fitness became negative ({f}); use non-negative payoffs or a smaller intensity.");
                    }
                    fitness[s] = f * counts[s];
                    total += fitness[s];
                }
                var born = total > 0 ? Pick(fitness, total, ref random) : PickByCount(counts, size, ref random);
                var dies = PickByCount(counts, size, ref random);
                counts[born]++;
                counts[dies]--;
                step++;
                if (traceThis && step % settings.TraceEvery == 0)
                {
                    trace.Add((step, (int[])counts.Clone()));
                }
                fixated = Fixated(counts, size);
            }
            if (traceThis && step % settings.TraceEvery != 0)
            {
                trace.Add((step, (int[])counts.Clone()));
            }
            if (fixated is { } winner)
            {
                fixations[winner]++;
            }
            runs.Add(new MoranRun(fixated, step, (int[])counts.Clone()));
        }
        return new MoranResult(runs, fixations.Select(f => f / settings.Runs).ToArray(), trace);
    }

    /// <summary>
    /// Exact probability that one mutant of type A takes over a population of N − 1 of type B
    /// (Nowak et al. 2004): ρ_A = 1 / (1 + Σ_{k=1}^{N−1} Π_{i=1}^{k} g_i/f_i), with
    /// f_i = 1 − w + w·(a(i−1) + b(N−i))/(N−1) and g_i = 1 − w + w·(c·i + d(N−i−1))/(N−1),
    /// a = A vs A, b = A vs B, c = B vs A, d = B vs B. Neutral drift gives 1/N.
    /// </summary>
    public static double FixationProbability(double aa, double ab, double ba, double bb, int populationSize, double intensity)
    {
        if (populationSize < 2)
        {
            throw new ModelInputException($"population must be at least 2, got {populationSize}.");
        }
        Require.Probability(intensity, "intensity (w)");
        var n = populationSize;
        double sum = 0, product = 1;
        for (var i = 1; i < n; i++)
        {
            var f = 1 - intensity + intensity * (aa * (i - 1) + ab * (n - i)) / (n - 1);
            var g = 1 - intensity + intensity * (ba * i + bb * (n - i - 1)) / (n - 1);
            if (f < 0 || g < 0)
            {
                throw new ModelInputException("Fitness must be non-negative; use non-negative payoffs or a smaller intensity.");
            }
            if (f == 0)
            {
                return 0;
            }
            product *= g / f;
            sum += product;
        }
        return 1 / (1 + sum);
    }

    private static int? Fixated(int[] counts, int size)
    {
        for (var s = 0; s < counts.Length; s++)
        {
            if (counts[s] == size)
            {
                return s;
            }
        }
        return null;
    }

    private static int Pick(double[] weights, double total, ref RandomStream random)
    {
        var u = random.NextDouble() * total;
        var last = 0;
        for (var s = 0; s < weights.Length; s++)
        {
            if (weights[s] <= 0)
            {
                continue;
            }
            last = s;
            u -= weights[s];
            if (u < 0)
            {
                return s;
            }
        }
        return last;
    }

    private static int PickByCount(int[] counts, int size, ref RandomStream random)
    {
        var u = random.NextInt(size);
        for (var s = 0; s < counts.Length; s++)
        {
            u -= counts[s];
            if (u < 0)
            {
                return s;
            }
        }
        return counts.Length - 1;
    }

    private static void CheckMatrix(double[][] payoff, int types)
    {
        if (types < 1 || payoff.Length != types || payoff.Any(row => row.Length != types))
        {
            throw new ModelInputException($"The payoff matrix must be {types}×{types}, one row and column per type.");
        }
        if (payoff.SelectMany(r => r).Any(v => !double.IsFinite(v)))
        {
            throw new ModelInputException("The payoff matrix must contain finite numbers.");
        }
    }
}
