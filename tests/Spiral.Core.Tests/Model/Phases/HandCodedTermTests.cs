using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>
/// Former validation claims that restate one hand-coded term of the model (issue 13): V1 (threat = belief ×
/// vulnerability), V7 (rivalry biases the reading of a posture), V9 (a neighbour's internal threat lowers security),
/// V15 (institutions add a shared, less noisy report) and V17 (allies' stocks are added to one's own). A Monte Carlo
/// experiment can only confirm what the term says; these tests pin the term itself.
/// </summary>
public class HandCodedTermTests
{
    /// <summary>Ex-V1 (Herz 1950): T_ij = b_ij · v_ij, so under certainty of a security-seeker (b → 0) no threat is felt.</summary>
    [Fact]
    public void ThreatAssessment_Threat_IsBeliefTimesVulnerability()
    {
        foreach (var belief in new[] { 0.0, 0.2, 0.5, 1.0 })
        {
            var w = TestWorlds.Dyad(beta: 2.0);
            w.Offense[1] = 100;
            w.Defense[0] = 50;
            w.Belief[1] = belief;
            AssessPhase.Run(w);
            // v_AB = 2·100 / (2·100 + 50) = 0.8
            Assert.Equal(belief * 0.8, w.Threat[1], 12);
            Assert.Equal(w.Belief[1] * w.Vulnerability[1], w.Threat[1], 15);
        }
    }

    /// <summary>Ex-V7 (Jervis 1976 ch. 4): a rival's posture is read higher by λ_H · rivalry (λ_H = 0.12).</summary>
    [Fact]
    public void Observation_RivalryBias_IsLambdaTimesRivalry()
    {
        foreach (var rivalry in new[] { 0.0, 0.6, 1.0 })
        {
            var w = TestWorlds.Dyad(change: s => s.WithModel(m => m with { ObservationNoiseFloor = 0 }));
            w.ObservationNoise = 0;
            w.Rivalry[1] = rivalry;
            ObservePhase.Run(w);
            Assert.Equal(w.Posture[1] + 0.12 * rivalry, w.ObservedPosture[1], 12);
        }
    }

    /// <summary>Ex-V9 (Sørensen 2007): a neighbour's internal threat I_j multiplies security by (1 − 0.2 · r · I_j).</summary>
    [Fact]
    public void SecurityAssessment_NeighboursInternalThreat_IsSpilloverFactor()
    {
        var calm = TestWorlds.Dyad();
        AssessPhase.Run(calm);
        var unrest = TestWorlds.Dyad();
        unrest.InternalThreat[1] = 0.8;
        AssessPhase.Run(unrest);
        Assert.Equal(calm.Security[0] * (1 - 0.2 * 1.0 * 0.8), unrest.Security[0], 12);
    }

    /// <summary>
    /// Ex-V15 (Keohane 1984): institutions ι add a shared report of posture with sd σ(1 − ι) + floor, read by every
    /// observer; at ι = 1 the report is as good as the noise floor.
    /// </summary>
    [Fact]
    public void Observation_InstitutionalReport_NoiseIsSigmaTimesOneMinusIotaPlusFloor()
    {
        var w = TestWorlds.Dyad(seed: 9);
        w.Institutions = 0.6;
        const int draws = 20000;
        double sum = 0, sumSquares = 0;
        for (var k = 0; k < draws; k++)
        {
            ObservePhase.Run(w);
            var e = w.ReportedPosture[1] - w.Posture[1];
            sum += e;
            sumSquares += e * e;
        }
        var sd = Math.Sqrt(sumSquares / draws - sum / draws * (sum / draws));
        var expected = 0.5 * (1 - 0.6) + 0.03;
        Assert.InRange(sd, expected * 0.97, expected * 1.03);
    }

    /// <summary>Ex-V17 (Walt 1987; Snyder 1984): an ally's defense is added at the alliance's reliability (commitment × 0.75).</summary>
    [Fact]
    public void AllianceCapabilities_AlliedDefense_IsOwnPlusReliabilityTimesAllys()
    {
        var s = ScenarioBuilder.Stylized(states: 3, reach: 1.0) with { Alliances = [new AllianceSpec("AC", ["S1", "S3"], 1.0)] };
        var w = WorldFactory.Create(s, 1, 0);
        Assert.Equal(w.Defense[0] + 1.0 * 0.75 * w.Defense[2], w.AlliedDefense[0], 12);
        Assert.Equal(1.0 * 0.75 * w.Offense[2], w.AlliedOffense[0], 12);
    }
}
