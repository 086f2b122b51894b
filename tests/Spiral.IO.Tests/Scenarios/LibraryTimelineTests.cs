using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Scenarios;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Scenarios;

/// <summary>Every dated event of every library scenario takes effect in its own year.</summary>
public class LibraryTimelineTests
{
    public static TheoryData<string> LibraryNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioLibrary.Names)
        {
            data.Add(name);
        }
        return data;
    }

    private static EventKind? Recorded(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.CbmSigned => EventKind.CbmSigned,
        TimelineEventKind.HotlineOpened => EventKind.HotlineOpened,
        TimelineEventKind.HotlineClosed => EventKind.HotlineClosed,
        TimelineEventKind.RegimeChange => EventKind.RegimeChange,
        TimelineEventKind.EconomicShock => EventKind.EconomicShock,
        TimelineEventKind.InternalUnrest => EventKind.InternalUnrest,
        TimelineEventKind.War => EventKind.WarStarted,
        TimelineEventKind.Incident => EventKind.Incident,
        TimelineEventKind.AllianceJoined => EventKind.AllianceFormed,
        TimelineEventKind.AllianceLeft => EventKind.AllianceLeft,
        TimelineEventKind.RivalryChange => EventKind.RivalryChanged,
        _ => null, // militaryShareSet and worldParameterSet change the world without an event: checked on the world
    };

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Timeline_LibraryScenario_EveryEventFiresInItsYear(string name)
    {
        var scenario = ScenarioLoader.LoadLibrary(name);
        var world = WorldFactory.Create(scenario, 11, 0);
        var checkedEvents = 0;
        for (var t = 0; t < scenario.Steps; t++)
        {
            var year = world.Year;
            var before = world.Events.Count;
            Kernel.Step(world);
            var thisStep = world.Events.Items[before..].ToArray();
            foreach (var ev in scenario.Timeline.Where(e => e.Year == year))
            {
                var actors = ev.Actors.Select(scenario.IndexOf).ToArray();
                switch (ev.Kind)
                {
                    case TimelineEventKind.MilitaryShareSet:
                        var i = actors[0];
                        var expected = Math.Clamp(ev.Value!.Value, scenario.Model.MinMilitaryShare, world.MilitaryShareCap(i));
                        Assert.True(Math.Abs(world.MilitaryShare[i] - expected) < 1e-12,
                            $"{name} {year} {ev.Name}: military share {world.MilitaryShare[i]}, expected {expected}");
                        break;
                    case TimelineEventKind.WorldParameterSet:
                        var value = ev.Name switch
                        {
                            "offenseAdvantage" => world.OffenseAdvantage,
                            "distinguishability" => world.Distinguishability,
                            "institutions" => world.Institutions,
                            "observationNoise" => world.ObservationNoise,
                            "depreciation" => world.Depreciation,
                            _ => world.IncidentBaseRate,
                        };
                        Assert.Equal(ev.Value!.Value, value);
                        break;
                    default:
                        var kind = Recorded(ev.Kind)!.Value;
                        foreach (var actor in ev.Kind is TimelineEventKind.AllianceJoined or TimelineEventKind.AllianceLeft ? actors : actors.Take(1))
                        {
                            var other = actors.Length == 2 && ev.Kind is not (TimelineEventKind.AllianceJoined or TimelineEventKind.AllianceLeft) ? actors[1] : -2;
                            Assert.True(thisStep.Any(e => e.Kind == kind && e.Year == year
                                    && (other == -2 ? e.Actor == actor : (e.Actor == actor && e.Target == other) || (e.Actor == other && e.Target == actor))),
                                $"{name}: {ev.Kind} '{ev.Name}' of {year} left no {kind} event in {year}");
                        }
                        break;
                }
                checkedEvents++;
            }
        }
        Assert.Equal(scenario.Timeline.Count, checkedEvents);
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Library_EveryScenario_HasADocPageNamingItsConcepts(string name)
    {
        var doc = ScenarioLibrary.Doc(name);
        Assert.NotNull(doc);
        Assert.Contains("## Things to try", doc);
        Assert.Contains($"spiral run {name}", doc);
    }
}
