using Spiral.Core.Parameters;
using Spiral.Core.Events;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Model;

/// <summary>Phase 1: what each kind of dated scenario event does to the world.</summary>
public static class TimelineEffects
{
    /// <summary>
    /// Applies an event from outside the scenario's timeline (a classroom teacher's inject, DESIGN.md section 11) at the
    /// start of the year about to be stepped, exactly as phase 1 applies a dated one: its events are marked scripted.
    /// </summary>
    public static void ApplyScripted(World w, TimelineEvent ev)
    {
        w.ScriptedContext = true;
        try
        {
            Apply(w, ev);
        }
        finally
        {
            w.ScriptedContext = false;
        }
    }

    public static void Apply(World w, TimelineEvent ev)
    {
        var a = ev.Actors.Count > 0 ? w.Scenario.IndexOf(ev.Actors[0]) : -1;
        var b = ev.Actors.Count > 1 ? w.Scenario.IndexOf(ev.Actors[1]) : -1;
        var n = w.N;
        switch (ev.Kind)
        {
            case TimelineEventKind.CbmSigned:
                DecidePhase.SignCbm(w, a, b, ev.Value ?? w.P.CbmTransparencyGain);
                break;
            case TimelineEventKind.HotlineOpened:
                DecidePhase.OpenHotline(w, a, b, ev.Value ?? 1.0);
                break;
            case TimelineEventKind.HotlineClosed:
                w.Hotline[a * n + b] = w.Hotline[b * n + a] = 0;
                w.AddEvent(EventKind.HotlineClosed, a, b, concept: Concept.Timeline);
                break;
            case TimelineEventKind.RegimeChange:
                w.GreedProbability[a] = ev.Value ?? w.GreedProbability[a];
                w.IsGreedy[a] = w.TimelineRng.NextDouble() < w.GreedProbability[a];
                w.AddEvent(EventKind.RegimeChange, a, -1, value: w.GreedProbability[a], concept: Concept.Timeline);
                break;
            case TimelineEventKind.EconomicShock:
                w.Gdp[a] = Math.Max(0, w.Gdp[a] * (1 + (ev.Value ?? 0)));
                w.AddEvent(EventKind.EconomicShock, a, -1, value: ev.Value ?? 0, concept: Concept.Timeline);
                break;
            case TimelineEventKind.InternalUnrest:
                w.InternalThreat[a] = Math.Clamp(w.InternalThreat[a] + (ev.Value ?? 0.2), 0, 1);
                w.AddEvent(EventKind.InternalUnrest, a, -1, value: w.InternalThreat[a], concept: Concept.InsecurityDilemma);
                break;
            case TimelineEventKind.War:
                AssessPhase.Run(w);
                Crisis.War(w, a, b, Concept.Timeline, WarRoute.Scripted, Crisis.BelievedCapabilityShare(w, a, b), (int)(ev.Value ?? 0));
                break;
            case TimelineEventKind.Incident:
                AssessPhase.Run(w);
                w.AddEvent(EventKind.Incident, a, b, rung: (int)(ev.Value ?? 1), concept: Concept.Timeline);
                Crisis.Run(w, a, b, (int)(ev.Value ?? 1));
                break;
            case TimelineEventKind.AllianceJoined:
                JoinAlliance(w, ev);
                break;
            case TimelineEventKind.AllianceLeft:
                foreach (var name in ev.Actors)
                {
                    var s = w.Scenario.IndexOf(name);
                    w.Alliance[s] = -1;
                    w.AddEvent(EventKind.AllianceLeft, s, -1, concept: Concept.Timeline);
                }
                break;
            case TimelineEventKind.RivalryChange:
                w.Rivalry[a * n + b] = w.Rivalry[b * n + a] = Math.Clamp(ev.Value ?? 0, 0, 1);
                w.AddEvent(EventKind.RivalryChanged, a, b, value: ev.Value ?? 0, concept: Concept.HistoricalRivalry);
                break;
            case TimelineEventKind.MilitaryShareSet:
                w.ForcedMilitaryShare[a] = ev.Value ?? w.MilitaryShare[a];
                break;
            case TimelineEventKind.WorldParameterSet:
                w.Apply(ParameterCatalog.SetWorld(w.WorldParameters, ev.Name ?? "", ev.Value ?? 0));
                break;
        }
    }


    private static void JoinAlliance(World w, TimelineEvent ev)
    {
        var id = -1;
        for (var k = 0; k < w.AllianceCount; k++)
        {
            if (string.Equals(w.AllianceNames[k], ev.Name, StringComparison.OrdinalIgnoreCase))
            {
                id = k;
            }
        }
        if (id < 0)
        {
            id = w.AllianceCount++;
            w.AllianceNames[id] = ev.Name;
            w.AllianceCommitment[id] = ev.Value ?? w.P.DefaultAllianceCommitment;
        }
        foreach (var name in ev.Actors)
        {
            var s = w.Scenario.IndexOf(name);
            w.Alliance[s] = id;
            w.AddEvent(EventKind.AllianceFormed, s, -1, concept: Concept.AllianceSecurityDilemma);
        }
    }
}
