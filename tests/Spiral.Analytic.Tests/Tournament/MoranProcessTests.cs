using Spiral.Analytic.Tournament;

namespace Spiral.Analytic.Tests.Tournament;

public class MoranProcessTests
{
    private static readonly double[][] DefectorsAndCooperators = [[1, 5], [0, 3]];

    [Fact]
    public void FixationProbability_NeutralDrift_IsOneOverN()
    {
        Assert.Equal(0.1, MoranProcess.FixationProbability(1, 5, 0, 3, populationSize: 10, intensity: 0), 12);
    }

    [Fact]
    public void FixationProbability_DefectorAmongCooperators_ExceedsNeutral()
    {
        var rho = MoranProcess.FixationProbability(1, 5, 0, 3, 10, 1);
        var reverse = MoranProcess.FixationProbability(3, 0, 5, 1, 10, 1);
        Assert.True(rho > 0.1);
        Assert.True(reverse < 0.1);
    }

    [Fact]
    public void Run_NeutralSingleMutant_FixesAtAboutOneOverN()
    {
        var result = MoranProcess.Run(DefectorsAndCooperators, [1, 9], new MoranSettings(Intensity: 0, Runs: 4000, Seed: 1));
        Assert.InRange(result.FixationFrequency[0], 0.085, 0.115);
        Assert.All(result.Runs, r => Assert.NotNull(r.FixatedType));
    }

    [Fact]
    public void Run_SingleDefectorWithSelection_MatchesExactFixationProbability()
    {
        var exact = MoranProcess.FixationProbability(1, 5, 0, 3, 10, 0.5);
        var result = MoranProcess.Run(DefectorsAndCooperators, [1, 9], new MoranSettings(Intensity: 0.5, Runs: 4000, Seed: 2));
        Assert.InRange(result.FixationFrequency[0], exact - 0.03, exact + 0.03);
    }

    [Fact]
    public void Run_SameSeed_SameRuns()
    {
        var settings = new MoranSettings(Runs: 20, Seed: 8, TraceEvery: 5);
        var a = MoranProcess.Run(DefectorsAndCooperators, [5, 5], settings);
        var b = MoranProcess.Run(DefectorsAndCooperators, [5, 5], settings);
        Assert.Equal(a.Runs.Select(r => (r.FixatedType, r.Steps)), b.Runs.Select(r => (r.FixatedType, r.Steps)));
        Assert.Equal(a.Trace.Select(t => t.Step), b.Trace.Select(t => t.Step));
        Assert.Equal(new[] { 5, 5 }, a.Trace[0].Counts);
    }

    [Fact]
    public void Run_WrongMatrixSize_Throws()
    {
        Assert.Throws<ModelInputException>(() => MoranProcess.Run([[1.0]], [1, 1], new MoranSettings()));
    }

    [Fact]
    public void Run_IntensityAboveOne_Throws()
    {
        Assert.Throws<ModelInputException>(() => MoranProcess.Run(DefectorsAndCooperators, [1, 1], new MoranSettings(Intensity: 2)));
    }
}
