using System.Globalization;
using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Recording;
using Spiral.Reporting.Learn;

namespace Spiral.Reporting.Narration;

/// <summary>One year of a narrated run.</summary>
public sealed record NarratedYear(int Year, IReadOnlyList<NarratedLine> Lines);

/// <summary>
/// One sentence of the story, tagged with the concept at work; <paramref name="History"/> when it tells what the
/// scenario's timeline scripted (history) rather than what the model produced.
/// </summary>
public sealed record NarratedLine(string Text, Concept Concept, string ConceptName, bool History = false);

/// <summary>
/// Tells the story of one recorded run year by year in plain language for students: who armed and why, why a
/// belief moved, how a crisis climbed Kahn's ladder and why it stopped, how a war came about (its route: private
/// information, a commitment problem or pre-emption; Fearon 1995; Powell 2006), each sentence naming the concept at
/// work. What the scenario's timeline scripted reads as history ("In 2022, as history records, …"); the moves the
/// model plays inside a crisis history opened say so; everything else is the model's own.
/// Step t is told under its year Y(t) (<see cref="TimeConvention"/>); the closing lines, the state at the end of
/// the last step, under the last year. Concept names and one-line explanations come from the one glossary
/// (<see cref="LearnLibrary"/>, content/concepts.yaml).
/// </summary>
public static class Narrator
{
    public static IReadOnlyList<NarratedYear> Narrate(RunRecord run)
    {
        var years = new List<NarratedYear>();
        var names = run.Names;
        var intro = new List<NarratedLine>();
        for (var i = 0; i < run.N; i++)
        {
            intro.Add(Line($"{names[i]} is secretly {(run.IsGreedy[i] ? "greedy: it wants more than security" : "a security-seeker: it wants only to be safe")}; nobody else knows this.",
                run.IsGreedy[i] ? Concept.Greed : Concept.UncertaintyOfIntentions));
        }

        var events = run.Events.Items;
        var e = 0;
        for (var step = 1; step <= run.Steps; step++)
        {
            var lines = new List<NarratedLine>();
            while (e < events.Length && events[e].Step == step)
            {
                var ev = events[e++];
                var line = Describe(ev, names, run);
                if (line is not null)
                {
                    lines.Add(line);
                }
            }
            if (step == 1)
            {
                lines.InsertRange(0, intro);
            }
            if (step == run.Steps)
            {
                lines.AddRange(End(run));
            }
            if (lines.Count > 0)
            {
                years.Add(new NarratedYear(run.Year(step), lines));
            }
        }
        return years;
    }

    /// <summary>How each state ends: its military share and security at the end of the last year.</summary>
    private static IEnumerable<NarratedLine> End(RunRecord run)
    {
        for (var i = 0; i < run.N; i++)
        {
            var m0 = run.MilitaryShare[run.Row(0, i)];
            var mt = run.MilitaryShare[run.Row(run.Steps, i)];
            yield return Line(string.Create(CultureInfo.InvariantCulture,
                $"By the end of {run.Year(run.Steps)}, {run.Names[i]} spends {Percent(mt, 1)} of GDP (from {Percent(m0, 1)}), feeling {Describe(run.Security[run.Row(run.Steps, i)])}."), Concept.None);
        }
    }

