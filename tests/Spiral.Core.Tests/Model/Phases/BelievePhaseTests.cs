using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 3, believe: the Bayesian update against hand-computed values.</summary>
public class BelievePhaseTests
{
    /// <summary>A's belief about B after one update from the given readings, all else at defaults (β 1, ω 0.5, σ 0.5, τ 0).</summary>
    private static double BeliefAfter(double posture, double arming, double empathy = 0.5, double ownGrowth = 0,
        double institutions = 0, bool bIsGreedy = false, Func<Scenario, Scenario>? change = null)
    {
        var w = TestWorlds.Dyad(change: change);
        w.Empathy[0] = empathy;
        w.MilexGrowth[0] = ownGrowth;
        w.Institutions = institutions;
        w.IsGreedy[1] = bIsGreedy;
        w.ObservedPosture[1] = posture;
        w.ObservedArming[1] = arming;
        BelievePhase.Run(w);
        return w.Belief[1];
    }

    [Fact]
    public void Run_OffensiveReading_MatchesHandComputedBayesUpdate()
    {
        // posture noise 0.5·0.5 + 0.03 = 0.28; variance 0.28² + 0.1²; security posture at β = 1 is 0.35, greedy 0.72
        var postureVar = 0.28 * 0.28 + 0.1 * 0.1;
        var postureLlr = ((0.9 - 0.35) * (0.9 - 0.35) - (0.9 - 0.72) * (0.9 - 0.72)) / (2 * postureVar);
        // arming noise 0.5·0.1 + 0.005 = 0.055; variance 0.055² + 0.05²; greedy growth 0.06; reading 0
        var armingVar = 0.055 * 0.055 + 0.05 * 0.05;
        var armingLlr = (0 - 0.06 * 0.06) / (2 * armingVar);
        var logit = Math.Log(0.2 / 0.8) + 0.3 * (postureLlr + armingLlr);
        var b = 1 / (1 + Math.Exp(-logit));
        b += 0.1 * (0.2 - b); // drift toward the prior
        Assert.Equal(b, BeliefAfter(0.9, 0), 10);
        Assert.InRange(b, 0.25, 0.26);
    }

    [Fact]
    public void Run_OffensivePostureReading_RaisesBelief_DefensiveLowersIt()
    {
        Assert.True(BeliefAfter(0.9, 0.0) > 0.2);
        Assert.True(BeliefAfter(0.1, 0.0) < 0.2);
        Assert.True(BeliefAfter(0.35, 0.15) > BeliefAfter(0.35, 0.0));
    }

    [Fact]
    public void Run_FullEmpathy_DiscountsArmingExplainedByOwnArming()
    {
        // A armed 10%; a security-seeking B reacts by 0.8·10% = 8%, which A observes.
        var withEmpathy = BeliefAfter(0.35, 0.08, empathy: 1, ownGrowth: 0.1);
        var without = BeliefAfter(0.35, 0.08, empathy: 0, ownGrowth: 0.1);
        var noArmingAtAll = BeliefAfter(0.35, 0.0, empathy: 0, ownGrowth: 0);
        Assert.True(without > withEmpathy, $"empathy 0: {without}, empathy 1: {withEmpathy}");
        // with full empathy the explained 8% reads as no arming at all
        Assert.Equal(noArmingAtAll, withEmpathy, 10);
    }

    [Fact]
    public void Run_Institutions_PullTowardTheTruthByIotaEta()
    {
        var anarchy = BeliefAfter(0.5, 0.03, bIsGreedy: true);
        var institutions = BeliefAfter(0.5, 0.03, institutions: 1, bIsGreedy: true);
        Assert.Equal(anarchy + 0.25 * (1 - anarchy), institutions, 12);
        var anarchyBenign = BeliefAfter(0.5, 0.03, bIsGreedy: false);
        var institutionsBenign = BeliefAfter(0.5, 0.03, institutions: 1, bIsGreedy: false);
        Assert.Equal(anarchyBenign - 0.25 * anarchyBenign, institutionsBenign, 12);
    }

    [Theory]
    [InlineData(1000.0, 0.995)]
    [InlineData(-1000.0, 0.005)]
    public void Run_ExtremeReadings_StayInsideEpsilonBounds(double posture, double expected)
    {
        var b = BeliefAfter(posture, posture / 100, change: s => s.WithModel(m => m with { IntentionDrift = 0 }));
        Assert.Equal(expected, b, 12);
    }
}
