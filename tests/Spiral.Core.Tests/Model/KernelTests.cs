using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model;

/// <summary>Each kernel phase in isolation, on a world built by the factory and then set by hand.</summary>
public class KernelTests
{
    // ------------------------------------------------------------------ phase 4: assess

    [Fact]
    public void Assess_ContestFunction_MatchesHandComputedVulnerabilityThreatAndSecurity()
    {
        var w = TestWorlds.Dyad(beta: 2.0);
        w.Offense[1] = 100;
        w.Defense[0] = 50;
        w.Belief[0 * 2 + 1] = 0.5;
        Kernel.Assess(w);
        // v_AB = (2·100) / (2·100 + 50) = 0.8; T = 0.5·0.8 = 0.4; S_A = 1 - 0.4 = 0.6
        Assert.Equal(0.8, w.Vulnerability[1], 12);
        Assert.Equal(0.4, w.Threat[1], 12);
        Assert.Equal(0.6, w.Security[0], 12);
        // v_BA = (2·87.5) / (175 + 162.5) = 0.518518…; T = 0.2·v; S_B = 1 - T
        Assert.Equal(175.0 / 337.5, w.Vulnerability[2], 12);
        Assert.Equal(1 - 0.2 * 175.0 / 337.5, w.Security[1], 12);
    }

    [Fact]
    public void Assess_DecisivenessTwo_SquaresBothSides()
    {
        var w = TestWorlds.Dyad(beta: 2.0, change: s => s.WithModel(m => m with { ContestExponent = 2 }));
        w.Offense[1] = 100;
        w.Defense[0] = 50;
        Kernel.Assess(w);
        Assert.Equal(40000.0 / 42500.0, w.Vulnerability[1], 12);
    }

    [Fact]
    public void Assess_HalfReach_HalvesVulnerabilityAndZeroReachRemovesIt()
    {
        var w = TestWorlds.Dyad();
        w.Reach[1] = 0.5;
        w.Reach[2] = 0;
        Kernel.Assess(w);
        Assert.Equal(0.5 * 87.5 / 250.0, w.Vulnerability[1], 12);
        Assert.Equal(0.0, w.Vulnerability[2]);
        Assert.Equal(1.0, w.Security[1], 12);
    }

    private static Scenario Triad(bool allied) =>
        ScenarioBuilder.Stylized(states: 3, reach: 1.0) with
        {
            Alliances = allied ? [new AllianceSpec("AC", ["S1", "S3"], 0.5)] : [],
        };

    [Fact]
    public void Assess_AlliedDefense_CountsForMeWithCommitment()
    {
        var w = WorldFactory.Create(Triad(allied: true), 1, 0);
        // D_A + 0.5·D_C = 162.5 + 81.25 = 243.75; v_AB = 87.5 / (87.5 + 243.75)
        Assert.Equal(243.75, w.AlliedDefense[0], 12);
        Assert.Equal(87.5 / 331.25, w.Vulnerability[0 * 3 + 1], 12);
        Assert.Equal(0.0, w.Vulnerability[0 * 3 + 2]);
        var alone = WorldFactory.Create(Triad(allied: false), 1, 0);
        Assert.Equal(0.35, alone.Vulnerability[0 * 3 + 1], 12);
    }

    [Fact]
    public void Assess_AllysOffense_RaisesRivalsVulnerability_AllianceSecurityDilemma()
    {
        var allied = WorldFactory.Create(Triad(allied: true), 1, 0);
        var alone = WorldFactory.Create(Triad(allied: false), 1, 0);
        // B reads A's offense plus half of C's: (87.5 + 43.75) / (131.25 + 162.5)
        Assert.Equal(131.25 / 293.75, allied.Vulnerability[1 * 3 + 0], 12);
        Assert.Equal(0.35, alone.Vulnerability[1 * 3 + 0], 12);
        Assert.True(allied.Security[1] < alone.Security[1]);
    }

