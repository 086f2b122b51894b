using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 5, decide: caps, agreements and alliances resolved after the policies choose.</summary>
public class DecidePhaseTests
{
    [Fact]
    public void Run_Policies_SetDesiredBurdenButNotTheShare()
    {
        var w = TestWorlds.Dyad("Hawk", "Dove", change: s => s.WithState(0, st => st with { DevelopmentPriority = 0.5 }));
        DecidePhase.Run(w);
        Assert.Equal(0.07, w.DesiredBurden[0], 12);  // the Hawk's cap at κ 0.5: 0.12·0.5 + 0.02·0.5
        Assert.Equal(0.005, w.DesiredBurden[1], 12); // the Dove's floor
        Assert.Equal(0.02, w.MilitaryShare[0], 12);  // applied by the budget process of phase 6
        Assert.Equal(0.02, w.MilitaryShare[1], 12);
        Assert.Equal(0.9, w.Posture[0], 12);         // postures are applied here
        Assert.Equal(0.1, w.Posture[1], 12);
    }

    [Fact]
    public void Run_BothPropose_SignsCbmAndRaisesTransparency()
    {
        var w = TestWorlds.Dyad("Dove", "Dove");
        DecidePhase.Run(w);
        Assert.Equal(0.4, w.Transparency[1], 12);
        Assert.Equal(0.4, w.Transparency[2], 12);
        Assert.True(w.Cbm[1] && w.Cbm[2]);
        Assert.Equal(1, TestWorlds.Count(w, EventKind.CbmSigned));
        Assert.Equal(1.0, w.Hotline[1]);
        Assert.Equal(1, TestWorlds.Count(w, EventKind.HotlineOpened));
    }

    [Fact]
    public void Run_OnlyOneProposes_NoCbmSigned()
    {
        var w = TestWorlds.Dyad("Dove", "Hawk");
        DecidePhase.Run(w);
        Assert.Equal(0.0, w.Transparency[1]);
        Assert.False(w.Cbm[1]);
        var proposed = Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmProposed));
        Assert.Equal(0, proposed.Actor);
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CbmSigned));
    }

    [Fact]
    public void Run_BeliefAtOrAboveTrustThreshold_BlocksCbm()
    {
        var w = TestWorlds.Dyad();
        w.Belief[1] = 0.6; // A mistrusts B: threat 0.6·0.35 = 0.21 > 0.05
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        var blocked = Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmBlocked));
        Assert.Equal(0, blocked.Actor);
        Assert.Equal(1, blocked.Target);
        Assert.Equal(0.0, w.Transparency[1]);
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CbmSigned));

        var atThreshold = TestWorlds.Dyad();
        atThreshold.Belief[1] = atThreshold.P.TrustThreshold;
        AssessPhase.Run(atThreshold);
        DecidePhase.Run(atThreshold);
        Assert.Equal(1, TestWorlds.Count(atThreshold, EventKind.CbmBlocked));
    }

    [Fact]
    public void Run_TwoTrustingSecuritySeekers_SignCbm()
    {
        var w = TestWorlds.Dyad();
        w.Belief[1] = w.Belief[2] = 0.3; // threat 0.3·0.35 = 0.105 > 0.05 and trust
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        Assert.Equal(1, TestWorlds.Count(w, EventKind.CbmSigned));
        Assert.Equal(w.P.CbmTransparencyGain, w.Transparency[1], 12);
    }

    private static World FearingTheSameThird(double mutualBelief)
    {
        var s = ScenarioBuilder.Stylized(states: 3, reach: 1.0).WithState(2, st => st with { Policy = new PolicySpec("Hawk") });
        var w = WorldFactory.Create(s, 1, 0);
        w.Belief[0 * 3 + 2] = w.Belief[1 * 3 + 2] = 0.9; // threat 0.9·0.35 = 0.315 > 0.25
        w.Belief[0 * 3 + 1] = w.Belief[1 * 3 + 0] = mutualBelief;
        AssessPhase.Run(w);
        return w;
    }

    [Fact]
    public void Run_TwoStatesFearingSameThirdAndTrustingEachOther_FormAlliance()
    {
        var w = FearingTheSameThird(0.1);
        DecidePhase.Run(w);
        Assert.True(w.AreAllies(0, 1));
        Assert.False(w.AreAllies(0, 2));
        var formed = Assert.Single(TestWorlds.EventsOf(w, EventKind.AllianceFormed));
        Assert.Equal((0, 1, 2.0), (formed.Actor, formed.Target, formed.Value));
        Assert.Equal(w.P.DefaultAllianceCommitment, w.AllianceCommitment[w.Alliance[0]]);
    }

    [Fact]
    public void Run_StatesFearingSameThirdButMistrustingEachOther_NoAlliance()
    {
        var w = FearingTheSameThird(0.6);
        DecidePhase.Run(w);
        Assert.False(w.AreAllies(0, 1));
        Assert.Equal(0, TestWorlds.Count(w, EventKind.AllianceFormed));
    }
}
