using System.Text.Json;
using System.Text.Json.Serialization;
using Spiral.Core;
using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Classroom;
using Spiral.Experiments.Scenarios;

namespace Spiral.Experiments.Tests.Classroom;

public class ClassroomGameTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Six states in an offense-dominant world, a third greedy on average: crises, demands and beliefs move.</summary>
    private static Scenario Tense(int steps = 30) =>
        StylizedScenario.Create(states: 6, offenseAdvantage: 2.0, distinguishability: 0.2, greedProbability: 0.35, steps: steps) with { Name = "tense" };

    [Fact]
    public void CloseYear_NoSeatDecides_ReproducesPlainSimulationBitForBit()
    {
        var scenario = Tense();
        var game = new ClassroomGame(scenario, 11, [0, 1, 2, 3]);
        for (var t = 0; t < scenario.Steps; t++)
        {
            game.CloseYear();
        }
        AssertSameWorld(Simulation.RunWorld(scenario, 11, 0), game.World);
    }

    [Fact]
    public void CloseYear_AllSeatsDecideExactlyAsTheirBot_ReproducesPlainSimulationBitForBit()
    {
        var scenario = Tense();
        var seats = new[] { 0, 1, 2, 3, 4, 5 };
        var bots = new ClassroomGame(scenario, 23, seats);
        for (var t = 0; t < scenario.Steps; t++)
        {
            bots.CloseYear();
        }
        var players = new ClassroomGame(scenario, 23, seats);
        for (var t = 0; t < scenario.Steps; t++)
        {
            foreach (var row in bots.SeatYears.Where(r => r.Year == players.Year))
            {
                players.Submit(row.Seat, row.Year, row.Bot);
            }
            players.CloseYear();
        }
        Assert.All(players.SeatYears, r => Assert.True(r.DecidedByPlayer));
        Assert.True(HasActivity(players.World), "the run should contain crises or diplomacy, or the test shows little");
        AssertSameWorld(Simulation.RunWorld(scenario, 23, 0), players.World);
    }

    [Fact]
    public void Replay_LogOfALiveGame_ReproducesWorldAndViewsBitForBit()
    {
        var scenario = Tense(20);
        var live = new ClassroomGame(scenario, 5, [0, 1, 2]);
        for (var t = 0; t < 12; t++)
        {
            if (t == 3) live.Inject(new ClassroomInject(InjectKind.Incident, [0, 4], 2));
            if (t == 5) live.Inject(new ClassroomInject(InjectKind.EconomicShock, [1], -0.2));
            if (t == 7) live.Inject(new ClassroomInject(InjectKind.LeadershipChange, [5], 0.9));
            live.Submit(0, live.Year, new SeatDecision { DesiredBurden = 0.02 + 0.002 * t, Posture = 0.3, ProposeCbm = [1] });
            if (t % 2 == 0)
            {
                live.Submit(1, live.Year, new SeatDecision { Posture = 0.6, Demands = [3], BalanceAgainst = 4,
                    CrisisStances = [new CrisisStance(3, 5, StanceAtLimit.Hold)] });
            }
            live.Post(0, 1, $"year {live.Year}: we hold");
            live.Post(2, null, "we want peace");
            live.CloseYear();
        }
        live.Submit(2, live.Year, new SeatDecision { DesiredBurden = 0.05 });

        var moves = JsonSerializer.Deserialize<List<ClassroomMove>>(JsonSerializer.Serialize(live.Moves, Json), Json)!;
        var replayed = ClassroomGame.Replay(scenario, 5, [0, 1, 2], null, moves);

        AssertSameWorld(live.World, replayed.World);
        Assert.Equal([2], replayed.Decided);
        for (var s = 0; s < 3; s++)
        {
            Assert.Equal(JsonSerializer.Serialize(live.ViewOf(s), Json), JsonSerializer.Serialize(replayed.ViewOf(s), Json));
        }
        Assert.Equal(JsonSerializer.Serialize(live.Debrief(), Json), JsonSerializer.Serialize(replayed.Debrief(), Json));
    }

    [Fact]
    public void ViewOf_EverySeatEveryYearOfALongGame_NeverShowsAnotherStatesTypeOrPendingDecision()
    {
        var scenario = Tense(40);
        var seats = new[] { 0, 1, 2, 3, 4, 5 };
        var game = new ClassroomGame(scenario, FogSeed, seats);
        var greedySeen = false;
        for (var t = 0; t < scenario.Steps; t++)
        {
            // Seat 5 decides first, with values no observation can produce; then every other seat looks.
            game.Submit(5, game.Year, new SeatDecision { DesiredBurden = 0.0123456789, Posture = 0.987654321, Demands = [0] });
            for (var s = 0; s < 5; s++)
            {
                var json = JsonSerializer.Serialize(game.ViewOf(s), Json);
                var own = game.World.TrueTypeIsGreedy(s) ? "Greedy" : "Security";
                greedySeen |= Enumerable.Range(0, 6).Any(j => j != s && game.World.TrueTypeIsGreedy(j));
                Assert.Equal(1, Count(json, "\"Greedy\"") + Count(json, "\"Security\""));
                Assert.Contains($"\"type\":\"{own}\"", json);
                Assert.DoesNotContain("0.0123456789", json);
                Assert.DoesNotContain("0.987654321", json);
                using var doc = JsonDocument.Parse(json);
                Assert.All(doc.RootElement.GetProperty("others").EnumerateArray(),
                    o => Assert.Equal(JsonValueKind.Null, o.GetProperty("revealedType").ValueKind));
                Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("acceptedDecision").ValueKind);
            }
            game.CloseYear();
        }
        Assert.True(greedySeen, "some other state must be greedy, or the test cannot catch a leak");
    }

    /// <summary>A seed whose draw makes two of the six states greedy (S2 and S5), so a leak of either type would show.</summary>
    private const ulong FogSeed = 5;

    [Fact]
    public void ViewOf_AfterTheTeacherRevealsTypes_ShowsEveryTrueType()
    {
        var game = new ClassroomGame(Tense(), 3, [0, 1]);
        game.CloseYear();
        game.RevealTypes();
        var view = game.ViewOf(0);
        Assert.All(view.Others, o => Assert.Equal(game.World.TrueTypeIsGreedy(game.IndexOf(o.State)) ? "Greedy" : "Security", o.RevealedType));
    }

    [Fact]
    public void CloseYear_CrisisStances_AreObeyedRungByRung()
    {
        var scenario = Tense(5);
        var game = new ClassroomGame(scenario, 9, [0, 1]);
        game.Inject(new ClassroomInject(InjectKind.Incident, [0, 1], 1));
        game.Submit(0, game.Year, new SeatDecision { CrisisStances = [new CrisisStance(1, 4, StanceAtLimit.Hold)] });
        game.Submit(1, game.Year, new SeatDecision { CrisisStances = [new CrisisStance(0, 3, StanceAtLimit.BackDown)] });
        game.CloseYear();

        var a = game.SeatYears.Single(r => r.Seat == 0).CrisisMoves.Where(m => m.Opponent == 1).ToList();
        var b = game.SeatYears.Single(r => r.Seat == 1).CrisisMoves.Where(m => m.Opponent == 0).ToList();
        Assert.NotEmpty(a);
        Assert.All(a, m => Assert.Equal(m.Rung < 4 ? CrisisMove.Escalate : CrisisMove.Hold, m.Move));
        Assert.All(b, m => Assert.Equal(m.Rung < 3 ? CrisisMove.Escalate : CrisisMove.BackDown, m.Move));
        // Both escalate from rung 1 to 3, where B backs down: the crisis ends with B's back-down at rung 3.
        var backDown = game.World.Events.Items.ToArray().Single(e => e.Kind == EventKind.CrisisBackDown && e.Actor + e.Target == 1);
        Assert.Equal((1, 0, 3), (backDown.Actor, backDown.Target, backDown.Rung));
    }

    [Fact]
    public void CloseYear_EconomicShockInject_CutsGdpByItsShareAndIsRecordedAsScripted()
    {
        var scenario = Tense(3);
        var plain = new ClassroomGame(scenario, 4, [0]);
        var shocked = new ClassroomGame(scenario, 4, [0]);
        shocked.Inject(new ClassroomInject(InjectKind.EconomicShock, [2], -0.4));
        plain.CloseYear();
        shocked.CloseYear();
        Assert.Equal(0.6, shocked.World.Gdp[2] / plain.World.Gdp[2], 12);
        var e = shocked.World.Events.Items.ToArray().Single(x => x.Kind == EventKind.EconomicShock);
        Assert.True(e.Scripted);
        Assert.Equal(2, e.Actor);
        Assert.Contains(shocked.Debrief().Timeline, t => t.Kind == "InjectEconomicShock" && t.Source == "teacher");
    }

    [Fact]
    public void CloseYear_IncidentInject_OpensACrisisBetweenTheTwoStates()
    {
        var game = new ClassroomGame(Tense(3), 4, [0]);
        game.Inject(new ClassroomInject(InjectKind.Incident, [0, 3], 2));
        game.CloseYear();
        var incident = game.World.Events.Items.ToArray().Single(e => e.Kind == EventKind.Incident && e.Scripted);
        Assert.Equal((0, 3, 2), (incident.Actor, incident.Target, incident.Rung));
        Assert.Contains(game.ViewOf(0).Crises, c => c.Kind == "Incident" && c.Opponent == "S4");
    }

    [Fact]
    public void Inject_CbmOffer_IsShownToBothStatesAndSignedWhenBothPropose()
    {
        var game = new ClassroomGame(Tense(3), 4, [0, 1]);
        game.Inject(new ClassroomInject(InjectKind.CbmOffer, [0, 1]));
        Assert.Contains(game.ViewOf(0).Offers, o => o.Kind == "MediatedCbm" && o.From == "S2");
        Assert.Contains(game.ViewOf(1).Offers, o => o.Kind == "MediatedCbm" && o.From == "S1");
        game.Submit(0, game.Year, new SeatDecision { ProposeCbm = [1] });
        game.Submit(1, game.Year, new SeatDecision { ProposeCbm = [0] });
        game.CloseYear();
        Assert.True(game.ViewOf(0).Others.Single(o => o.State == "S2").Cbm);
    }

    [Fact]
    public void Submit_SecondDecisionForTheSameYear_IsRefusedAsConflict()
    {
        var game = new ClassroomGame(Tense(), 4, [0]);
        game.Submit(0, game.Year, new SeatDecision { DesiredBurden = 0.03 });
        var e = Assert.Throws<ClassroomRuleException>(() => game.Submit(0, game.Year, new SeatDecision { DesiredBurden = 0.04 }));
        Assert.Equal(ClassroomRefusal.Conflict, e.Refusal);
        Assert.Contains("already decided for 2000", e.Message);
    }

    [Fact]
    public void Submit_DecisionForAClosedYear_IsRefusedAsConflict()
    {
        var game = new ClassroomGame(Tense(), 4, [0]);
        game.CloseYear();
        var e = Assert.Throws<ClassroomRuleException>(() => game.Submit(0, 2000, new SeatDecision()));
        Assert.Equal(ClassroomRefusal.Conflict, e.Refusal);
        Assert.Contains("2000 is already closed; the open year is 2001", e.Message);
    }

    [Theory]
    [InlineData(1.5, null, "decision.desiredBurden")]
    [InlineData(double.NaN, null, "decision.desiredBurden")]
    [InlineData(null, -0.1, "decision.posture")]
    public void Submit_ValueOutOfTheCatalogRange_IsRefusedWithItsPath(double? burden, double? posture, string field)
    {
        var game = new ClassroomGame(Tense(), 4, [0]);
        var e = Assert.Throws<ClassroomRuleException>(() => game.Submit(0, game.Year, new SeatDecision { DesiredBurden = burden, Posture = posture }));
        Assert.Equal(ClassroomRefusal.Invalid, e.Refusal);
        Assert.Equal(field, e.Field);
        Assert.Contains("expected a number in [0, 1]", e.Message);
        Assert.Empty(game.Moves);
    }

    [Fact]
    public void Submit_StanceBeyondTheWarRungOrAgainstItself_IsRefusedWithItsPath()
    {
        var game = new ClassroomGame(Tense(), 4, [0]);
        var beyond = Assert.Throws<ClassroomRuleException>(() => game.Submit(0, game.Year,
            new SeatDecision { CrisisStances = [new CrisisStance(1, 99, StanceAtLimit.Hold)] }));
        Assert.Equal("decision.crisisStances[0].maxRung", beyond.Field);
        var self = Assert.Throws<ClassroomRuleException>(() => game.Submit(0, game.Year, new SeatDecision { Demands = [0] }));
        Assert.Equal("decision.demands[0]", self.Field);
    }

    [Fact]
    public void Debrief_AfterAGame_HasBeliefsAgainstTruthBotCounterfactualsAndOneCsvRowPerSeatYear()
    {
        var game = new ClassroomGame(Tense(10), 8, [0, 1]);
        for (var t = 0; t < 10; t++)
        {
            game.Submit(0, game.Year, new SeatDecision { DesiredBurden = 0.08, Posture = 0.9 });
            game.CloseYear();
        }
        var debrief = game.Debrief();
        Assert.Equal(20, debrief.SeatYears.Count);
        Assert.Equal(20, debrief.CsvRows().Count());
        Assert.All(debrief.CsvRows(), r => Assert.Equal(ClassroomDebrief.CsvHeader.Count, r.Count));
        Assert.Equal(10 * 2 * 5, debrief.Beliefs.Count);
        var s1 = debrief.SeatYears.Where(r => r.Seat == "S1").ToList();
        Assert.All(s1, r => Assert.Equal(("player", 0.08, 0.9), (r.DecidedBy, r.DesiredBurden, r.Posture)));
        Assert.All(s1, r => Assert.NotEqual(0.08, r.BotDesiredBurden));
        Assert.All(debrief.SeatYears.Where(r => r.Seat == "S2"), r => Assert.Equal("bot", r.DecidedBy));
        var spiralEvents = game.World.Events.Items.ToArray().Count(e => e.Kind == EventKind.SpiralOnset);
        Assert.Equal(spiralEvents, debrief.SpiralOnsets.Count);
        Assert.Equal(game.World.TrueTypeIsGreedy(3) ? "Greedy" : "Security", debrief.Types["S4"]);
    }

    private static bool HasActivity(World w) =>
        w.Events.Items.ToArray().Any(e => e.Kind is EventKind.Incident or EventKind.Demand or EventKind.CbmProposed or EventKind.CbmSigned);

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    private static void AssertSameWorld(World expected, World actual)
    {
        Assert.Equal(expected.Step, actual.Step);
        foreach (var field in new Func<World, double[]>[]
        {
            w => w.Gdp, w => w.MilitaryShare, w => w.Milex, w => w.Offense, w => w.Defense, w => w.Posture, w => w.Security,
            w => w.Belief, w => w.Transparency, w => w.Hotline, w => w.ObservedMilex,
        })
        {
            Assert.Equal(field(expected), field(actual));
        }
        Assert.Equal(expected.Alliance, actual.Alliance);
        Assert.Equal(Enumerable.Range(0, expected.N).Select(expected.TrueTypeIsGreedy), Enumerable.Range(0, actual.N).Select(actual.TrueTypeIsGreedy));
        Assert.Equal(expected.Events.Items.ToArray(), actual.Events.Items.ToArray());
    }
}
