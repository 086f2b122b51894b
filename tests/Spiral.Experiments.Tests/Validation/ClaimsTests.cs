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

    /// <summary>
    /// The verdict of each claim under model v2 at the quick size (300 runs per arm), as recorded in the closing note of
    /// issue 11: 7 of 17 hold (10 of 17 at the full size, docs/explanation/validation.md); with the budget process estimated
    /// on SIPRI (issue 12: γ 0.2 → 0.12, σ_b 0.05 → 0.067) V2 and V7 flipped to reproduced, 9 of 17. v1 reproduced all 17, partly by construction (unbounded spoils, beliefs
    /// pulled to the true type); the claims' redesign belongs to the validation issue. A verdict that changes fails here,
    /// so a change of the model that moves a claim is seen and reported, never passed over.
    /// </summary>
    public static TheoryData<string, bool> RecordedVerdicts() => new()
    {
        { "V1", false }, { "V2", true }, { "V3", false }, { "V4", false }, { "V5", true }, { "V6", true },
        { "V7", true }, { "V8", false }, { "V9", true }, { "V10", false }, { "V11", true }, { "V12", true },
        { "V13", false }, { "V14", false }, { "V15", true }, { "V16", true }, { "V17", false },
    };

    [Theory]
    [MemberData(nameof(RecordedVerdicts))]
    public void Run_QuickSize_VerdictIsTheRecordedOne(string id, bool reproduced)
    {
        var result = Claims.Get(id).Run(ValidationSize.Quick);
        output.WriteLine($"{result.Id}: {result.EffectName} = {result.Effect.Mean:G4} [{result.Effect.Low:G4}, {result.Effect.High:G4}]; {result.Details}");
        Assert.True(result.Passed == reproduced,
            $"{result.Id} {(result.Passed ? "now reproduced" : "no longer reproduced")}: {result.EffectName} = {result.Effect.Mean:G4} [{result.Effect.Low:G4}, {result.Effect.High:G4}]; {result.Details}");
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
    public void Run_InstitutionsWithAUselessReport_NoLongerLowerBeliefErrors()
    {
        // A broken mechanism must fail its claim (V15): when the institutional report is as noisy as no report at all,
        // institutions no longer lower belief errors; with the report as modelled they do.
        var without = Spiral.Experiments.Scenarios.StylizedScenario.Create(6, 2.5, 0);
        var with = Spiral.Experiments.Scenarios.StylizedScenario.Create(6, 2.5, 0, institutions: 0.6);
        var noisy = with with { Model = with.Model with { InstitutionalReportNoise = 10 } };
        var v = PairedMeasure.Run([without, with, noisy], ValidationSize.Quick).Values(OutcomeRegistry.MeanBeliefError);
        output.WriteLine($"belief error: no institutions {PairedMeasure.Mean(v[0]):F4}, institutions {PairedMeasure.Mean(v[1]):F4}, useless report {PairedMeasure.Mean(v[2]):F4}");
        var working = PairedMeasure.Difference(v[1], v[0]);
        var useless = PairedMeasure.Difference(v[2], v[0]);
        Assert.True(working.Low > 0);
        Assert.True(useless.Mean < working.Mean / 3, $"useless report lowers the error by {useless.Mean:F4}, the working one by {working.Mean:F4}");
    }
}
