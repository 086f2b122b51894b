using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Policies;

public class DefensiveRealistTests
{
    [Fact]
    public void Decide_AgainstScriptedBuildup_MovesShareTowardTargetSecurityEachYear()
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist", new Dictionary<int, double> { [2000] = 0.02, [2003] = 0.08 });
        var shares = new List<double>();
        for (var t = 0; t < 12; t++)
        {
            var m = w.MilitaryShare[0];
            Kernel.Step(w);
            // rule: m + 0.03·(0.8 - S), at most ±0.003 a year, within [0.005, 0.12]
            var expected = TestWorlds.Toward(m, m + 0.03 * (0.8 - w.Security[0]));
            Assert.Equal(expected, w.MilitaryShare[0], 12);
            // posture: expected security posture at β = 1 (0.35) shifted to defense by 0.6·ω = 0.3
            Assert.Equal(0.35 * (1 - 0.6 * 0.5), w.Posture[0], 12);
            Assert.Equal(t < 3 ? 0.02 : 0.08, w.MilitaryShare[1], 12);
            shares.Add(w.MilitaryShare[0]);
        }
        // secure at first, A cuts; B's jump in 2003, seen in 2004, drops A's security below target and A re-arms by
        // at least 0.8 points of GDP before B's steady level reassures it again
        Assert.True(shares[3] < shares[0]);
        Assert.True(shares.Skip(4).Max() > shares[3] + 0.008);
    }

    [Theory]
    [InlineData(0.5, 0.023)]   // gap 0.3 → +0.009, capped at +0.003
    [InlineData(0.79, 0.0203)] // gap 0.01 → +0.0003
    [InlineData(0.8, 0.02)]
    [InlineData(0.9, 0.017)]   // gap -0.1 → -0.003
    public void Decide_SecurityGap_SetsShareExactly(double security, double share)
    {
        var w = PolicyRuns.AgainstScript("DefensiveRealist");
        w.Security[0] = security;
        DecidePhase.Run(w);
        Assert.Equal(share, w.MilitaryShare[0], 12);
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
