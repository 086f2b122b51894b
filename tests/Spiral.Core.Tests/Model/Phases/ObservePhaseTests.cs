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
}