    /// <summary>A share as an English percentage, "30%" (the invariant culture's P format writes "30 %").</summary>
    private static string Percent(double share, int decimals = 0) =>
        (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    private static string Describe(double security) =>
        security >= 0.9 ? "safe" : security >= 0.75 ? "fairly safe" : security >= 0.5 ? "insecure" : "deeply insecure";

    private static NarratedLine Line(string text, Concept concept) => new(text, concept, LearnLibrary.ForConcept(concept)?.Name ?? "");

    /// <summary>Event kinds the timeline itself applies: scripted, they are history. Other scripted events are the model's moves in a crisis history opened.</summary>
    private static bool IsHistory(EventKind kind) => kind is EventKind.Incident or EventKind.Demand or EventKind.WarStarted
        or EventKind.HotlineOpened or EventKind.HotlineClosed or EventKind.CbmSigned or EventKind.AllianceFormed or EventKind.AllianceLeft
        or EventKind.RegimeChange or EventKind.EconomicShock or EventKind.RivalryChanged or EventKind.InternalUnrest or EventKind.PolicyChanged;

    private static NarratedLine? Describe(SimEvent ev, string[] names, RunRecord run)
    {
        var line = DescribeModel(ev, names, run);
        if (line is null || !ev.Scripted)
        {
            return line;
        }
        if (ev.Kind == EventKind.WarStarted)
        {
            return line with { History = true };
        }
        if (IsHistory(ev.Kind))
        {
            var text = line.Text;
            var keep = names.Any(n => text.StartsWith(n, StringComparison.Ordinal));
            return line with { Text = $"In {ev.Year}, as history records, " + (keep ? text : char.ToLowerInvariant(text[0]) + text[1..]), History = true };
        }
        var body = line.Text.EndsWith('.') ? line.Text[..^1] : line.Text;
        var context = ev.Kind is EventKind.WarEnded or EventKind.AllyIntervened or EventKind.AllyAbandoned
            ? " (in a war the timeline started; the model decides this)."
            : " (in a crisis the timeline opened; the moves are the model's).";
        return line with { Text = body + context };
    }

    private static NarratedLine? DescribeModel(SimEvent ev, string[] names, RunRecord run)
    {
        string A() => names[ev.Actor];
        string B() => ev.Target >= 0 ? names[ev.Target] : "";
        var why = LearnLibrary.ForConcept(ev.Concept);
        string Because() => why is not null ? $" ({why.Name}: {why.Gist})" : "";
        var rung = ev.Rung > 0 ? EscalationLadder.At(ev.Rung) : default;
        var inv = CultureInfo.InvariantCulture;
        return ev.Kind switch
        {
            EventKind.Incident => Line($"An incident between {A()} and {B()} opens a crisis at rung {ev.Rung}, \"{rung.Name}\"{Because()}.", ev.Concept),
            EventKind.Demand => Line($"{A()} demands that {B()} yield what they dispute, opening a crisis at rung {ev.Rung}, \"{rung.Name}\", {EventWords.MidLevel(ev.Mid)}{Because()}.", ev.Concept),
            EventKind.CrisisEscalated => Line($"{A()} escalates: the crisis with {B()} climbs to rung {ev.Rung}, \"{rung.Name}\" ({rung.Group}){Because()}.", ev.Concept),
            EventKind.UseOfForce => Line($"{A()} uses force against {B()} at rung {ev.Rung}, \"{rung.Name}\": {(ev.Value >= 1 ? "a clash with deaths" : "a clash without deaths")}, still short of war{Because()}.", ev.Concept),
            EventKind.CrisisDeEscalatedByHotline => Line($"The hotline between {A()} and {B()} lets both step back at rung {ev.Rung}{Because()}.", Concept.Hotline),
            EventKind.CrisisBackDown => Line($"{A()} backs down at rung {ev.Rung}; the crisis with {B()} ends short of war, judging the cost of going higher too great.", Concept.Escalation),
            EventKind.Concession => Line($"{A()} concedes to {B()}: a deal ends the crisis short of war, since fighting would cost both more than the stake is worth{Because()}.", ev.Concept),
            EventKind.CrisisFaded => Line($"The crisis between {A()} and {B()} fades at rung {ev.Rung} as both hold their ground and nothing more happens.", Concept.Escalation),
            EventKind.CrisisOutcome => Line($"The crisis between {A()} and {B()} is over: at its worst it reached {EventWords.MidLevel(ev.Mid)} (rung {ev.Rung}){(ev.Value >= 1 ? ", with deaths" : "")}.", ev.Concept),
            EventKind.WarStarted => ev.Scripted
                ? Line($"In {ev.Year}, as history records, {A()} goes to war against {B()}: the scenario's timeline scripts this war, so it is history, not the model's choice{Because()}.", ev.Concept)
                : Line(string.Create(inv, $"WAR: {A()} attacks {B()}{Route(ev, A(), B())} ({A()} believed it held {Percent(ev.Value)} of the pair's strength, allies included){Because()}.") +
                    (!run.IsGreedy[ev.Actor] && !run.IsGreedy[ev.Target] ? " Neither side was greedy: this is the tragedy of the security dilemma." : ""), ev.Concept),
            EventKind.WarEnded => Line($"{A()} wins the war against {B()}; both pay in GDP and the loser in arms.", ev.Concept),
            EventKind.AllyIntervened => Line($"{A()} honours its alliance and enters the war against {B()}{Because()}.", ev.Concept),
            EventKind.AllyAbandoned => Line($"{A()} stays out of {B()}'s war: its ally abandons it{Because()}.", ev.Concept),
            EventKind.CbmProposed => Line($"{A()} proposes confidence-building measures to {B()}, who does not take them up this year.", Concept.ConfidenceBuilding),
            EventKind.CbmSigned => Line($"{A()} and {B()} sign confidence-building measures: each can now read the other's forces better{Because()}.", Concept.ConfidenceBuilding),
            EventKind.CbmBlocked => Line($"{A()} distrusts {B()} too much to agree to confidence-building measures: mistrust blocks diplomacy.", Concept.UncertaintyOfIntentions),
            EventKind.HotlineProposed => Line($"{A()} proposes a hotline to {B()} after their crisis.", Concept.Hotline),
            EventKind.HotlineOpened => Line($"{A()} and {B()} open a hotline{Because()}.", Concept.Hotline),
            EventKind.HotlineBlocked => Line($"{A()} refuses a hotline with {B()}: it trusts it too little.", Concept.UncertaintyOfIntentions),
            EventKind.HotlineClosed => Line($"The hotline between {A()} and {B()} is cut.", ev.Concept),
            EventKind.AllianceFormed => Line(ev.Target >= 0 && ev.Value >= 0 && ev.Value < names.Length
                ? $"{A()} and {B()} ally against {names[(int)ev.Value]}{Because()}."
                : $"{A()} joins an alliance{Because()}.", Concept.AllianceSecurityDilemma),
            EventKind.AllianceLeft => Line($"{A()} leaves its alliance.", ev.Concept),
            EventKind.ArmsBuildup => Line(string.Create(inv, $"{A()} raises its military share by {ev.Value * 100:F2} points of GDP") +
                (ev.Target >= 0 ? $", fearing {B()} most" : "") + $"{Because()}.", ev.Concept),
            EventKind.ArmsCut => Line(string.Create(inv, $"{A()} cuts its military share by {-ev.Value * 100:F2} points of GDP{Because()}."), ev.Concept),
            EventKind.ReassuranceGesture => Line($"{A()} makes an announced, costly cut to reassure {(ev.Target >= 0 ? B() : "its rivals")}{Because()}.", ev.Concept),
            EventKind.BeliefShift => Line(string.Create(inv,
                $"{A()} now thinks {B()} is {(ev.Value > 0 ? "more" : "less")} likely to be greedy ({Percent(run.BeliefAt(ev.Step, ev.Actor, ev.Target))}){Because()}."), ev.Concept),
            EventKind.SpiralOnset => Line($"Spiral: {A()} now believes {B()} is probably greedy, though both only want security.", Concept.Spiral),
            EventKind.InternalUnrest => Line($"Unrest inside {A()} raises its internal threat{Because()}.", Concept.InsecurityDilemma),
            EventKind.RegimeChange => Line($"A new regime takes power in {A()}; its intentions are a new unknown.", Concept.UncertaintyOfIntentions),
            EventKind.EconomicShock => Line(string.Create(inv, $"An economic shock changes {A()}'s GDP by {Percent(ev.Value)}."), Concept.Timeline),
            EventKind.RivalryChanged => Line($"The rivalry between {A()} and {B()} changes.", Concept.HistoricalRivalry),
            _ => null,
        };
    }

    /// <summary>How a model war came about, as a clause after "A attacks B" (Fearon 1995; Powell 2006); empty without a route.</summary>
    private static string Route(SimEvent ev, string a, string b) => ev.Route switch
    {
        WarRoute.PrivateInformation => $" through private information: judging {b}'s strength and resolve only from what it could see, {a} expected more from fighting than from any deal {b} would accept",
        WarRoute.CommitmentProblem => $" to prevent a shift of power: {a} expects {b} to grow stronger, and no promise {b} makes now could bind it later (a commitment problem)",
        WarRoute.Preemption => $" pre-emptively: with a first-strike advantage, {a} strikes before it can be struck",
        _ => "",
    };
}
