using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

public class DefensiveRealistTests
{
    [Fact]
    public void Decide_AgainstScriptedBuildup_DesiresBurdenFromInsecurityEachYear()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist", new Dictionary<int, double> { [2000] = 0.02, [2003] = 0.08, [2007] = 0.02 });
        // start: threat 0.2·87.5/(87.5 + 162.5) = 0.07, so 1 − S0 = 0.07
        Assert.Equal(0.07, w.ReferenceInsecurity[0], 12);
        var shares = new List<double>();
        for (var t = 0; t < 12; t++)
        {
            var m = w.MilitaryShare[0];
            Kernel.Step(w);
            // rule: m* = m̄·((1 − S)/(1 − S0))^0.5 with m̄ 0.02; the quiet budget closes γ = 0.12 of the log gap
            var desired = 0.02 * Math.Sqrt((1 - w.Security[0]) / 0.07);
            Assert.Equal(desired, w.DesiredBurden[0], 12);
            Assert.Equal(TestWorlds.Budget(m, desired), w.MilitaryShare[0], 12);
            // posture: expected security posture at β = 1 (0.35) shifted to defense by 0.6·ω = 0.3
            Assert.Equal(0.35 * (1 - 0.6 * 0.5), w.Posture[0], 12);
            Assert.Equal(t is >= 3 and < 7 ? 0.08 : 0.02, w.MilitaryShare[1], 12);
            shares.Add(w.MilitaryShare[0]);
        }
        // secure at first (its belief that B is greedy falls), A desires less than its long-run burden; B's jump in 2003,
        // seen in 2004, makes A insecure and it re-arms to more than a quarter above its long-run burden (γ 0.12); holding four times
        // its long-run burden is what a greedy state would do (a security-seeker would come back down), and B's return to
        // its long-run burden in 2007 reassures A again
        Assert.True(shares[3] < shares[0], $"shares {string.Join(" ", shares)}");
        Assert.True(shares.Skip(4).Max() > 0.02 * 1.25, $"shares {string.Join(" ", shares)}");
        Assert.True(shares[11] < shares.Skip(4).Max(), $"shares {string.Join(" ", shares)}");
    }

    [Theory]
    [InlineData(0.93, 0.02)]                     // insecurity unchanged (0.07): the long-run burden
    [InlineData(0.86, 0.02 * 1.4142135623730951)] // insecurity doubled: m̄·√2
    [InlineData(0.9825, 0.01)]                   // insecurity a quarter: m̄/2
    [InlineData(0.37, 0.06)]                     // insecurity 9 times: 3·m̄
    public void Decide_Insecurity_SetsDesiredBurdenExactly(double security, double desired)
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        w.Security[0] = security;
        DecidePhase.Run(w);
        Assert.Equal(desired, w.DesiredBurden[0], 12);
        Assert.Equal(0.02, w.MilitaryShare[0], 12); // phase 5 only decides; phase 6 applies
    }

    [Fact]
    public void Decide_LongRunShareGiven_IsTheBurdenAtUnchangedSecurity()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist", change: s => s.WithState(0, st => st with { LongRunShare = 0.035 }));
        DecidePhase.Run(w);
        Assert.Equal(0.035, w.DesiredBurden[0], 12);
        BudgetPhase.Run(w);
        Assert.Equal(0.02 * Math.Pow(0.035 / 0.02, 0.12), w.MilitaryShare[0], 12);
    }

    [Theory]
    [InlineData(1.0, 0.5, 0.245)]
    [InlineData(2.0, 0.0, 0.535)]
    [InlineData(2.5, 0.9, 0.572 * 0.46)]
    [InlineData(0.6, 0.0, 0.72 - 0.37 / 0.6)]
    public void Decide_Posture_RisesWithOffenseAdvantageAndFallsWithDistinguishability(double beta, double omega, double posture)
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist", beta: beta, omega: omega);
        DecidePhase.Run(w);
        Assert.Equal(posture, w.Posture[0], 12);
    }

    [Theory]
    [InlineData(0.1, DiplomacyIntent.None)]               // threat 0.035 < 0.05: no need
    [InlineData(0.3, DiplomacyIntent.Propose)]            // threat 0.105, trusts
    [InlineData(0.6, DiplomacyIntent.BlockedByMistrust)]  // threat 0.21, mistrusts
    public void Decide_CbmIntent_FollowsThreatAndTrust(double belief, DiplomacyIntent intent)
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        w.Belief[1] = belief;
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        Assert.Equal(intent, w.CbmIntent[1]);
    }

    [Theory]
    [InlineData(2, 0.2, DiplomacyIntent.Propose)]
    [InlineData(3, 0.6, DiplomacyIntent.BlockedByMistrust)]
    [InlineData(4, 0.2, DiplomacyIntent.None)]
    public void Decide_RecentCrisis_ProposesHotlineWhileTrusting(int step, double belief, DiplomacyIntent intent)
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        w.LastCrisisStep[1] = 0;
        w.Step = step;
        w.Belief[1] = belief;
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        Assert.Equal(intent, w.HotlineIntent[1]);
    }

    [Fact]
    public void Decide_ThreatAboveAllianceTrigger_BalancesAgainstMostFeared()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        w.Belief[1] = 0.8; // threat 0.28 > 0.25
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        Assert.Equal(1, w.BalanceAgainst[0]);
        w.Belief[1] = 0.7; // threat 0.245
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        Assert.Equal(-1, w.BalanceAgainst[0]);
    }

    private static (int Escalate, int BackDown) Moves(World w, CrisisSituation s, int draws = 4000)
    {
        int up = 0, down = 0;
        for (var k = 0; k < draws; k++)
        {
            var move = PolicyRuns.Respond(w, 0, s);
            up += move == CrisisMove.Escalate ? 1 : 0;
            down += move == CrisisMove.BackDown ? 1 : 0;
        }
        return (up, down);
    }

    [Fact]
    public void Respond_WarWorthFighting_AlwaysEscalates()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        // gain = (1 − 0.1)·10 > 0: it wants war
        Assert.Equal((4000, 0), Moves(w, PolicyRuns.Situation(1, 0, warValue: 10, rung: 11)));
    }

    [Fact]
    public void Respond_FearOfBeingStruck_BacksDownMoreOften()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        // fear cost 0.2·(0 + 100) = 20 against a concession of 0.5 on a scale of 1.6: z = −12.2, it yields
        var afraid = Moves(w, PolicyRuns.Situation(1, 0, fear: 0.2));
        // no fear: z = 0.5/1.6 = 0.3125; P(back down) = 1/(1 + e^(1 + z)) = 0.212, P(escalate) = 1/(1 + e^(1 − z)) = 0.335
        var calm = Moves(w, PolicyRuns.Situation(1, 0, fear: 0));
        Assert.Equal(4000, afraid.BackDown);
        Assert.InRange(calm.BackDown / 4000.0, 0.212 - 0.02, 0.212 + 0.02);
        Assert.InRange(calm.Escalate / 4000.0, 0.335 - 0.02, 0.335 + 0.02);
    }

    [Fact]
    public void Respond_LastRungBeforeWar_NeverTakesTheStepWithoutWantingWar()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        Assert.Equal(0, Moves(w, PolicyRuns.Situation(1, 5, fear: 0, rung: 11, concede: 50)).Escalate);
    }

    /// <summary>Literal classification: Respond draws the realist rule's logistic noise.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("DefensiveRealist")).Traits;
        Assert.Equal(("DefensiveRealist", false, 0, false, "Glaser 1997; Jervis 1978"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
