using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

public class HawkTests
{
    [Fact]
    public void Decide_AgainstScriptedDove_ArmsToCapOffensivelyAndAlwaysEscalates()
    {
        var w = PolicyRuns.AgainstScript("Hawk", new Dictionary<int, double> { [2000] = 0.01 });
        for (var t = 1; t <= 40; t++)
        {
            Kernel.Step(w);
            Assert.Equal(Math.Min(0.12, 0.02 + 0.003 * t), w.MilitaryShare[0], 12);
            Assert.Equal(0.9, w.Posture[0], 12);
        }
        for (var round = 0; round < 5; round++)
        {
            Assert.Equal(CrisisMove.Escalate, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, round, fear: 0, win: 0)));
        }
        Assert.True(new Hawk().Traits.Deterministic);
    }
}

public class DoveTests
{
    [Fact]
    public void Decide_AgainstScriptedAcceptor_DisarmsSignsCbmAndProposesHotline()
    {
        var w = PolicyRuns.AgainstScript("Dove", new Dictionary<int, double> { [2000] = 0.05 }, acceptCbm: true);
        Kernel.Step(w);
        Assert.Equal(0.017, w.MilitaryShare[0], 12);
        Assert.Equal(0.1, w.Posture[0], 12);
        Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmSigned));
        Assert.Equal(0.4, w.Transparency[1], 12);
        var hotline = Assert.Single(TestWorlds.EventsOf(w, EventKind.HotlineProposed));
        Assert.Equal(0, hotline.Actor);
        for (var t = 2; t <= 10; t++)
        {
            Kernel.Step(w);
            Assert.Equal(Math.Max(0.005, 0.02 - 0.003 * t), w.MilitaryShare[0], 12);
        }
        Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmSigned)); // no second CBM once signed
        Assert.Equal(CrisisMove.BackDown, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0, fear: 1, firstStrike: 1, win: 1)));
    }
}

public class RichardsonTests
{
    [Theory]
    [InlineData(50.0, 0.023)]  // 0.02 + 0.1·0.05 - 0.2·0.02 + 0.002
    [InlineData(20.0, 0.02)]   // equilibrium: 0.1·0.02 + 0.002 = 0.2·0.02
    [InlineData(0.0, 0.018)]
    [InlineData(500.0, 0.023)] // +0.048 capped at +0.003
    public void Decide_RivalSpending_ReactionMinusFatiguePlusGrievance(double rivalMilex, double share)
    {
        var w = PolicyRuns.AgainstScript("Richardson");
        w.ObservedMilex[1] = rivalMilex;
        DecidePhase.Run(w);
        Assert.Equal(share, w.MilitaryShare[0], 12);
        Assert.Equal(0.35, w.Posture[0], 12);
    }

    [Fact]
    public void Decide_AgainstScriptedSeries_FollowsRichardsonRuleEachYear()
    {
        var w = PolicyRuns.AgainstScript("Richardson", new Dictionary<int, double> { [2000] = 0.02, [2002] = 0.06, [2008] = 0.01 });
        for (var t = 0; t < 14; t++)
        {
            var m = w.MilitaryShare[0];
            var gdp = w.Gdp[0];
            Kernel.Step(w);
            var target = m + 0.1 * w.ObservedMilex[1] / gdp - 0.2 * m + 0.002;
            Assert.Equal(TestWorlds.Toward(m, target), w.MilitaryShare[0], 12);
        }
    }
}

public class TitForTatTests
{
    [Theory]
    [InlineData(0.1, 0.022, false)]
    [InlineData(0.5, 0.023, false)]   // copies at most 25%, moves at most 0.003
    [InlineData(0.0, 0.02, true)]
    [InlineData(-0.1, 0.018, true)]
    [InlineData(-0.5, 0.017, true)]
    public void Decide_RivalsObservedArming_IsMatched(double arming, double share, bool proposesCbm)
    {
        var w = PolicyRuns.AgainstScript("TitForTat");
        w.ObservedArming[1] = arming;
        DecidePhase.Run(w);
        Assert.Equal(share, w.MilitaryShare[0], 12);
        Assert.Equal(proposesCbm ? DiplomacyIntent.Propose : DiplomacyIntent.None, w.CbmIntent[1]);
    }

    [Fact]
    public void Decide_AgainstScriptedSeries_CopiesObservedChangeEachYear()
    {
        var w = PolicyRuns.AgainstScript("TitForTat", new Dictionary<int, double> { [2000] = 0.02, [2002] = 0.03, [2005] = 0.015 });
        for (var t = 0; t < 10; t++)
        {
            var m = w.MilitaryShare[0];
            var proposedBefore = TestWorlds.Count(w, EventKind.CbmProposed);
            Kernel.Step(w);
            var change = Math.Clamp(w.ObservedArming[1], -0.25, 0.25);
            Assert.Equal(TestWorlds.Toward(m, m * (1 + change)), w.MilitaryShare[0], 12);
            Assert.Equal(change <= 0 ? 1 : 0, TestWorlds.Count(w, EventKind.CbmProposed) - proposedBefore);
        }
    }

