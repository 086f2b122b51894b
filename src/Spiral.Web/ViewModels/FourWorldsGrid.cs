using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;

namespace Spiral.Web.ViewModels;

/// <summary>
/// One cell of the four-worlds map: outcomes of an ensemble at an offense advantage and a distinguishability, each
/// with its 95% interval (<see cref="FourWorldsGrid.MapOutcomes"/>: crises per run, crises reaching use of force per
/// run, spirals, P(war)).
/// </summary>
public sealed record WorldCell(double OffenseAdvantage, double Distinguishability, Estimate War, Estimate Spirals,
    Estimate Crises, Estimate UseOfForce)
{
    /// <summary>The cell's estimate of one of <see cref="FourWorldsGrid.MapOutcomes"/>.</summary>
    /// <exception cref="ArgumentException">An outcome the map does not hold.</exception>
    public Estimate Of(Outcome outcome) =>
        outcome == OutcomeRegistry.HadWar ? War
        : outcome == OutcomeRegistry.Spirals ? Spirals
        : outcome == OutcomeRegistry.Crises ? Crises
        : outcome == OutcomeRegistry.CrisesAtUseOfForce ? UseOfForce
        : throw new ArgumentException($"the four-worlds map does not hold '{outcome.Name}'", nameof(outcome));
}

/// <summary>
/// Jervis's (1978) four worlds as a map: the probability of war over a grid of offense advantage (β) and
/// distinguishability (ω), each cell an ensemble of the same base scenario with only those two parameters changed.
/// </summary>
public sealed record FourWorldsGrid(string Scenario, int RunsPerCell, IReadOnlyList<double> OffenseAdvantages,
    IReadOnlyList<double> Distinguishabilities, IReadOnlyList<WorldCell> Cells)
{
    /// <summary>The library scenario the map varies by default: six security-seekers in Jervis's doubly dangerous world.</summary>
    public const string DefaultScenario = "jervis-doubly-dangerous";

    /// <summary>
    /// The outcomes the map can show, from the outcome registry, default first. With model v2 the model rarely starts a
    /// war in the Jervis scenarios, so P(war) is near 0 in every cell; the crisis rate varies across the grid and shows
    /// Jervis's gradient, so the map opens on it.
    /// </summary>
    public static IReadOnlyList<Outcome> MapOutcomes { get; } =
        [OutcomeRegistry.Crises, OutcomeRegistry.CrisesAtUseOfForce, OutcomeRegistry.Spirals, OutcomeRegistry.HadWar];

    /// <summary>One of <see cref="MapOutcomes"/> by name, or null.</summary>
    public static Outcome? MapOutcome(string? name) => MapOutcomes.FirstOrDefault(o => o.Name == name);

    /// <summary>β = 1 separates defense-favoured from offense-favoured worlds; ω = 0.5 separates the indistinguishable from the distinguishable.</summary>
    public const double NeutralOffense = 1.0;
    public const double MiddleDistinguishability = 0.5;

    /// <summary>The two swept parameters, in the axis order of <c>sweeps/four-worlds.yaml</c> (β varies slowest).</summary>
    public const string OffensePath = "world.offenseAdvantage";
    public const string DistinguishabilityPath = "world.distinguishability";

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

    /// <summary>The map as a sweep (the shape of <c>sweeps/four-worlds.yaml</c>): β × ω on a size × size grid, <paramref name="runsPerCell"/> replications.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Size outside 2..12 or runs per cell outside 1..10000.</exception>
    public static SweepDefinition Sweep(Scenario baseScenario, int size, int runsPerCell, ulong seed = 1)
    {
        if (size < 2 || size > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "grid size must be from 2 to 12");
        }
        if (runsPerCell < 1 || runsPerCell > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(runsPerCell), runsPerCell, "runs per cell must be from 1 to 10000");
        }
        return new SweepDefinition("four-worlds", baseScenario,
            [SweepAxis.OfValues(OffensePath, OffenseAxis(size)), SweepAxis.OfValues(DistinguishabilityPath, DistinguishabilityAxis(size))],
            runsPerCell, seed);
    }

    /// <summary>Runs the sweep of <see cref="Sweep"/> through the one runner; progress counts runs.</summary>
    public static FourWorldsGrid Compute(Scenario baseScenario, int size, int runsPerCell, ulong seed = 1,
        CancellationToken cancel = default, IProgress<long>? progress = null, RunnerOptions? options = null)
    {
        var sweep = new SweepExperiment(Sweep(baseScenario, size, runsPerCell, seed));
        var cells = CellsOf(sweep, options, cancel, progress);
        return new FourWorldsGrid(baseScenario.Name, runsPerCell, OffenseAxis(size), DistinguishabilityAxis(size),
            cells.OrderBy(c => c.Distinguishability).ThenBy(c => c.OffenseAdvantage).ToList());
    }

    /// <summary>One cell per point of a sweep over <see cref="OffensePath"/> and <see cref="DistinguishabilityPath"/>, in point order.</summary>
    public static IReadOnlyList<WorldCell> CellsOf(SweepExperiment sweep, RunnerOptions? options = null, CancellationToken cancel = default,
        IProgress<long>? progress = null)
    {
        var aggregators = new EnsembleAggregator[sweep.PointCount];
        ExperimentRunner.Run(sweep, options ?? RunnerOptions.Default, RunSinks.Of(run =>
            (aggregators[run.Point] ??= new EnsembleAggregator(sweep.ScenarioAt(run.Point), sweep.Seed, sweep.Steps)).Accept(run)),
            cancel, progress);
        return aggregators.Select((a, p) =>
        {
            var scenario = sweep.ScenarioAt(p);
            var summary = a.Result();
            return new WorldCell(scenario.World.OffenseAdvantage, scenario.World.Distinguishability,
                summary[OutcomeRegistry.HadWar].Estimate, summary[OutcomeRegistry.Spirals].Estimate,
                summary[OutcomeRegistry.Crises].Estimate, summary[OutcomeRegistry.CrisesAtUseOfForce].Estimate);
        }).ToList();
    }
}
