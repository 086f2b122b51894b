using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Reporting.Narration;

namespace Spiral.Web.ViewModels;

/// <summary>
/// One run of a scenario told year by year (the <c>spiral run --narrate</c> text), with the outcome in one line: the
/// wars the model started and, apart, the wars the scenario's timeline scripted (history), counted as
/// <see cref="RunMetrics"/> counts them.
/// </summary>
public sealed record StoryRun(string Scenario, ulong Seed, long RunIndex, IReadOnlyList<NarratedYear> Years, IReadOnlyList<string> Greedy,
    int Wars, int ScriptedWars)
{
    public static StoryRun Tell(Scenario scenario, ulong seed, long runIndex = 0)
    {
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        Spiral.Core.Simulation.Run(scenario, seed, runIndex, record, scenario.Steps);
        var greedy = Enumerable.Range(0, record.N).Where(i => record.IsGreedy[i]).Select(i => record.Names[i]).ToList();
        var summary = new RunSummary(record.N);
        RunMetrics.Summarize(record, EnsembleRunner.InitialReach(scenario), summary);
        return new StoryRun(scenario.Name, seed, runIndex, Narrator.Narrate(record), greedy, summary.Wars, summary.ScriptedWars);
    }

    /// <summary>The outcome in words: "no war", "2 wars started by the model", and the scripted wars apart.</summary>
    public string WarText =>
        (Wars == 0 ? "no war started by the model" : Wars == 1 ? "1 war started by the model" : $"{Wars} wars started by the model") +
        (ScriptedWars == 0 ? "." : ScriptedWars == 1 ? "; 1 scripted war (history)." : $"; {ScriptedWars} scripted wars (history).");
}
