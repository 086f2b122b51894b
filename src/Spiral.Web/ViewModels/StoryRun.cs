using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Reporting.Narration;

namespace Spiral.Web.ViewModels;

/// <summary>One run of a scenario told year by year (the <c>spiral run --narrate</c> text), with the outcome in one line.</summary>
public sealed record StoryRun(string Scenario, ulong Seed, long RunIndex, IReadOnlyList<NarratedYear> Years, IReadOnlyList<string> Greedy, int Wars)
{
    public static StoryRun Tell(Scenario scenario, ulong seed, long runIndex = 0)
    {
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        Spiral.Core.Simulation.Run(scenario, seed, runIndex, record, scenario.Steps);
        var greedy = Enumerable.Range(0, record.N).Where(i => record.IsGreedy[i]).Select(i => record.Names[i]).ToList();
        var wars = 0;
        foreach (ref readonly var e in record.Events.Items)
        {
            if (e.Kind == Spiral.Core.Events.EventKind.WarStarted)
            {
                wars++;
            }
        }
        return new StoryRun(scenario.Name, seed, runIndex, Narrator.Narrate(record), greedy, wars);
    }
}
