using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Running;
using Spiral.Reporting.Narration;

namespace Spiral.Web.ViewModels;

/// <summary>What one state was at a year of a watched run: its arming and security, what it believed about each rival, and the truth.</summary>
public sealed record WatchedState(string Name, double MilitaryShare, double Security, double InternalThreat, double Posture,
    IReadOnlyList<(string Rival, double Belief, bool RivalGreedy)> Beliefs, bool Greedy);

/// <summary>A crisis of a watched year: the two states and the highest rung of Kahn's ladder it reached; scripted when history.</summary>
public sealed record WatchedCrisis(string A, string B, int Rung, bool Scripted);

/// <summary>
/// One run of a scenario to watch year by year on the Scenario page (Setup / Step / Go): the model runs it once, in
/// full, with the same seed and run index as <c>spiral run --narrate</c> and the Story page, and the page then shows
/// step t of the record: nothing is recomputed or invented between steps, so stepping is instant and the run is the
/// model's. Step 0 is the initial state (the year before the first, <see cref="TimeConvention"/>).
/// </summary>
public sealed class WatchedRun
{
    private readonly RunRecord _record;
    private readonly Dictionary<int, NarratedYear> _narration;

    private WatchedRun(Scenario scenario, ulong seed, long runIndex, RunRecord record, IReadOnlyList<NarratedYear> narration)
    {
        Scenario = scenario;
        Seed = seed;
        RunIndex = runIndex;
        _record = record;
        _narration = narration.ToDictionary(y => y.Year);
        Steps = scenario.Steps;
        Names = record.Names;
        Years = Enumerable.Range(0, Steps + 1).Select(t => TimeConvention.Year(scenario.StartYear, t)).ToArray();
    }

    public Scenario Scenario { get; }
    public ulong Seed { get; }
    public long RunIndex { get; }
    /// <summary>The last step; steps run from 0 (initial state) to <see cref="Steps"/>.</summary>
    public int Steps { get; }
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<int> Years { get; }

    /// <summary>Runs the scenario once (the same run as the Story page for this seed and run index).</summary>
    public static WatchedRun Setup(Scenario scenario, ulong seed, long runIndex)
    {
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        Spiral.Core.Simulation.Run(scenario, seed, runIndex, record, scenario.Steps);
        return new WatchedRun(scenario, seed, runIndex, record, Narrator.Narrate(record));
    }

    /// <summary>Military spending as a share of GDP of each state, steps 0..<paramref name="step"/>.</summary>
    public IReadOnlyList<(string State, IReadOnlyList<double> Share)> MilitaryShare(int step) =>
        Names.Select((n, i) => (n, (IReadOnlyList<double>)Enumerable.Range(0, step + 1).Select(t => _record.MilitaryShare[_record.Row(t, i)]).ToArray())).ToList();

    /// <summary>The belief <paramref name="holder"/> holds that each rival it can reach is greedy, steps 0..<paramref name="step"/>.</summary>
    public IReadOnlyList<BeliefSeries> Beliefs(string holder, int step)
    {
        var i = Index(holder);
        var n = Names.Count;
        var reach = EnsembleRunner.InitialReach(Scenario);
        var list = new List<BeliefSeries>();
        for (var j = 0; j < n; j++)
        {
            if (j == i || (reach[i * n + j] <= 0 && reach[j * n + i] <= 0)) continue;
            list.Add(new BeliefSeries(holder, Names[j], Enumerable.Range(0, step + 1).Select(t => _record.Belief[(t * n + i) * n + j]).ToArray()));
        }
        return list;
    }

    /// <summary>The crises of step <paramref name="step"/>: each pair once, at the highest rung it reached that year.</summary>
    public IReadOnlyList<WatchedCrisis> Crises(int step)
    {
        var best = new Dictionary<(int, int), WatchedCrisis>();
        foreach (ref readonly var e in _record.Events.Items)
        {
            if (e.Step != step || e.Mid == 0 || e.Actor < 0 || e.Target < 0) continue;
            var key = (Math.Min(e.Actor, e.Target), Math.Max(e.Actor, e.Target));
            if (!best.TryGetValue(key, out var c) || e.Rung > c.Rung)
            {
                best[key] = new WatchedCrisis(Names[key.Item1], Names[key.Item2], e.Rung, e.Scripted);
            }
        }
        return best.Values.OrderBy(c => c.A).ThenBy(c => c.B).ToList();
    }

    /// <summary>The highest rung any crisis reached in each step 0..<paramref name="step"/> (0: none).</summary>
    public IReadOnlyList<int> RungByYear(int step) =>
        Enumerable.Range(0, step + 1).Select(t => Crises(t).Select(c => c.Rung).DefaultIfEmpty(0).Max()).ToArray();

    /// <summary>The network at <paramref name="step"/>: each dyad that can reach with the two sides' beliefs that year.</summary>
    public IReadOnlyList<NetworkEdge> Network(int step)
    {
        var n = Names.Count;
        var reach = EnsembleRunner.InitialReach(Scenario);
        var edges = new List<NetworkEdge>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var r = Math.Max(reach[i * n + j], reach[j * n + i]);
                if (r <= 0) continue;
                edges.Add(new NetworkEdge(Names[i], Names[j], _record.Belief[(step * n + i) * n + j], _record.Belief[(step * n + j) * n + i], r));
            }
        }
        return edges;
    }

    /// <summary>A state at <paramref name="step"/>: what it had, what it believed about each rival, and (for the reveal) the truth.</summary>
    public WatchedState State(string name, int step)
    {
        var i = Index(name);
        var row = _record.Row(step, i);
        var beliefs = Beliefs(name, step).Select(b => (b.About, b.Mean[step], _record.IsGreedy[Index(b.About)])).ToList();
        return new WatchedState(name, _record.MilitaryShare[row], _record.Security[row], _record.InternalThreat[row], _record.Posture[row],
            beliefs, _record.IsGreedy[i]);
    }

    /// <summary>The narration of the year of <paramref name="step"/> (the Story page's sentences), empty when nothing happened.</summary>
    public IReadOnlyList<NarratedLine> Narration(int step) =>
        _narration.TryGetValue(Years[step], out var y) ? y.Lines : [];

    private int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new ArgumentException($"no state '{name}' in {Scenario.Name}", nameof(name));
    }
}
