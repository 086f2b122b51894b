using System.Runtime.Intrinsics;
using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Numerics.Functions;

namespace Spiral.Core.Tests.Model;

/// <summary>The tempered Bayes update of beliefs, and the helper the crisis code calls with a crisis move's evidence.</summary>
public class BeliefUpdateTests
{
    [Theory]
    [InlineData(0.2, 1.0, 0.3, 0.25 * 1.3498588075760032)]
    [InlineData(0.5, -2.0, 0.5, 0.36787944117144233)]
    [InlineData(0.9, 0.0, 0.3, 9.0)]
    public void Tempered_MultipliesTheOddsByTheLikelihoodRatioToTheWeight(double belief, double llr, double weight, double odds) =>
        Assert.Equal(odds / (1 + odds), BeliefUpdate.Tempered(belief, llr, weight), 12);

    [Fact]
    public void Tempered_FourLanes_BitIdenticalToTheOddsFormulaOneBeliefAtATime()
    {
        static double OneAtATime(double belief, double llr, double weight)
        {
            var odds = belief / (1 - belief) * LaneMath.Exp(Vector256.Create(weight * llr)).ToScalar();
            return double.IsPositiveInfinity(odds) ? 1 : odds / (1 + odds);
        }
        var rng = new Spiral.Numerics.Random.RandomStream(7);
        double[] edges = [0, 1e-4, 0.5, 1 - 1e-4, 1 - 1e-16];
        double[] llrs = [0, -0.0, 1e-300, 2000, -2000, 3.7];
        for (var k = 0; k < 20_000; k++)
        {
            var belief = k < edges.Length * llrs.Length ? edges[k % edges.Length] : rng.NextDouble();
            var llr = k < edges.Length * llrs.Length ? llrs[k / edges.Length] : 40 * rng.NextGaussian();
            var weight = 0.05 + rng.NextDouble();
            var expected = OneAtATime(belief, llr, weight);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(BeliefUpdate.Tempered(belief, llr, weight)));
            var lanes = BeliefUpdate.Tempered(Vector256.Create(0.3, belief, 0.7, belief), Vector256.Create(1, BeliefUpdate.OddsFactor(llr, weight), 2, BeliefUpdate.OddsFactor(llr, weight)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(lanes[1]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(lanes[3]));
        }
    }

    [Fact]
    public void OddsFactor_AnyLane_LaneExpOfTheTemperedRatio()
    {
        // The odds factor is LaneMath.Exp(w · llr), not the C library's exp (LaneMathTests: within 2 ulps of it), with
        // the same bits whichever lane a dyad falls in.
        var rng = new Spiral.Numerics.Random.RandomStream(3);
        for (var k = 0; k < 50_000; k++)
        {
            var llr = k % 2 == 0 ? 40 * rng.NextGaussian() : 1400 * (rng.NextDouble() - 0.5);
            var weight = 0.05 + rng.NextDouble();
            var factor = BeliefUpdate.OddsFactor(llr, weight);
            Assert.Equal(BitConverter.DoubleToInt64Bits(LaneMath.Exp(Vector256.Create(weight * llr)).ToScalar()), BitConverter.DoubleToInt64Bits(factor));
            var lanes = BeliefUpdate.OddsFactor(Vector256.Create(1.0, llr, -3.0, llr), Vector256.Create(weight));
            Assert.Equal(BitConverter.DoubleToInt64Bits(factor), BitConverter.DoubleToInt64Bits(lanes[1]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(factor), BitConverter.DoubleToInt64Bits(lanes[3]));
        }
        Assert.Equal(double.PositiveInfinity, BeliefUpdate.OddsFactor(1000, 1));
        Assert.Equal(0.0, BeliefUpdate.OddsFactor(-1000, 1));
        Assert.Equal(1.0, BeliefUpdate.OddsFactor(0, 0.3));
        Assert.True(double.IsNaN(BeliefUpdate.OddsFactor(double.NaN, 0.3)));
    }

    [Fact]
    public void Bounded_FourLanes_IsMathClampLaneByLane()
    {
        const double floor = 1e-4;
        double[] values = [double.NaN, -0.0, 0.0, 5e-5, 1e-4, 0.5, 1 - 1e-4, 1 - 5e-5, 1, 2, double.NegativeInfinity, double.PositiveInfinity];
        for (var k = 0; k + 4 <= values.Length; k += 4)
        {
            var lanes = BeliefUpdate.Bounded(Vector256.Create(values[k], values[k + 1], values[k + 2], values[k + 3]), floor);
            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Clamp(values[k + lane], floor, 1 - floor)), BitConverter.DoubleToInt64Bits(lanes[lane]));
            }
        }
    }

    [Theory]
    [InlineData(0.0, 2.0, 0.2, 4.0)]
    [InlineData(1.0, -1.0, 0.5, 1.0)]
    [InlineData(0.0, 0.5, 0.5, 0.0)]
    public void GaussianLlr_IsTheLogRatioOfTwoNormalDensities(double x, double security, double greedy, double variance)
    {
        double Log(double mean) => -(x - mean) * (x - mean) / (2 * variance);
        Assert.Equal(Log(greedy) - Log(security), BeliefUpdate.GaussianLlr(x, security, greedy, variance), 12);
    }

    [Fact]
    public void ApplyLogLikelihoodRatio_TempersByCrisisEvidenceWeight_AndNamesTheCause()
    {
        var w = TestWorlds.Dyad();
        var b = BeliefUpdate.ApplyLogLikelihoodRatio(w, 0, 1, 2.0, Concept.Escalation);
        // odds 0.2/0.8 · e^(0.5·2)
        var odds = 0.25 * Math.E;
        Assert.Equal(odds / (1 + odds), b, 12);
        Assert.Equal(b, w.Belief[1], 15);
        Assert.Equal(0.2, w.Belief[2], 15);
        Assert.Equal(Concept.Escalation, w.BeliefCause[1]);
    }

    [Theory]
    [InlineData(1000.0, 0.995)]
    [InlineData(-1000.0, 0.005)]
    public void ApplyLogLikelihoodRatio_StaysInsideTheBeliefFloor(double llr, double expected)
    {
        var w = TestWorlds.Dyad();
        Assert.Equal(expected, BeliefUpdate.ApplyLogLikelihoodRatio(w, 1, 0, llr), 15);
        Assert.Equal(Spiral.Core.Events.Concept.None, w.BeliefCause[2]);
    }
}
