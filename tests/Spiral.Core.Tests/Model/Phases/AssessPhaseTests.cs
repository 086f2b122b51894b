using Spiral.Core.Parameters;
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

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    public void Run_RowLanes_SameBitsAsOneDyadAtATime(int n)
    {
        // The row form against phase 4 as one dyad at a time states it, over random reach (0, −0, NaN, a share), beliefs,
        // internal threats and alliances; rows of 7 and 9 end in partial lanes.
        var w = WorldFactory.Create(ScenarioBuilder.Stylized(states: n, reach: 0.5), 1, 0);
        var rng = new Spiral.Numerics.Random.RandomStream(5);
        double[] reaches = [0.0, -0.0, double.NaN, 0.8, 0.3];
        for (var trial = 0; trial < 100; trial++)
        {
            for (var k = 0; k < n * n; k++)
            {
                w.Reach[k] = reaches[rng.NextInt(reaches.Length)];
                w.Belief[k] = rng.NextDouble();
            }
            for (var i = 0; i < n; i++)
            {
                w.InternalThreat[i] = rng.NextBool(0.5) ? 0 : rng.NextDouble();
                w.Offense[i] = 100 * rng.NextDouble();
                w.Defense[i] = 100 * rng.NextDouble();
                w.Alliance[i] = rng.NextBool(0.3) ? 0 : -1;
            }
            w.AllianceCommitment[0] = 0.5;
            w.AllianceCount = 1;
            var (v, t, security) = OneDyadAtATime(w);
            AssessPhase.Run(w);
            for (var k = 0; k < n * n; k++)
            {
                if (k % (n + 1) != 0)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(v[k]), BitConverter.DoubleToInt64Bits(w.Vulnerability[k]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(t[k]), BitConverter.DoubleToInt64Bits(w.Threat[k]));
                }
            }
            Assert.Equal(security.Select(BitConverter.DoubleToInt64Bits), w.Security.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    public void MostThreatening_RowLanes_SameStateAsOneDyadAtATime(int n)
    {
        // Against the first of the strictly highest positive threats, one dyad at a time, with ties, zeros, −0, NaN and
        // a diagonal that would win if it were read.
        var w = WorldFactory.Create(ScenarioBuilder.Stylized(states: n, reach: 0.5), 1, 0);
        var rng = new Spiral.Numerics.Random.RandomStream(9);
        double[] threats = [0.0, -0.0, double.NaN, 0.2, 0.2, 0.5, Math.BitIncrement(0.5), 0.9, -0.3];
        var found = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            for (var k = 0; k < n * n; k++)
            {
                w.Threat[k] = rng.NextBool(0.7) ? 0 : threats[rng.NextInt(threats.Length)];
            }
            for (var i = 0; i < n; i++)
            {
                w.Threat[i * n + i] = 2;
                var expected = -1;
                var bestThreat = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (j != i && w.Threat[i * n + j] > bestThreat)
                    {
                        bestThreat = w.Threat[i * n + j];
                        expected = j;
                    }
                }
                Assert.Equal(expected, AssessPhase.MostThreatening(w, i));
                found += expected >= 0 ? 1 : 0;
            }
        }
        Assert.InRange(found, 2000 * n / 10, 2000 * n * 9 / 10);
    }

    /// <summary>Phase 4 one dyad at a time (its form before the row lanes of issue 18).</summary>
    private static (double[] Vulnerability, double[] Threat, double[] Security) OneDyadAtATime(World w)
    {
        var n = w.N;
        var p = w.P;
        AssessPhase.AlliedCapabilities(w);
        var (vulnerability, threat, securities) = (new double[n * n], new double[n * n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var security = 1 - p.InternalThreatSecurityWeight * w.InternalThreat[i];
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var ij = i * n + j;
                var r = w.Reach[ij];
                double v = 0;
                if (r > 0 && !w.AreAllies(i, j))
                {
                    v = r * Contest.AttackerWins(w.Offense[j] + w.AlliedOffense[j], w.AlliedDefense[i], w.OffenseAdvantage, p.ContestExponent);
                }
                vulnerability[ij] = v;
                var t = w.Belief[ij] * v;
                threat[ij] = t;
                security *= (1 - t) * (1 - p.InternalThreatSpilloverSecurity * r * w.InternalThreat[j]);
            }
            securities[i] = Math.Clamp(security, 0, 1);
        }
        return (vulnerability, threat, securities);
    }

    [Theory]
    [InlineData(true, 1.0)]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.5)]
    public void Run_AnyWorld_WritesEveryVulnerabilityButTheDiagonalWhichStaysZero(bool allied, double reach)
    {
        // Phase 3 swaps this year's vulnerabilities into the previous ones instead of copying them (issue 18), which is
        // the copy only because phase 4 overwrites every element but the diagonal, and the diagonal is 0 in both arrays.
        var scenario = allied ? Triad(allied: true) : ScenarioBuilder.Stylized(states: 5, reach: reach);
        var w = WorldFactory.Create(scenario, 1, 0);
        var n = w.N;
        for (var k = 0; k < n * n; k++)
        {
            w.Vulnerability[k] = k % (n + 1) == 0 ? 0 : double.NaN;
        }
        AssessPhase.Run(w);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v = w.Vulnerability[i * n + j];
                Assert.True(i == j ? BitConverter.DoubleToInt64Bits(v) == 0 : double.IsFinite(v), $"v[{i},{j}] = {v}");
                Assert.True(i == j || w.PreviousVulnerability[i * n + j] == v, $"v[{i},{j}] moved without a step");
            }
        }
    }

    [Fact]
    public void Run_AlliedDefense_CountsForMeAtTheAlliancesReliability()
    {
        var w = WorldFactory.Create(Triad(allied: true), 1, 0);
        // reliability = commitment 0.5 × intervention 0.75 (Leeds 2003) = 0.375:
        // D_A + 0.375·D_C = 162.5 + 60.9375 = 223.4375; v_AB = 87.5 / (87.5 + 223.4375)
        Assert.Equal(223.4375, w.AlliedDefense[0], 12);
        Assert.Equal(87.5 / 310.9375, w.Vulnerability[0 * 3 + 1], 12);
        Assert.Equal(0.0, w.Vulnerability[0 * 3 + 2]);
        var alone = WorldFactory.Create(Triad(allied: false), 1, 0);
        Assert.Equal(0.35, alone.Vulnerability[0 * 3 + 1], 12);
    }

    [Fact]
    public void Run_AllysOffense_RaisesRivalsVulnerability_AllianceSecurityDilemma()
    {
        var allied = WorldFactory.Create(Triad(allied: true), 1, 0);
        var alone = WorldFactory.Create(Triad(allied: false), 1, 0);
        // B reads A's offense plus C's at the alliance's reliability 0.375: (87.5 + 32.8125) / (120.3125 + 162.5)
        Assert.Equal(120.3125 / 282.8125, allied.Vulnerability[1 * 3 + 0], 12);
        Assert.Equal(0.35, alone.Vulnerability[1 * 3 + 0], 12);
        Assert.True(allied.Security[1] < alone.Security[1]);
    }

    [Fact]
    public void Run_DoubtfulAlly_LowersSecurity_AbandonmentFear()
    {
        var reliable = WorldFactory.Create(Triad(allied: true), 1, 0);
        var doubtful = WorldFactory.Create(Triad(allied: true) with { Model = ModelParameters.Default with { AllyInterventionProbability = 0.25 } }, 1, 0);
        // D_A + 0.125·D_C = 182.8125 instead of 223.4375: A is more vulnerable to B and less secure (Snyder 1984)
        Assert.Equal(182.8125, doubtful.AlliedDefense[0], 12);
        Assert.True(doubtful.Security[0] < reliable.Security[0]);
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