    [Fact]
    public void Assess_InternalThreat_LowersOwnSecurityByCIAndNeighboursBySpillover()
    {
        var w = TestWorlds.Dyad();
        w.InternalThreat[0] = 0.4;
        w.InternalThreat[1] = 0.5;
        Kernel.Assess(w);
        // T = 0.2·0.35 = 0.07 both ways. S_A = (1 - 0.5·0.4)(1 - 0.07)(1 - 0.2·1·0.5) = 0.8·0.93·0.9
        Assert.Equal(0.8 * 0.93 * 0.9, w.Security[0], 12);
        // S_B = (1 - 0.5·0.5)(1 - 0.07)(1 - 0.2·1·0.4) = 0.75·0.93·0.92
        Assert.Equal(0.75 * 0.93 * 0.92, w.Security[1], 12);
    }

    // ------------------------------------------------------------------ phase 2: observe

    [Theory]
    [InlineData(0.5, 0.0, 0.0)]
    [InlineData(0.5, 0.5, 0.0)]
    [InlineData(0.5, 0.0, 0.5)]
    [InlineData(0.5, 0.9, 0.5)]
    [InlineData(1.5, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Observe_PostureNoiseSd_IsSigmaTimesOpacityPlusFloor(double sigma, double omega, double tau)
    {
        var w = TestWorlds.Dyad(omega: omega, seed: 7);
        w.ObservationNoise = sigma;
        w.Transparency[1] = tau;
        const int draws = 20000;
        double sum = 0, sum2 = 0;
        for (var k = 0; k < draws; k++)
        {
            Kernel.Observe(w);
            var x = w.ObservedPosture[1] - w.Posture[1];
            sum += x;
            sum2 += x * x;
        }
        var mean = sum / draws;
        var sd = Math.Sqrt(sum2 / draws - mean * mean);
        var expected = sigma * (1 - omega) * (1 - tau) + w.P.ObservationNoiseFloor;
        Assert.InRange(sd, expected * 0.97, expected * 1.03);
        Assert.InRange(mean, -4 * expected / Math.Sqrt(draws), 4 * expected / Math.Sqrt(draws));
    }

    [Fact]
    public void Observe_MoreDistinguishabilityOrTransparency_ShrinksNoise()
    {
        double Sd(double omega, double tau)
        {
            var w = TestWorlds.Dyad(omega: omega, seed: 3);
            w.Transparency[1] = tau;
            double s2 = 0;
            for (var k = 0; k < 5000; k++)
            {
                Kernel.Observe(w);
                var x = w.ObservedPosture[1] - w.Posture[1];
                s2 += x * x;
            }
            return Math.Sqrt(s2 / 5000);
        }
        Assert.True(Sd(0.8, 0) < Sd(0.2, 0));
        Assert.True(Sd(0.2, 0.8) < Sd(0.2, 0));
    }

    private static World Noiseless(double rivalry, IReadOnlyList<string>? tagsA = null, IReadOnlyList<string>? tagsB = null)
    {
        var w = TestWorlds.Dyad(change: s => s.WithModel(m => m with { ObservationNoiseFloor = 0 })
            .WithState(0, st => st with { Identity = tagsA ?? [] })
            .WithState(1, st => st with { Identity = tagsB ?? [] }));
        w.ObservationNoise = 0;
        w.Rivalry[1] = rivalry;
        return w;
    }

    [Fact]
    public void Observe_Rivalry_BiasesReadingUpwardByLambdaH()
    {
        var w = Noiseless(rivalry: 1.0);
        Kernel.Observe(w);
        Assert.Equal(0.35 + 0.12 * 1.0, w.ObservedPosture[1], 12);
        var calm = Noiseless(rivalry: 0.0);
        Kernel.Observe(calm);
        Assert.Equal(0.35, calm.ObservedPosture[1], 12);
    }

    [Fact]
    public void Observe_RivalryBiasWithNoise_ShiftsMeanByLambdaH()
    {
        var w = TestWorlds.Dyad(seed: 11);
        w.Rivalry[1] = 0.5;
        double sum = 0;
        const int draws = 20000;
        for (var k = 0; k < draws; k++)
        {
            Kernel.Observe(w);
            sum += w.ObservedPosture[1] - w.Posture[1];
        }
        Assert.InRange(sum / draws, 0.06 - 0.012, 0.06 + 0.012);
    }

    [Fact]
    public void Observe_SharedIdentity_OffsetsRivalryBias()
    {
        // identical tags: Jaccard 1, effective rivalry 1 - 0.5·1 = 0.5, bias 0.06
        var same = Noiseless(1.0, ["asean"], ["asean"]);
        Assert.Equal(1.0, same.SharedIdentity[1], 12);
        Kernel.Observe(same);
        Assert.Equal(0.35 + 0.12 * 0.5, same.ObservedPosture[1], 12);
        // half overlap: Jaccard 1/2, effective rivalry 0.75, bias 0.09
        var half = Noiseless(1.0, ["asean", "g77"], ["asean"]);
        Kernel.Observe(half);
        Assert.Equal(0.35 + 0.12 * 0.75, half.ObservedPosture[1], 12);
    }

    // ------------------------------------------------------------------ phase 3: believe

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
        Kernel.Believe(w);
        return w.Belief[1];
    }

    [Fact]
    public void Believe_OffensiveReading_MatchesHandComputedBayesUpdate()
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
    public void Believe_OffensivePostureReading_RaisesBelief_DefensiveLowersIt()
    {
        Assert.True(BeliefAfter(0.9, 0.0) > 0.2);
        Assert.True(BeliefAfter(0.1, 0.0) < 0.2);
        Assert.True(BeliefAfter(0.35, 0.15) > BeliefAfter(0.35, 0.0));
    }

    [Fact]
    public void Believe_FullEmpathy_DiscountsArmingExplainedByOwnArming()
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
    public void Believe_Institutions_PullTowardTheTruthByIotaEta()
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
    public void Believe_ExtremeReadings_StayInsideEpsilonBounds(double posture, double expected)
    {
        var b = BeliefAfter(posture, posture / 100, change: s => s.WithModel(m => m with { IntentionDrift = 0 }));
        Assert.Equal(expected, b, 12);
    }

    // ------------------------------------------------------------------ phase 5: decide

    [Theory]
    [InlineData(0.0, 0.12)]
    [InlineData(0.25, 0.095)]
    [InlineData(0.5, 0.07)]
    [InlineData(1.0, 0.02)]
    public void Decide_DevelopmentPriority_CapsMilitaryShare(double kappa, double cap)
    {
        var w = TestWorlds.Dyad("Hawk", "Dove", change: s => s.WithState(0, st => st with { DevelopmentPriority = kappa }));
        Assert.Equal(0.12 * (1 - kappa) + 0.02 * kappa, w.MilitaryShareCap(0), 12);
        Assert.Equal(cap, w.MilitaryShareCap(0), 12);
        w.MilitaryShare[0] = 0.3;
        Kernel.Decide(w);
        Assert.Equal(cap, w.MilitaryShare[0], 12);
        w.ForcedMilitaryShare[0] = 0.5;
        Kernel.Decide(w);
        Assert.Equal(cap, w.MilitaryShare[0], 12);
    }

    [Fact]
    public void Decide_BothPropose_SignsCbmAndRaisesTransparency()
    {
        var w = TestWorlds.Dyad("Dove", "Dove");
        Kernel.Decide(w);
        Assert.Equal(0.4, w.Transparency[1], 12);
        Assert.Equal(0.4, w.Transparency[2], 12);
        Assert.True(w.Cbm[1] && w.Cbm[2]);
        Assert.Equal(1, TestWorlds.Count(w, EventKind.CbmSigned));
        Assert.Equal(1.0, w.Hotline[1]);
        Assert.Equal(1, TestWorlds.Count(w, EventKind.HotlineOpened));
    }

    [Fact]
    public void Decide_OnlyOneProposes_NoCbmSigned()
    {
        var w = TestWorlds.Dyad("Dove", "Hawk");
        Kernel.Decide(w);
        Assert.Equal(0.0, w.Transparency[1]);
        Assert.False(w.Cbm[1]);
        var proposed = Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmProposed));
        Assert.Equal(0, proposed.Actor);
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CbmSigned));
    }

    [Fact]
    public void Decide_BeliefAtOrAboveTrustThreshold_BlocksCbm()
    {
        var w = TestWorlds.Dyad();
        w.Belief[1] = 0.6; // A mistrusts B: threat 0.6·0.35 = 0.21 > 0.05
        Kernel.Assess(w);
        Kernel.Decide(w);
        var blocked = Assert.Single(TestWorlds.EventsOf(w, EventKind.CbmBlocked));
        Assert.Equal(0, blocked.Actor);
        Assert.Equal(1, blocked.Target);
        Assert.Equal(0.0, w.Transparency[1]);
        Assert.Equal(0, TestWorlds.Count(w, EventKind.CbmSigned));

        var atThreshold = TestWorlds.Dyad();
        atThreshold.Belief[1] = atThreshold.P.TrustThreshold;
        Kernel.Assess(atThreshold);
        Kernel.Decide(atThreshold);
        Assert.Equal(1, TestWorlds.Count(atThreshold, EventKind.CbmBlocked));
    }

    [Fact]
    public void Decide_TwoTrustingSecuritySeekers_SignCbm()
    {
        var w = TestWorlds.Dyad();
        w.Belief[1] = w.Belief[2] = 0.3; // threat 0.3·0.35 = 0.105 > 0.05 and trust
        Kernel.Assess(w);
        Kernel.Decide(w);
        Assert.Equal(1, TestWorlds.Count(w, EventKind.CbmSigned));
        Assert.Equal(w.P.CbmTransparencyGain, w.Transparency[1], 12);
    }

    private static World FearingTheSameThird(double mutualBelief)
    {
        var s = ScenarioBuilder.Stylized(states: 3, reach: 1.0).WithState(2, st => st with { Policy = new PolicySpec("Hawk") });
        var w = WorldFactory.Create(s, 1, 0);
        w.Belief[0 * 3 + 2] = w.Belief[1 * 3 + 2] = 0.9; // threat 0.9·0.35 = 0.315 > 0.25
        w.Belief[0 * 3 + 1] = w.Belief[1 * 3 + 0] = mutualBelief;
        Kernel.Assess(w);
        return w;
    }

    [Fact]
    public void Decide_TwoStatesFearingSameThirdAndTrustingEachOther_FormAlliance()
    {
        var w = FearingTheSameThird(0.1);
        Kernel.Decide(w);
        Assert.True(w.AreAllies(0, 1));
        Assert.False(w.AreAllies(0, 2));
        var formed = Assert.Single(TestWorlds.EventsOf(w, EventKind.AllianceFormed));
        Assert.Equal((0, 1, 2.0), (formed.Actor, formed.Target, formed.Value));
        Assert.Equal(w.P.DefaultAllianceCommitment, w.AllianceCommitment[w.Alliance[0]]);
    }

    [Fact]
    public void Decide_StatesFearingSameThirdButMistrustingEachOther_NoAlliance()
    {
        var w = FearingTheSameThird(0.6);
        Kernel.Decide(w);
        Assert.False(w.AreAllies(0, 1));
        Assert.Equal(0, TestWorlds.Count(w, EventKind.AllianceFormed));
    }

    // ------------------------------------------------------------------ phase 6: invest and grow

    [Fact]
    public void InvestAndGrow_StocksGdpAndMilex_MatchHandComputation()
    {
        var w = TestWorlds.Dyad();
        w.MilitaryShare[0] = 0.05;
        w.Posture[0] = 0.3;
        w.InternalThreat[0] = 0.2;
        w.Offense[0] = 100;
        w.Defense[0] = 200;
        Kernel.InvestAndGrow(w);
        // milex 50; internal share 0.5·0.2 = 0.1; investment 45
        Assert.Equal(50, w.Milex[0], 12);
        Assert.Equal(50.0 / 20.0 - 1, w.MilexGrowth[0], 12);
        Assert.Equal(0.92 * 100 + 0.3 * 45, w.Offense[0], 12);
        Assert.Equal(0.92 * 200 + 0.7 * 45, w.Defense[0], 12);
        // growth 0.03 - 0.1·0.05 - 0.02·0.2 = 0.021
        Assert.Equal(1021, w.Gdp[0], 9);
        // B unchanged in steady state: O = 0.92·87.5 + 0.35·20 = 87.5
        Assert.Equal(87.5, w.Offense[1], 12);
        Assert.Equal(1000 * (1 + 0.03 - 0.1 * 0.02), w.Gdp[1], 9);
    }

    [Fact]
    public void InvestAndGrow_InternalThreat_DecaysAndSpreadsByReach()
    {
        var w = TestWorlds.Dyad();
        w.InternalThreat[0] = 0.2;
        w.Reach[1 * 2 + 0] = 0.5;
        Kernel.InvestAndGrow(w);
        Assert.Equal(0.2 * 0.9, w.InternalThreat[0], 12);
        Assert.Equal(0.05 * 0.5 * 0.2, w.InternalThreat[1], 12);
    }

    // ------------------------------------------------------------------ phase 7: incidents

    [Fact]
    public void IncidentsAndCrises_ZeroBaseRate_NoIncidents()
    {
        var w = TestWorlds.Dyad(change: s => s.NoIncidents());
        Array.Fill(w.AttackTarget, -1);
        for (var k = 0; k < 200; k++)
        {
            Kernel.IncidentsAndCrises(w);
        }
        Assert.Equal(0, TestWorlds.Count(w, EventKind.Incident));
    }

    [Fact]
    public void IncidentsAndCrises_AttackTarget_StartsWarOfGreed()
    {
        var w = TestWorlds.Dyad();
        w.AttackTarget[0] = 1;
        w.AttackTarget[1] = -1;
        Kernel.IncidentsAndCrises(w);
        var war = Assert.Single(TestWorlds.EventsOf(w, EventKind.WarStarted));
        Assert.Equal((0, 1, Concept.Greed), (war.Actor, war.Target, war.Concept));
    }

    [Fact]
    public void IncidentsAndCrises_HighRate_OpensCrisesAtRungOne()
    {
        var w = TestWorlds.Dyad();
        w.IncidentBaseRate = 100;
        Array.Fill(w.AttackTarget, -1); // as phase 5 leaves it
        Kernel.IncidentsAndCrises(w);
        var incident = Assert.Single(TestWorlds.EventsOf(w, EventKind.Incident));
        Assert.Equal(1, incident.Rung);
        Assert.Equal(0, w.LastCrisisStep[1]);
    }

    [Fact]
    public void IncidentsAndCrises_FreshWorldBeforeAnyDecide_StartsNoWar()
    {
        var w = TestWorlds.Dyad(change: s => s.NoIncidents());
        Kernel.IncidentsAndCrises(w);
        Assert.Equal(0, TestWorlds.Count(w, EventKind.WarStarted));
    }

    // ------------------------------------------------------------------ phase 8: record

    [Fact]
    public void Record_GoldsteinWeights_AccumulateRelationsAndMoveRivalry()
    {
        var w = TestWorlds.Dyad();
        w.Rivalry[1] = 0.5;
        w.AddEvent(EventKind.WarStarted, 0, 1); // -10 on both directions
        Kernel.Record(w);
        Assert.Equal(-10, w.Relations[1], 12);
        Assert.Equal(-10, w.Relations[2], 12);
        Assert.Equal(0.5 + 0.02 * 10 / 10 - 0.01 * 0.5, w.Rivalry[1], 12);
        Assert.Equal(0.0, w.StepGoldstein[1]);
    }

    [Fact]
    public void Record_SecuritySeekerBeliefCrossingHalf_RecordsSpiralOnset()
    {
        var w = TestWorlds.Dyad();
        w.PreviousBelief[1] = 0.4;
        w.Belief[1] = 0.6;
        Kernel.Record(w);
        var onset = Assert.Single(TestWorlds.EventsOf(w, EventKind.SpiralOnset));
        Assert.Equal((0, 1), ((int)onset.Actor, (int)onset.Target));
        Assert.Single(TestWorlds.EventsOf(w, EventKind.BeliefShift));

        var greedy = TestWorlds.Dyad();
        greedy.IsGreedy[1] = true;
        greedy.PreviousBelief[1] = 0.4;
        greedy.Belief[1] = 0.6;
        Kernel.Record(greedy);
        Assert.Equal(0, TestWorlds.Count(greedy, EventKind.SpiralOnset));
    }

    [Fact]
    public void Step_AdvancesStepAndYear()
    {
        var w = TestWorlds.Dyad();
        Kernel.Step(w);
        Kernel.Step(w);
        Assert.Equal(2, w.Step);
        Assert.Equal(2002, w.Year);
    }
}
