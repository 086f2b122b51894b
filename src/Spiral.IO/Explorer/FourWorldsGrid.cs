using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.IO.Explorer;

/// <summary>One cell of the four-worlds map: the war probability of an ensemble at an offense advantage and a distinguishability.</summary>
public sealed record WorldCell(double OffenseAdvantage, double Distinguishability, Estimate War, Estimate Spirals);

/// <summary>
/// Jervis's (1978) four worlds as a map: the probability of war over a grid of offense advantage (β) and
/// distinguishability (ω), each cell an ensemble of the same base scenario with only those two parameters changed.
/// </summary>
public sealed record FourWorldsGrid(string Scenario, int RunsPerCell, IReadOnlyList<double> OffenseAdvantages,
    IReadOnlyList<double> Distinguishabilities, IReadOnlyList<WorldCell> Cells)
{
    /// <summary>The library scenario the map varies by default: six security-seekers in Jervis's doubly dangerous world.</summary>
    public const string DefaultScenario = "jervis-doubly-dangerous";

    /// <summary>β = 1 separates defense-favoured from offense-favoured worlds; ω = 0.5 separates the indistinguishable from the distinguishable.</summary>
    public const double NeutralOffense = 1.0;
    public const double MiddleDistinguishability = 0.5;

    /// <summary><paramref name="size"/> offense advantages spread evenly on a log scale from 1/3 to 3, symmetric about the neutral 1
    /// (the library's Jervis worlds use β = 3 and 1/3).</summary>
    public static double[] OffenseAxis(int size) => Enumerable.Range(0, size)
        .Select(k => Math.Round(Math.Pow(3, size == 1 ? 0 : -1 + 2.0 * k / (size - 1)), 2)).ToArray();

    /// <summary><paramref name="size"/> distinguishabilities spread evenly over [0, 1].</summary>
    public static double[] DistinguishabilityAxis(int size) => Enumerable.Range(0, size)
        .Select(k => Math.Round(size == 1 ? 0.5 : (double)k / (size - 1), 2)).ToArray();

    /// <summary>Jervis's name for the quadrant a cell lies in (1978, p. 211).</summary>
    public static string Quadrant(double offenseAdvantage, double distinguishability) =>
        (offenseAdvantage > NeutralOffense, distinguishability >= MiddleDistinguishability) switch
        {
            (true, false) => "Doubly dangerous",
            (false, false) => "Security dilemma, but security requirements may be compatible",
            (true, true) => "No security dilemma, but aggression possible",
            (false, true) => "Doubly stable",
        };

    /// <summary>Runs <paramref name="runsPerCell"/> runs in every cell of a size × size grid (same seeds in every cell).</summary>
    public static FourWorldsGrid Compute(Scenario baseScenario, int size, int runsPerCell, ulong seed = 1,
        CancellationToken cancel = default, IProgress<int>? cellsDone = null)
    {
        if (size < 2 || size > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "grid size must be from 2 to 12");
        }
        if (runsPerCell < 1 || runsPerCell > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(runsPerCell), runsPerCell, "runs per cell must be from 1 to 10000");
        }
        var betas = OffenseAxis(size);
        var omegas = DistinguishabilityAxis(size);
        var cells = new List<WorldCell>(size * size);
        var done = 0;
        foreach (var omega in omegas)
        {
            foreach (var beta in betas)
            {
                cancel.ThrowIfCancellationRequested();
                var scenario = ParameterCatalog.Set(ParameterCatalog.Set(baseScenario, "world.offenseAdvantage", beta), "world.distinguishability", omega);
                var summary = EnsembleRunner.Summarize(scenario, new EnsembleOptions(runsPerCell, seed), cancel);
                cells.Add(new WorldCell(beta, omega, summary.WarProbability, summary.SpiralsPerRun));
                cellsDone?.Report(++done);
            }
        }
        return new FourWorldsGrid(baseScenario.Name, runsPerCell, betas, omegas, cells);
    }
}
