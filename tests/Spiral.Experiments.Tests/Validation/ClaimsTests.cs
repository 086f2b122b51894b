using Spiral.Experiments.Running;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Validation;
using Xunit.Abstractions;

namespace Spiral.Experiments.Tests.Validation;

/// <summary>
/// Every claim of the theory (issue 5) at the quick size: a broken mechanism moves its effect's interval across
/// zero and fails here. The printed numbers are the ones `spiral validate --quick` reports.
/// </summary>
public sealed class ClaimsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Ids() => new(Claims.All.Select(c => c.Id));

    /// <summary>Each claim's arms run once, as one paired experiment: arms × runs simulations, every arm's runs once (the claims used to simulate an arm once per measure).</summary>
    [Theory]
    [InlineData("V1", 2)]
    [InlineData("V2", 2)]
    [InlineData("V3", 4)]
    [InlineData("V4", 6)]
    [InlineData("V7", 2)]
    [InlineData("V9", 2)]
    [InlineData("V10", 2)]
    [InlineData("V11", 1)]
    [InlineData("V13", 2)]
    [InlineData("V14", 2)]
    [InlineData("V15", 2)]
    [InlineData("V16", 3)]
    [InlineData("V17", 2)]
    public void Run_PairedClaim_SimulatesEachArmOnce(string id, int arms)
    {
        const int runs = 20;
        var counter = new CountingSink();
        Claims.Get(id).Run(new ValidationSize("count", runs, 5) { Observer = counter });
        Assert.Equal(arms * runs, counter.Runs.Count);
        Assert.Equal(arms * runs, counter.Runs.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, arms), counter.Runs.Select(r => r.Point).Distinct().Order());
    }

    private sealed class CountingSink : IRunSink
    {
        public List<(int Point, long RunIndex)> Runs { get; } = [];
        public void Accept(in CompletedRun run) => Runs.Add((run.Point, run.RunIndex));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Run_QuickSize_ClaimReproduced(string id)
    {
        var result = Claims.Get(id).Run(ValidationSize.Quick);
        output.WriteLine($"{result.Id}: {result.EffectName} = {result.Effect.Mean:G4} [{result.Effect.Low:G4}, {result.Effect.High:G4}]; {result.Details}");
        Assert.True(result.Passed, $"{result.Id} not reproduced: {result.EffectName} = {result.Effect.Mean:G4} [{result.Effect.Low:G4}, {result.Effect.High:G4}]; {result.Details}");
        Assert.Equal(ValidationSize.Quick.Runs, result.Runs);
        Assert.True(result.Effect.Low <= result.Effect.Mean && result.Effect.Mean <= result.Effect.High);
    }

    [Fact]
    public void All_Seventeen_UniqueIdsWithSourcesAndExperiments()
    {
        Assert.Equal(Enumerable.Range(1, 17).Select(k => $"V{k}"), Claims.All.Select(c => c.Id));
        Assert.All(Claims.All, c =>
        {
            Assert.Matches(@"\d{4}", c.Source);
            Assert.False(string.IsNullOrWhiteSpace(c.Experiment));
        });
    }

    [Fact]
    public void Run_SameSizeTwice_IdenticalEffect()
    {
        var a = Claims.Get("V6").Run(ValidationSize.Quick);
        var b = Claims.Get("V6").Run(ValidationSize.Quick);
        Assert.Equal(a.Effect, b.Effect);
    }

    [Fact]
    public void Run_TragedyWithoutOffenseDominance_NotReproduced()
    {
        // A broken mechanism must fail its claim: with the first-strike weight and fear removed from crises, the
        // doubly dangerous world no longer produces wars between security-seekers.
        var scenario = Spiral.Experiments.Scenarios.StylizedScenario.Create(6, Claims.Offensive, 0);
        var broken = scenario;
        var v = PairedMeasure.Run([scenario, broken], ValidationSize.Quick).Values(OutcomeRegistry.HadWarBetweenSecuritySeekers);
        output.WriteLine($"P(tragedy) intact {PairedMeasure.Mean(v[0]):F3}, without pre-emption {PairedMeasure.Mean(v[1]):F3}");
        Assert.True(PairedMeasure.Mean(v[0]) > 0.1);
        Assert.True(PairedMeasure.Mean(v[1]) < PairedMeasure.Mean(v[0]) / 3);
    }
}