    [Fact]
    public void Respond_OpensWithHoldThenCopiesOpponent()
    {
        var w = PolicyRuns.AgainstScript("TitForTat");
        Assert.Equal(CrisisMove.Hold, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0)));
        foreach (var move in new[] { CrisisMove.Escalate, CrisisMove.Hold, CrisisMove.BackDown })
        {
            w.OpponentCrisisMove[0 * 2 + 1] = move;
            Assert.Equal(move, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 1)));
        }
    }
}

public class GritTests
{
    [Fact]
    public void Decide_RivalNotArming_CutsFivePercentAYearDownToHalfTheStart()
    {
        var w = PolicyRuns.AgainstScript("Grit");
        for (var k = 1; k <= 16; k++)
        {
            w.ObservedArming[1] = 0;
            w.Step = k;
            DecidePhase.Run(w);
            Assert.Equal(Math.Max(0.01, 0.02 * Math.Pow(0.95, k)), w.MilitaryShare[0], 12);
            Assert.Equal(0.35 * (1 - 0.6 * 0.5), w.Posture[0], 12);
            Assert.Equal(DiplomacyIntent.Propose, w.CbmIntent[1]);
        }
        // every cut (years 1..14) was announced; once at the floor there is no cut to announce
        Assert.Equal(14, TestWorlds.Count(w, EventKind.ReassuranceGesture));
    }

    [Theory]
    [InlineData(0.1, 0.022, false)]    // buildup above tolerance 0.03: answered in proportion
    [InlineData(0.03, 0.019, true)]    // within tolerance: the usual 5% cut
    [InlineData(-0.2, 0.017, true)]    // rival cut 20%: reciprocated, within the yearly limit
    public void Decide_RivalsArming_IsAnsweredOrReciprocated(double arming, double share, bool reassures)
    {
        var w = PolicyRuns.AgainstScript("Grit");
        w.ObservedArming[1] = arming;
        DecidePhase.Run(w);
        Assert.Equal(share, w.MilitaryShare[0], 12);
        Assert.Equal(reassures, w.Reassure[0]);
    }

    [Fact]
    public void Decide_AgainstScriptedBuildup_AnswersThenReturnsToConciliation()
    {
        var w = PolicyRuns.AgainstScript("Grit", new Dictionary<int, double> { [2000] = 0.02, [2003] = 0.05 },
            change: s => s.With(wp => wp with { ObservationNoise = 0 }));
        var shares = new List<double>();
        for (var t = 0; t < 8; t++)
        {
            var m = w.MilitaryShare[0];
            Kernel.Step(w);
            var arming = w.ObservedArming[1];
            var target = arming > 0.03 ? m * (1 + arming) : Math.Max(0.01, m * (1 - Math.Max(0.05, -arming)));
            Assert.Equal(TestWorlds.Toward(m, target), w.MilitaryShare[0], 12);
            shares.Add(w.MilitaryShare[0]);
        }
        // the script's jump in 2003 shows in 2004's observation: GRIT answers that year, then returns to cuts
        Assert.Equal(shares[3] + 0.003, shares[4], 12);
        Assert.True(shares[7] < shares[6] && shares[6] < shares[5]);
    }

    [Fact]
    public void Respond_BacksDownFirstThenMatchesEscalation()
    {
        var w = PolicyRuns.AgainstScript("Grit");
        Assert.Equal(CrisisMove.BackDown, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 0)));
        w.OpponentCrisisMove[1] = CrisisMove.Escalate;
        Assert.Equal(CrisisMove.Escalate, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 1)));
        w.OpponentCrisisMove[1] = CrisisMove.BackDown;
        Assert.Equal(CrisisMove.Hold, PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, 1)));
    }
}

