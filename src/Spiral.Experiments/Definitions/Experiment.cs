using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;

namespace Spiral.Experiments.Definitions;

/// <summary>
/// An experiment as a value: a set of points (each a scenario) times replications. Job <c>j</c> of the experiment is
/// point <c>j / Replications</c>, replication <c>j % Replications</c>; its random streams derive from
/// (<see cref="Seed"/>, <see cref="RunIndex"/>). <see cref="Running.ExperimentRunner"/> executes any experiment.
/// </summary>
public interface IExperiment
{
    string Name { get; }
    ulong Seed { get; }
    /// <summary>Horizon override for every point; null = each point scenario's own horizon.</summary>
    int? Steps { get; }
    int PointCount { get; }
    int Replications { get; }
    /// <summary>The scenario of a point, validated (computed on demand; callers cache per point).</summary>
    /// <exception cref="InvalidScenarioException">The point's scenario breaks a rule of <see cref="Scenario.Validate"/>.</exception>
    Scenario ScenarioAt(int point);
    /// <summary>The run index a (point, replication) draws its seeds from.</summary>
    long RunIndex(int point, int replication);
}

public static class ExperimentExtensions
{
    public static long TotalRuns(this IExperiment e) => (long)e.PointCount * e.Replications;
    public static int StepsAt(this IExperiment e, Scenario pointScenario) => e.Steps ?? pointScenario.Steps;
}

/// <summary>One run: run <paramref name="RunIndex"/> of <paramref name="Scenario"/> with master seed <paramref name="Seed"/>.</summary>
public sealed record RunExperiment(Scenario Scenario, ulong Seed = 1, long RunIndex = 0, int? Steps = null) : IExperiment
{
    public string Name => Scenario.Name;
    public int PointCount => 1;
    public int Replications => 1;
    public Scenario ScenarioAt(int point) => Scenario.EnsureValid();
    long IExperiment.RunIndex(int point, int replication) => RunIndex;
}

/// <summary>An ensemble: <paramref name="Runs"/> runs of one scenario; run k draws from (seed, k).</summary>
/// <exception cref="ArgumentOutOfRangeException">Fewer than one run, or a horizon below one step.</exception>
public sealed record EnsembleExperiment(Scenario Scenario, int Runs, ulong Seed = 1, int? Steps = null) : IExperiment
{
    public int Runs { get; } = Runs >= 1 ? Runs : throw new ArgumentOutOfRangeException(nameof(Runs), Runs, "runs must be at least 1");
    public int? Steps { get; } = Steps is null or >= 1 ? Steps : throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "steps must be at least 1");

    public string Name => Scenario.Name;
    public int PointCount => 1;
    public int Replications => Runs;
    public Scenario ScenarioAt(int point) => Scenario.EnsureValid();
    public long RunIndex(int point, int replication) => replication;
}

/// <summary>
/// A paired counterfactual: point 0 is the baseline, point k the baseline with intervention k−1 applied
/// (or, with <paramref name="Combined"/>, point 1 with all of them); or, made by <see cref="OfArms"/>, any list of
/// scenarios with the first as baseline. Replication r of every point uses run index r, so the arms share seeds
/// (common random numbers) and paired differences measure the interventions' effects.
/// </summary>
/// <exception cref="ArgumentOutOfRangeException">Fewer than one run, or a horizon below one step.</exception>
public sealed record PairedCounterfactual(Scenario Baseline, IReadOnlyList<Intervention> Interventions, int Runs, ulong Seed = 1,
    int? Steps = null, bool Combined = false) : IExperiment
{
    private IReadOnlyList<Scenario>? _arms;

    public int Runs { get; } = Runs >= 1 ? Runs : throw new ArgumentOutOfRangeException(nameof(Runs), Runs, "runs must be at least 1");
    public int? Steps { get; } = Steps is null or >= 1 ? Steps : throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "steps must be at least 1");

    /// <summary>A paired experiment over explicit arms: <paramref name="arms"/>[0] is the baseline, every arm runs the same seeds.</summary>
    public static PairedCounterfactual OfArms(IReadOnlyList<Scenario> arms, int runs, ulong seed = 1, int? steps = null) =>
        arms.Count >= 1
            ? new(arms[0], [], runs, seed, steps) { _arms = arms }
            : throw new ArgumentOutOfRangeException(nameof(arms), "a paired experiment needs at least one arm");

    public string Name => Baseline.Name;
    public int PointCount => _arms?.Count ?? 1 + (Combined ? 1 : Interventions.Count);
    public int Replications => Runs;

    /// <summary>Label of an arm: "baseline", the intervention(s) applied, or the explicit arm's scenario name.</summary>
    public string ArmLabel(int point) =>
        _arms is not null ? _arms[point].Name
        : point == 0 ? "baseline" : Combined ? string.Join(" + ", Interventions.Select(i => i.Spec)) : Interventions[point - 1].Spec;

    public Scenario ScenarioAt(int point) =>
        (_arms is not null ? _arms[point]
            : point == 0 ? Baseline : Combined ? Intervention.ApplyAll(Baseline, Interventions) : Interventions[point - 1].Apply(Baseline)).EnsureValid();

    public long RunIndex(int point, int replication) => replication;
}
