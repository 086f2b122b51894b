using Spiral.Core.Parameters;
using Spiral.Experiments.Running;
using Spiral.Experiments.Validation;
using Xunit.Abstractions;

namespace Spiral.Experiments.Tests.Validation;

/// <summary>The quick validation, run once for the class: the Holm correction runs across all claims together.</summary>
public sealed class QuickValidation
{
    public IReadOnlyList<ClaimResult> Results { get; } = Validator.Run(Claims.All, ValidationSize.Quick);

    public ClaimResult this[string id] => Results.Single(r => r.Id == id);
}

/// <summary>
/// Every claim of the theory (issue 13) at the quick size, with its placebo, negative control and robustness draws. The
/// printed numbers are the ones `spiral validate --quick` reports.
/// </summary>
public sealed class ClaimsTests(QuickValidation quick, ITestOutputHelper output) : IClassFixture<QuickValidation>
{
    /// <summary>
    /// The verdict of each claim under model v2 at the quick size (200 runs per arm, 8 draws of 60 runs, seed 20261301),
    /// as measured when validation v2 landed. A verdict that changes fails here, so a change of the model that moves a
    /// claim is seen and reported, never passed over. Re-pin after a model change with `spiral validate --quick`.
    /// </summary>
    public static TheoryData<string, bool> RecordedVerdicts() => new()
    {
        { "V2", false }, { "V3", false }, { "V4", false }, { "V5", false }, { "V6", false }, { "V8", false },
        { "V10", false }, { "V11", true }, { "V12", false }, { "V13", false }, { "V14", false }, { "V16", false },
    };

    [Theory]
    [MemberData(nameof(RecordedVerdicts))]
    public void Validate_QuickSize_VerdictIsTheRecordedOne(string id, bool holds)
    {
        var r = quick[id];
        output.WriteLine($"{r.Id}: {r.EffectName} = {r.Effect.Mean:G4} [{r.Effect.Low:G4}, {r.Effect.High:G4}] (min {r.MinimumEffect}); Holm p {r.HolmPValue:G3}; robustness {r.Robustness:P0}; placebo {r.PlaceboEffect.Mean:G4}; negative control {r.NegativeControlEffect.Mean:G4}; {r.Details}; {string.Join("; ", r.Failures)}");
        Assert.True(r.Passed == holds, $"{r.Id} {(r.Passed ? "now holds" : "no longer holds: " + string.Join("; ", r.Failures))}");
        Assert.Equal(ValidationSize.Quick.Runs, r.Runs);
        Assert.True(r.Effect.Low <= r.Effect.Mean && r.Effect.Mean <= r.Effect.High);
        Assert.InRange(r.HolmPValue, r.PValue, 1);
    }

    /// <summary>
    /// With its mechanism switched off a claim must fail (its negative control), as recorded. V5 and V16 do not: ω also
    /// moves security-seekers' own posture to defense (TypeModel.SecurityPosture), a second channel the control leaves on;
    /// CostlySignaller's advantage over TitForTat does not come from its signal (TitForTat breeds mistrust on its own,
    /// see the V16 placebo).
    /// </summary>
    [Theory]
    [MemberData(nameof(RecordedNegativeControls))]
    public void Validate_QuickSize_NegativeControlFailsAsRecorded(string id, bool fails)
    {
        var r = quick[id];
        output.WriteLine($"{r.Id}: negative control ({r.NegativeControl}) {r.NegativeControlEffect.Mean:G4} [{r.NegativeControlEffect.Low:G4}, {r.NegativeControlEffect.High:G4}], minimum {r.MinimumEffect}");
        Assert.Equal(fails, r.NegativeControlFails);
    }

    public static TheoryData<string, bool> RecordedNegativeControls() => new()
    {
        { "V2", true }, { "V3", true }, { "V4", true }, { "V5", false }, { "V6", true }, { "V8", true },
        { "V10", true }, { "V11", true }, { "V12", true }, { "V13", true }, { "V14", true }, { "V16", false },
    };

