using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.IO.Scenarios;
using Spiral.Reporting.Learn;
using Spiral.Reporting.Narration;
using Spiral.Testing;

namespace Spiral.Reporting.Tests.Narration;

/// <summary>The narration names each concept and explains it with the one glossary's name and gist.</summary>
public sealed class NarratorTests
{
    private static IReadOnlyList<NarratedYear> Story(string scenarioName, ulong seed)
    {
        var scenario = ScenarioLoader.LoadLibrary(scenarioName);
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        Spiral.Core.Simulation.Run(scenario, seed, 0, record, scenario.Steps);
        return Narrator.Narrate(record);
    }

    [Fact]
    public void Narrate_IndiaChinaLac_EveryConceptNameIsTheGlossarysName()
    {
        var lines = Story("india-china-lac", 7).SelectMany(y => y.Lines).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(LearnLibrary.ForConcept(l.Concept)?.Name ?? "", l.ConceptName));
        Assert.Contains(lines, l => l.Concept == Concept.Timeline && l.ConceptName == "history");
    }

    [Fact]
    public void Narrate_DoublyDangerous_ExplainsWithTheGlossarysNameAndGist()
    {
        var lines = Story("jervis-doubly-dangerous", 1).SelectMany(y => y.Lines).ToList();
        var explained = lines.Where(l => l.Concept != Concept.None && LearnLibrary.ForConcept(l.Concept) is { } e && l.Text.Contains($"({e.Name}: {e.Gist})", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(explained);
    }
    /// <summary>
    /// Three security-seekers over five recorded years whose events are replaced by hand-made ones: in step 1 a war the
    /// timeline scripts, in step 2 a war the model starts through private information, in step 3 a crisis history
    /// opens (its moves the model's), in step 4 a fatal clash, the crisis's end and an ally staying out.
    /// </summary>
    private static (RunRecord Record, IReadOnlyList<NarratedYear> Story) HandMade()
    {
        var scenario = ScenarioBuilder.Stylized(states: 3, steps: 5);
        var r = new RunRecord(3, scenario.Steps);
        Spiral.Core.Simulation.Run(scenario, 1, 0, r);
        Array.Fill(r.IsGreedy, false);
        r.Events.Clear();
        SimEvent E(int step, EventKind kind, int a, int b, int rung = 0, double value = 0, Concept concept = Concept.None, byte mid = 0,
            bool scripted = false, WarRoute route = WarRoute.None) =>
            new(step, r.Year(step), kind, (short)a, (short)b, (short)rung, value, concept, mid, scripted, route);
        foreach (var e in new[]
                 {
                     E(1, EventKind.WarStarted, 0, 1, 12, 0.6, Concept.Timeline, MidHostility.War, scripted: true, route: WarRoute.Scripted),
                     E(1, EventKind.WarEnded, 0, 1, 12, 0, Concept.Timeline, scripted: true),
                     E(2, EventKind.WarStarted, 1, 2, 12, 0.3, Concept.Bargaining, MidHostility.War, route: WarRoute.PrivateInformation),
                     E(3, EventKind.Incident, 0, 2, 1, 0, Concept.Timeline, MidHostility.Threat, scripted: true),
                     E(3, EventKind.CrisisEscalated, 2, 0, 3, 0, Concept.Escalation, MidHostility.Threat, scripted: true),
                     E(4, EventKind.UseOfForce, 1, 2, 8, 1, Concept.Escalation, MidHostility.UseOfForce),
                     E(4, EventKind.CrisisOutcome, 1, 2, 8, 1, Concept.Escalation, MidHostility.UseOfForce),
                     E(4, EventKind.AllyAbandoned, 0, 1, 0, 0, Concept.AllianceSecurityDilemma),
                 })
        {
            r.Events.Add(e);
        }
        return (r, Narrator.Narrate(r));
    }

    private static NarratedLine LineOf(IReadOnlyList<NarratedYear> story, int year, string contains) =>
        Assert.Single(story.Single(y => y.Year == year).Lines, l => l.Text.Contains(contains, StringComparison.Ordinal));

    [Fact]
    public void Narrate_ScriptedWar_ReadsAsHistoryNotTheModelsChoice()
    {
        var (r, story) = HandMade();
        var (a, b) = (r.Names[0], r.Names[1]);
        var line = LineOf(story, r.Year(1), "goes to war");
        Assert.StartsWith($"In {r.Year(1)}, as history records, {a} goes to war against {b}: the scenario's timeline scripts this war, so it is history, not the model's choice", line.Text);
        Assert.True(line.History);
        Assert.DoesNotContain("WAR:", line.Text);
        Assert.DoesNotContain("tragedy", line.Text);
        var end = LineOf(story, r.Year(1), "wins the war");
        Assert.EndsWith("(in a war the timeline started; the model decides this).", end.Text);
        Assert.False(end.History);
    }

    [Fact]
    public void Narrate_ModelWar_NamesItsRouteTheBelievedStrengthAndTheTragedy()
    {
        var (r, story) = HandMade();
        var (a, b) = (r.Names[1], r.Names[2]);
        var line = LineOf(story, r.Year(2), "WAR:");
        var bargaining = LearnLibrary.ForConcept(Concept.Bargaining)!;
        Assert.Equal($"WAR: {a} attacks {b} through private information: judging {b}'s strength and resolve only from what it could see, " +
            $"{a} expected more from fighting than from any deal {b} would accept ({a} believed it held 30% of the pair's strength, allies included) " +
            $"({bargaining.Name}: {bargaining.Gist}). Neither side was greedy: this is the tragedy of the security dilemma.", line.Text);
        Assert.False(line.History);
        Assert.Equal((Concept.Bargaining, bargaining.Name), (line.Concept, line.ConceptName));
    }

    [Fact]
    public void Narrate_CrisisHistoryOpens_OpeningAsHistoryMovesAsTheModels()
    {
        var (r, story) = HandMade();
        var opening = LineOf(story, r.Year(3), "incident");
        Assert.StartsWith($"In {r.Year(3)}, as history records, an incident between {r.Names[0]} and {r.Names[2]} opens a crisis at rung 1", opening.Text);
        Assert.True(opening.History);
        var move = LineOf(story, r.Year(3), "escalates");
        Assert.StartsWith($"{r.Names[2]} escalates", move.Text);
        Assert.EndsWith("(in a crisis the timeline opened; the moves are the model's).", move.Text);
        Assert.False(move.History);
    }

    [Fact]
    public void Narrate_NewEventKinds_InPlainWords()
    {
        var (r, story) = HandMade();
        var year = r.Year(4);
        Assert.Contains("a clash with deaths, still short of war", LineOf(story, year, "uses force").Text);
        Assert.StartsWith($"The crisis between {r.Names[1]} and {r.Names[2]} is over: at its worst it reached the use of force (rung 8), with deaths.",
            LineOf(story, year, "is over").Text);
        Assert.StartsWith($"{r.Names[0]} stays out of {r.Names[1]}'s war: its ally abandons it", LineOf(story, year, "stays out").Text);
        Assert.All(story.SelectMany(y => y.Lines), l => Assert.Equal(LearnLibrary.ForConcept(l.Concept)?.Name ?? "", l.ConceptName));
    }

    [Fact]
    public void EventWords_EveryEventKindAndRoute_APlainNameOfItsOwn()
    {
        var kinds = Enum.GetValues<EventKind>().Select(EventWords.Of).ToList();
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
        Assert.All(Enum.GetValues<EventKind>(), k => Assert.NotEqual(k.ToString(), EventWords.Of(k)));
        Assert.Equal("use of force (a clash below war)", EventWords.Of(nameof(EventKind.UseOfForce)));
        Assert.Equal("NoSuchKind", EventWords.Of("NoSuchKind"));
        var routes = Enum.GetValues<WarRoute>().Where(x => x != WarRoute.None).Select(EventWords.Of).ToList();
        Assert.All(routes, x => Assert.NotEmpty(x));
        Assert.Equal(routes.Count, routes.Distinct().Count());
        Assert.Equal(["a threat", "a display of force", "the use of force", "war"], new[] { 2, 3, 4, 5 }.Select(EventWords.MidLevel));
    }
}
