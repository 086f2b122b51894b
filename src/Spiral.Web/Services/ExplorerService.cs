using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Web.ViewModels;
using Spiral.IO.Scenarios;

namespace Spiral.Web.Services;

/// <summary>A library scenario as the Home page shows it.</summary>
public sealed record ScenarioCard(string Name, string Title, string Description, int States, int FirstYear, int LastYear);

/// <summary>
/// The explorer's one door to the model: loads library scenarios and runs ensembles, stories, grids and paired
/// comparisons through Spiral.IO and Spiral.Experiments, off the circuit's thread and cancellably, through the
/// server's one bounded <see cref="ExplorerWorkQueue"/>. Registered as a scoped service, so every browser tab
/// (circuit) has its own; when the circuit closes, its jobs are cancelled (<see cref="Close"/>).
/// </summary>
public sealed class ExplorerService : IDisposable
{
    public const int DefaultRuns = 500;
    public const int MaxRuns = 20_000;

    private readonly Dictionary<string, Scenario> _loaded = new(StringComparer.Ordinal);
    private readonly ExplorerWorkQueue _queue;
    private readonly CancellationTokenSource _closed = new();

    /// <summary>A service with a queue of its own (tests, tools); the web host injects the server's one queue.</summary>
    public ExplorerService() : this(new ExplorerWorkQueue())
    {
    }

    public ExplorerService(ExplorerWorkQueue queue) => _queue = queue;

    /// <summary>Told how many jobs are ahead when a job has to wait for the server.</summary>
    public Action<int>? Waiting { get; set; }

    /// <summary>Cancels every job this circuit started (running or waiting); later jobs are refused as cancelled.</summary>
    public void Close()
    {
        if (!_closed.IsCancellationRequested)
        {
            _closed.Cancel();
        }
    }

    public void Dispose()
    {
        Close();
        _closed.Dispose();
    }

    /// <summary>Queues <paramref name="work"/> with a token cancelled by the caller or by the circuit closing.</summary>
    private async Task<T> Queue<T>(Func<CancellationToken, T> work, CancellationToken cancel)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _closed.Token);
        return await _queue.RunAsync(work, linked.Token, Waiting);
    }

    public IReadOnlyList<string> Names => ScenarioLibrary.Names;

    public IReadOnlyList<ScenarioCard> Library() => Names.Select(n =>
    {
        var s = Load(n);
        return new ScenarioCard(n, s.Title.Length > 0 ? s.Title : n, s.Description.Trim(), s.States.Count, s.StartYear, TimeConvention.LastYear(s.StartYear, s.Steps));
    }).ToList();

    /// <summary>A library scenario by name.</summary>
    /// <exception cref="ScenarioException">No such scenario.</exception>
    public Scenario Load(string name)
    {
        if (!_loaded.TryGetValue(name, out var s))
        {
            s = ScenarioLoader.LoadLibrary(name);
            _loaded[name] = s;
        }
        return s;
    }

    public Task<EnsembleView> RunAsync(Scenario scenario, int runs, ulong seed, CancellationToken cancel, IProgress<long>? progress = null) =>
        Queue(c => EnsembleView.Compute(new EnsembleExperiment(scenario, runs, seed), c, progress), cancel);

    /// <summary>The four-worlds map; progress counts runs (runs per cell × cells).</summary>
    public Task<FourWorldsGrid> FourWorldsAsync(Scenario scenario, int size, int runsPerCell, ulong seed, CancellationToken cancel,
        IProgress<long>? progress = null) =>
        Queue(c => FourWorldsGrid.Compute(scenario, size, runsPerCell, seed, c, progress), cancel);

    /// <summary>The same paired experiment as <c>spiral compare</c>: both arms once, on the same seeds; progress counts runs of both arms.</summary>
    public Task<ComparisonResult> CompareAsync(Scenario scenario, string intervention, int runs, ulong seed, CancellationToken cancel,
        IProgress<long>? progress = null)
    {
        var experiment = new PairedCounterfactual(scenario, [Intervention.Parse(intervention)], runs, seed);
        return Queue(c => PairedComparison.Run(experiment, RunnerOptions.Default, c, progress).Single(), cancel);
    }

    /// <summary>
    /// A/B: two versions of a scenario on the same seeds (<see cref="PairedCounterfactual.OfArms"/>, arm 0 = A), each
    /// run once; the result keeps both arms' per-run outcomes and the paired difference B − A
    /// (<see cref="PairedResult.Comparisons"/>). Progress counts runs of both arms.
    /// </summary>
    public Task<PairedResult> AbAsync(Scenario a, Scenario b, int runs, ulong seed, CancellationToken cancel, IProgress<long>? progress = null) =>
        Queue(c => PairedComparison.Measure(PairedCounterfactual.OfArms([a, b], runs, seed), RunnerOptions.Default, c, progress), cancel);

    public Task<StoryRun> StoryAsync(Scenario scenario, ulong seed, long runIndex, CancellationToken cancel) =>
        Queue(_ => StoryRun.Tell(scenario, seed, runIndex), cancel);

    /// <summary>One run to watch year by year (the Story page's run for this seed and run index), through the queue.</summary>
    public Task<WatchedRun> WatchAsync(Scenario scenario, ulong seed, long runIndex, CancellationToken cancel) =>
        Queue(_ => WatchedRun.Setup(scenario, seed, runIndex), cancel);

    /// <summary>The dyads the explorer offers controls for: the scenario's own, or every pair that can reach each other.</summary>
    public static IReadOnlyList<DyadSpec> EditableDyads(Scenario scenario)
    {
        var names = scenario.States.Select(s => s.Name).ToList();
        var list = new List<DyadSpec>();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var d = scenario.Dyads.FirstOrDefault(x =>
                    (Same(x.A, names[i]) && Same(x.B, names[j])) || (Same(x.A, names[j]) && Same(x.B, names[i])));
                if (d is not null)
                {
                    list.Add(d);
                }
                else if (scenario.DefaultReach > 0)
                {
                    list.Add(new DyadSpec(names[i], names[j], scenario.DefaultReach));
                }
            }
        }
        return list;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
