using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 2, observe: noise and rivalry bias of the readings.</summary>
public class ObservePhaseTests
{
    [Theory]
    [InlineData(0.5, 0.0, 0.0)]
    [InlineData(0.5, 0.5, 0.0)]
    [InlineData(0.5, 0.0, 0.5)]
    [InlineData(0.5, 0.9, 0.5)]
    [InlineData(1.5, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Run_PostureNoiseSd_IsSigmaTimesOpacityPlusFloor(double sigma, double omega, double tau)
    {
        var w = TestWorlds.Dyad(omega: omega, seed: 7);
        w.ObservationNoise = sigma;
        w.Transparency[1] = tau;
        const int draws = 20000;
        double sum = 0, sum2 = 0;
        for (var k = 0; k < draws; k++)
        {
            ObservePhase.Run(w);
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
    public void Run_MoreDistinguishabilityOrTransparency_ShrinksNoise()
    {
        double Sd(double omega, double tau)
        {
            var w = TestWorlds.Dyad(omega: omega, seed: 3);
            w.Transparency[1] = tau;
            double s2 = 0;
            for (var k = 0; k < 5000; k++)
            {
                ObservePhase.Run(w);
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
    public void Run_Rivalry_BiasesReadingUpwardByLambdaH()
    {
        var w = Noiseless(rivalry: 1.0);
        ObservePhase.Run(w);
        Assert.Equal(0.35 + 0.12 * 1.0, w.ObservedPosture[1], 12);
        var calm = Noiseless(rivalry: 0.0);
        ObservePhase.Run(calm);
        Assert.Equal(0.35, calm.ObservedPosture[1], 12);
    }

    [Fact]
    public void Run_RivalryBiasWithNoise_ShiftsMeanByLambdaH()
    {
        var w = TestWorlds.Dyad(seed: 11);
        w.Rivalry[1] = 0.5;
        double sum = 0;
        const int draws = 20000;
        for (var k = 0; k < draws; k++)
        {
            ObservePhase.Run(w);
            sum += w.ObservedPosture[1] - w.Posture[1];
        }
        Assert.InRange(sum / draws, 0.06 - 0.012, 0.06 + 0.012);
    }

    [Fact]
    public void Run_SharedIdentity_OffsetsRivalryBias()
    {
        // identical tags: Jaccard 1, effective rivalry 1 - 0.5·1 = 0.5, bias 0.06
        var same = Noiseless(1.0, ["asean"], ["asean"]);
        Assert.Equal(1.0, same.SharedIdentity[1], 12);
        ObservePhase.Run(same);
        Assert.Equal(0.35 + 0.12 * 0.5, same.ObservedPosture[1], 12);
        // half overlap: Jaccard 1/2, effective rivalry 0.75, bias 0.09
        var half = Noiseless(1.0, ["asean", "g77"], ["asean"]);
        ObservePhase.Run(half);
        Assert.Equal(0.35 + 0.12 * 0.75, half.ObservedPosture[1], 12);
    }

    /// <summary>Mean and sd of (reading − truth) over <paramref name="draws"/> calls of phase 2.</summary>
    private static (double Mean, double Sd) Moments(World w, Func<World, double> error, int draws = 20000)
    {
        double sum = 0, sum2 = 0;
        for (var k = 0; k < draws; k++)
        {
            ObservePhase.Run(w);
            var x = error(w);
            sum += x;
            sum2 += x * x;
        }
        var mean = sum / draws;
        return (mean, Math.Sqrt(sum2 / draws - mean * mean));
    }

    [Fact]
    public void Run_ArmingSignal_IsTheBurdenChangeNotSpendingGrowth()
    {
        var w = TestWorlds.Dyad(seed: 5);
        w.Transparency[1] = 0.4;
        w.BurdenChange[1] = 0.01;
        w.MilexGrowth[1] = 0.08; // GDP growth of 7% at a burden 1% higher: spending grows 8%, the burden 1%
        var (mean, sd) = Moments(w, x => x.ObservedArming[1]);
        // noise sd σ·k_arm·(1 − τ) + 0.005 = 0.5·0.1·0.6 + 0.005 = 0.035
        Assert.InRange(sd, 0.035 * 0.97, 0.035 * 1.03);
        Assert.InRange(mean, 0.01 - 4 * 0.035 / Math.Sqrt(20000), 0.01 + 4 * 0.035 / Math.Sqrt(20000));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void Run_InstitutionalReport_NoiseFallsWithIota(double iota)
    {
        var w = TestWorlds.Dyad(seed: 9);
        w.Institutions = iota;
        w.BurdenChange[1] = 0.02;
        var arming = Moments(w, x => x.ReportedArming[1] - 0.02);
        var posture = Moments(w, x => x.ReportedPosture[1] - x.Posture[1]);
        // r·σ(1 − ι) + s_min for posture, r·σ·k_arm(1 − ι) + 0.005 for arming, with r 1, σ 0.5, k_arm 0.1, s_min 0.03
        var postureSd = 0.5 * (1 - iota) + 0.03;
        var armingSd = 0.05 * (1 - iota) + 0.005;
        Assert.InRange(posture.Sd, postureSd * 0.97, postureSd * 1.03);
        Assert.InRange(arming.Sd, armingSd * 0.97, armingSd * 1.03);
        Assert.InRange(posture.Mean, -4 * postureSd / Math.Sqrt(20000), 4 * postureSd / Math.Sqrt(20000));
        Assert.InRange(arming.Mean, -4 * armingSd / Math.Sqrt(20000), 4 * armingSd / Math.Sqrt(20000));
    }

    [Fact]
    public void Run_InstitutionalReport_DrawsFromItsOwnStream_LeavingPrivateReadingsUnchanged()
    {
        var without = TestWorlds.Dyad(seed: 4);
        var with = TestWorlds.Dyad(seed: 4);
        with.Institutions = 0.8;
        for (var year = 0; year < 5; year++)
        {
            ObservePhase.Run(without);
            ObservePhase.Run(with);
            Assert.Equal(without.ObservedPosture, with.ObservedPosture);
            Assert.Equal(without.ObservedArming, with.ObservedArming);
        }
        Assert.All(without.ReportedPosture, x => Assert.Equal(0.0, x));
        Assert.NotEqual(0.0, with.ReportedPosture[1]);
    }

    [Fact]
    public void Run_InstitutionalReport_IsOneDrawSharedByEveryObserver()
    {
        // A and C observe B from the same position; their private readings are set equal, so the report is the only
        // evidence that could differ between them. Both read the same draw: their beliefs about B stay equal, and the
        // report moves both away from what they would believe without it.
        static World Three(double iota)
        {
            var s = ScenarioBuilder.Stylized(states: 3, institutions: iota, reach: 1);
            var w = WorldFactory.Create(s, 3, 0);
            w.Step = 1;
            return w;
        }
        double[] Beliefs(double iota)
        {
            var w = Three(iota);
            var result = new List<double>();
            for (var year = 0; year < 5; year++)
            {
                ObservePhase.Run(w);
                w.ObservedPosture[2 * 3 + 1] = w.ObservedPosture[0 * 3 + 1];
                w.ObservedArming[2 * 3 + 1] = w.ObservedArming[0 * 3 + 1];
                BelievePhase.Run(w);
                Assert.Equal(w.Belief[0 * 3 + 1], w.Belief[2 * 3 + 1], 15);
                result.Add(w.Belief[0 * 3 + 1]);
            }
            return [.. result];
        }
        var shared = Beliefs(0.6);
        var alone = Beliefs(0);
        Assert.NotEqual(alone, shared);
    }
}