    [Fact]
    public void Measure_BudgetsThatIgnoreThreat_ReactionClaimFails_BrokenMechanism()
    {
        // A broken mechanism must fail its claim: V11 (arms races are reactive) with threatReaction and
        // burdenThreatElasticity 0, given as overrides of the main experiment, no longer reaches the minimum effect;
        // with the model as it is, it does.
        var claim = Claims.Get("V11");
        var working = claim.Measure(new ClaimContext(ClaimArm.Main, [], 200, 7));
        var broken = claim.Measure(new ClaimContext(ClaimArm.Main, [("model.threatReaction", 0.0), ("model.burdenThreatElasticity", 0.0)], 200, 7));
        output.WriteLine($"V11 k: working {working.Effect.Mean:G4}, broken {broken.Effect.Mean:G4} [{broken.Effect.Low:G4}, {broken.Effect.High:G4}]");
        Assert.True(working.Effect.Mean >= claim.MinimumEffect);
        Assert.True(broken.Effect.Mean < claim.MinimumEffect);
    }

    [Fact]
    public void All_TwelveClaims_DeclareMinimumEffectPlaceboAndNegativeControl()
    {
        Assert.Equal(["V2", "V3", "V4", "V5", "V6", "V8", "V10", "V11", "V12", "V13", "V14", "V16"], Claims.All.Select(c => c.Id));
        Assert.All(Claims.All, c =>
        {
            Assert.Matches(@"\d{4}", c.Source);
            Assert.True(c.MinimumEffect > 0);
            Assert.False(string.IsNullOrWhiteSpace(c.MinimumEffectReason));
            Assert.False(string.IsNullOrWhiteSpace(c.Placebo));
            Assert.False(string.IsNullOrWhiteSpace(c.NegativeControl));
        });
    }

    [Fact]
    public void Retired_HandCodedClaims_LeftTheListForUnitTests()
    {
        Assert.Equal(["V1", "V7", "V9", "V15", "V17"], Claims.Retired.Select(r => r.Id));
        Assert.All(Claims.Retired, r => Assert.DoesNotContain(Claims.All, c => c.Id == r.Id));
    }

    [Fact]
    public void Sizes_QuickAndFull_UseDifferentSeeds()
    {
        Assert.NotEqual(ValidationSize.Quick.Seed, ValidationSize.Full.Seed);
    }

    [Fact]
    public void Draws_BehaviouralConstants_WithinCatalogRanges()
    {
        var draws = Validator.Draws(10, 3);
        Assert.NotEmpty(Validator.BehaviouralConstants);
        Assert.All(draws, d =>
        {
            Assert.Equal(Validator.BehaviouralConstants.Count, d.Length);
            foreach (var (path, value) in d)
            {
                var p = Validator.BehaviouralConstants.Single(x => x.Path == path);
                Assert.InRange(value, p.Min, p.Max);
                Assert.Null(p.Check(value));
            }
        });
        Assert.Contains(ParameterCatalog.Of(ParameterScope.Model), p => p.Name == "threatReaction" && p.Behavioural);
        Assert.Contains(ParameterCatalog.Of(ParameterScope.Model), p => p.Name == "observationNoiseFloor" && !p.Behavioural);
    }

    [Theory]
    [InlineData("V2", 2)]
    [InlineData("V3", 4)]
    [InlineData("V4", 6)]
    [InlineData("V11", 1)]
    [InlineData("V16", 2)]
    public void Measure_PairedClaim_SimulatesEachArmOnce(string id, int arms)
    {
        const int runs = 20;
        var counter = new CountingSink();
        Claims.Get(id).Measure(new ClaimContext(ClaimArm.Main, [], runs, 5, counter));
        Assert.Equal(arms * runs, counter.Runs.Count);
        Assert.Equal(arms * runs, counter.Runs.Distinct().Count());
    }

    [Fact]
    public void Measure_SameContextTwice_IdenticalEffect()
    {
        var c = new ClaimContext(ClaimArm.Main, [], 50, 11);
        Assert.Equal(Claims.Get("V5").Measure(c).Effect, Claims.Get("V5").Measure(c).Effect);
    }

    private sealed class CountingSink : IRunSink
    {
        public List<(int Point, long RunIndex)> Runs { get; } = [];
        public void Accept(in CompletedRun run) => Runs.Add((run.Point, run.RunIndex));
    }
}
