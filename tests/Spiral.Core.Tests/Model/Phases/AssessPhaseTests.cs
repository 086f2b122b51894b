using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 4, assess: vulnerability, threat and security from the contest function.</summary>
public class AssessPhaseTests
{
    [Fact]
    public void Run_ContestFunction_MatchesHandComputedVulnerabilityThreatAndSecurity()
    {
        var w = TestWorlds.Dyad(beta: 2.0);
        w.Offense[1] = 100;
        w.Defense[0] = 50;
        w.Belief[0 * 2 + 1] = 0.5;
        AssessPhase.Run(w);
        // v_AB = (2·100) / (2·100 + 50) = 0.8; T = 0.5·0.8 = 0.4; S_A = 1 - 0.4 = 0.6
        Assert.Equal(0.8, w.Vulnerability[1], 12);
        Assert.Equal(0.4, w.Threat[1], 12);
        Assert.Equal(0.6, w.Security[0], 12);
        // v_BA = (2·87.5) / (175 + 162.5) = 0.518518…; T = 0.2·v; S_B = 1 - T
        Assert.Equal(175.0 / 337.5, w.Vulnerability[2], 12);
        Assert.Equal(1 - 0.2 * 175.0 / 337.5, w.Security[1], 12);
    }

    [Fact]
    public void Run_DecisivenessTwo_SquaresBothSides()
    {
        var w = TestWorlds.Dyad(beta: 2.0, change: s => s.WithModel(m => m with { ContestExponent = 2 }));
        w.Offense[1] = 100;
        w.Defense[0] = 50;
        AssessPhase.Run(w);
        Assert.Equal(40000.0 / 42500.0, w.Vulnerability[1], 12);
    }

    [Fact]
    public void Run_HalfReach_HalvesVulnerabilityAndZeroReachRemovesIt()
    {
        var w = TestWorlds.Dyad();
        w.Reach[1] = 0.5;
        w.Reach[2] = 0;
        AssessPhase.Run(w);
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
    public void Run_AlliedDefense_CountsForMeWithCommitment()
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
    public void Run_AllysOffense_RaisesRivalsVulnerability_AllianceSecurityDilemma()
    {
        var allied = WorldFactory.Create(Triad(allied: true), 1, 0);
        var alone = WorldFactory.Create(Triad(allied: false), 1, 0);
        // B reads A's offense plus half of C's: (87.5 + 43.75) / (131.25 + 162.5)
        Assert.Equal(131.25 / 293.75, allied.Vulnerability[1 * 3 + 0], 12);
        Assert.Equal(0.35, alone.Vulnerability[1 * 3 + 0], 12);
        Assert.True(allied.Security[1] < alone.Security[1]);
    }

    [Fact]
    public void Run_InternalThreat_LowersOwnSecurityByCIAndNeighboursBySpillover()
    {
        var w = TestWorlds.Dyad();
        w.InternalThreat[0] = 0.4;
        w.InternalThreat[1] = 0.5;
        AssessPhase.Run(w);
        // T = 0.2·0.35 = 0.07 both ways. S_A = (1 - 0.5·0.4)(1 - 0.07)(1 - 0.2·1·0.5) = 0.8·0.93·0.9
        Assert.Equal(0.8 * 0.93 * 0.9, w.Security[0], 12);
        // S_B = (1 - 0.5·0.5)(1 - 0.07)(1 - 0.2·1·0.4) = 0.75·0.93·0.92
        Assert.Equal(0.75 * 0.93 * 0.92, w.Security[1], 12);
    }
}
