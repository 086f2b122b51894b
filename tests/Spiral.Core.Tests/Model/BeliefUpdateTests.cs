using Spiral.Core.Events;
using Spiral.Core.Model;

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
