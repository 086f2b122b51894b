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
        var broken = scenario with { Model = scenario.Model with { CrisisFirstStrikeWeight = 0, CrisisFearWeight = 0 } };
        var v = PairedMeasure.Measure([scenario, broken], ValidationSize.Quick, (_, s) => s.WarsBetweenSecuritySeekers > 0 ? 1 : 0);
        output.WriteLine($"P(tragedy) intact {PairedMeasure.Mean(v[0]):F3}, without pre-emption {PairedMeasure.Mean(v[1]):F3}");
        Assert.True(PairedMeasure.Mean(v[0]) > 0.1);
        Assert.True(PairedMeasure.Mean(v[1]) < PairedMeasure.Mean(v[0]) / 3);
    }
}