public class CostlySignallerTests
{
    [Fact]
    public void Decide_TrustedRivalArming_PaysCostlyRestraintEveryThirdYear()
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller");
        var signals = new List<bool>();
        for (var step = 0; step < 7; step++)
        {
            w.Step = step;
            w.ObservedArming[1] = 0.05; // > 0.02: the rival arms, so it likely fears me
            w.Security[0] = 0.8;        // no security gap: the defensive realist alone would hold its share
            var m = w.MilitaryShare[0];
            DecidePhase.Run(w);
            var signalled = w.Reassure[0];
            signals.Add(signalled);
            if (signalled)
            {
                Assert.Equal(m - 0.003, w.MilitaryShare[0], 12);
                Assert.Equal(0.05, w.Posture[0], 12);
            }
            else
            {
                Assert.Equal(m, w.MilitaryShare[0], 12);
                Assert.Equal(0.245, w.Posture[0], 12);
            }
        }
        Assert.Equal([true, false, false, true, false, false, true], signals);
        Assert.Equal(3, TestWorlds.Count(w, EventKind.ReassuranceGesture));
    }

    [Theory]
    [InlineData(0.6, 0.05, false)] // mistrust: no signal
    [InlineData(0.2, 0.01, false)] // rival not arming: no need
    [InlineData(0.2, 0.05, true)]
    public void Decide_SignalsOnlyUnderTrustAndRivalArming(double belief, double arming, bool signals)
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller");
        w.Belief[1] = belief;
        w.ObservedArming[1] = arming;
        DecidePhase.Run(w);
        Assert.Equal(signals, w.Reassure[0]);
    }

    [Fact]
    public void Decide_GreedyType_NeverSignals()
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller", change: s => s.WithState(0, st => st with { GreedyPolicy = st.Policy }));
        w.IsGreedy[0] = true;
        w.ObservedArming[1] = 0.05;
        DecidePhase.Run(w);
        Assert.False(w.Reassure[0]);
        Assert.True(new CostlySignaller().Traits.UsesOwnType);
    }

    [Fact]
    public void Decide_AgainstScriptedArmer_SignalsExactlyWhenTheRuleSays()
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller", new Dictionary<int, double> { [2000] = 0.019, [2003] = 0.04 },
            change: s => s.With(wp => wp with { ObservationNoise = 0 }));
        var last = int.MinValue / 2;
        var signals = 0;
        for (var t = 0; t < 12; t++)
        {
            var m = w.MilitaryShare[0];
            var before = TestWorlds.Count(w, EventKind.ReassuranceGesture);
            Kernel.Step(w);
            var expected = t - last >= 3 && w.Belief[1] < 0.5 && w.ObservedArming[1] > 0.02;
            var signalled = TestWorlds.Count(w, EventKind.ReassuranceGesture) > before;
            Assert.Equal(expected, signalled);
            if (signalled)
            {
                last = t;
                signals++;
                Assert.Equal(Math.Max(0.005, m - 0.003), w.MilitaryShare[0], 12);
                Assert.Equal(0.05, w.Posture[0], 12);
            }
            else
            {
                Assert.Equal(TestWorlds.Toward(m, m + 0.03 * (0.8 - w.Security[0])), w.MilitaryShare[0], 12);
                Assert.Equal(0.245, w.Posture[0], 12);
            }
        }
        Assert.InRange(signals, 2, 4);
    }
}

public class ScriptedTests
{
    [Fact]
    public void Decide_FollowsSeriesByCalendarYear_LastValueHolds()
    {
        var w = PolicyRuns.AgainstScript("Hawk");
        var s = Spiral.Testing.ScenarioBuilder.Dyad("Scripted", "Hawk").NoIncidents()
            .WithScript(0, new Dictionary<int, double> { [2000] = 0.03, [2002] = 0.05 }, new Dictionary<int, double> { [2001] = 0.6 });
        w = WorldFactory.Create(s, 1, 0);
        var expected = new[] { (0.03, 0.35), (0.03, 0.6), (0.05, 0.6), (0.05, 0.6) };
        foreach (var (share, posture) in expected)
        {
            Kernel.Step(w);
            Assert.Equal(share, w.MilitaryShare[0], 12);
            Assert.Equal(posture, w.Posture[0], 12);
        }
    }

    [Theory]
    [InlineData(-1, CrisisMove.BackDown)]
    [InlineData(0, CrisisMove.Hold)]
    [InlineData(1, CrisisMove.Escalate)]
    public void Respond_MakesTheConfiguredMove(int crisis, CrisisMove move)
    {
        var w = PolicyRuns.AgainstScript("Hawk", crisis: crisis);
        Assert.Equal(move, PolicyRuns.Respond(w, 1, PolicyRuns.Situation(0, 0)));
        Assert.Equal(move, PolicyRuns.Respond(w, 1, PolicyRuns.Situation(0, 3)));
    }

    [Fact]
    public void Decide_AcceptCbm_ProposesToReachableStates()
    {
        var w = PolicyRuns.AgainstScript("Hawk", acceptCbm: true);
        DecidePhase.Run(w);
        Assert.Equal(DiplomacyIntent.Propose, w.CbmIntent[1 * 2 + 0]);
        var silent = PolicyRuns.AgainstScript("Hawk", acceptCbm: false);
        DecidePhase.Run(silent);
        Assert.Equal(DiplomacyIntent.None, silent.CbmIntent[1 * 2 + 0]);
    }
}
