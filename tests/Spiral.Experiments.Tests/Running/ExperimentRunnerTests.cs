using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Numerics.Statistics;
using Spiral.Numerics.Random;
using Spiral.Testing;

namespace Spiral.Experiments.Tests.Running;

/// <summary>One runner for every experiment: deterministic for any thread count and chunk size, resumable, cancellable.</summary>
public class ExperimentRunnerTests
{
    private static readonly Scenario Busy = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2.5, distinguishability: 0,
        greedProbability: 0.25, steps: 25, rivalry: 0.3);

    private static SweepExperiment Sweep(int replications = 12) => new(new SweepDefinition("t", Busy,
        [SweepAxis.OfValues("world.offenseAdvantage", 0.5, 1.5, 3.0), SweepAxis.OfRange("world.distinguishability", 0, 0.8, 0.4)],
        replications, Seed: 42));

    private static (string Hash, List<long> Jobs) Hash(IExperiment experiment, RunnerOptions options, Func<long, bool>? isDone = null)
    {
        var hasher = new SummaryHasher();
        var jobs = new List<long>();
        var sink = new Tee(hasher, jobs);
        ExperimentRunner.Run(experiment, options, sink, isDone: isDone);
        return (hasher.Hex(), jobs);
    }

    [Fact]
    public void ChunkFor_SmallRecords_TheFixedAutomaticChunk()
    {
        Assert.Equal(256, new RunnerOptions(Threads: 2).ChunkFor(90_000));
        Assert.Equal(1024, new RunnerOptions(Threads: 8).ChunkFor(90_000));
        Assert.Equal(7, new RunnerOptions(Threads: 2, ChunkSize: 7).ChunkFor(30_396_960));
    }

    [Fact]
    public void ChunkFor_RecordsOfA190StateCentury_TwoChunksFitTheMemoryBound()
    {
        var chunk = new RunnerOptions(Threads: 2).ChunkFor(30_396_960);
        Assert.Equal(17, chunk);
        Assert.True(2 * chunk * 30_396_960L <= RunnerOptions.AutomaticChunkBytes);
        Assert.Equal(4, new RunnerOptions(Threads: 4).ChunkFor(RunnerOptions.AutomaticChunkBytes));
    }

    [Fact]
    public void Run_SweepOnOneThreadAndAllThreads_SameContentHash()
    {
        var one = Hash(Sweep(), new RunnerOptions(Threads: 1));
        var all = Hash(Sweep(), new RunnerOptions(Threads: Math.Max(2, Environment.ProcessorCount)));
        Assert.Equal(one.Hash, all.Hash);
        Assert.Equal(Enumerable.Range(0, 9 * 12).Select(i => (long)i), all.Jobs);
    }

    [Fact]
    public void Run_ChunkOfSevenAgainstDefaultChunk_SameContentHash()
    {
        Assert.Equal(Hash(Sweep(), new RunnerOptions(Threads: 2)).Hash, Hash(Sweep(), new RunnerOptions(Threads: 2, ChunkSize: 7)).Hash);
    }

    [Fact]
    public void Run_ResumedAfterHalfTheJobs_DeliversTheRestOnceAndTheUnionMatchesAFullRun()
    {
        var sweep = Sweep();
        var firstHalf = new List<CompletedRunCopy>();
        var rest = new List<CompletedRunCopy>();
        var full = new List<CompletedRunCopy>();
        ExperimentRunner.Run(sweep, new RunnerOptions(2, 10), r => full.Add(CompletedRunCopy.Of(r)));
        ExperimentRunner.Run(sweep, new RunnerOptions(2, 10), new Collect(firstHalf), isDone: j => j % 2 == 1);
        ExperimentRunner.Run(sweep, new RunnerOptions(2, 10), new Collect(rest), isDone: j => j % 2 == 0);
        var union = firstHalf.Concat(rest).OrderBy(r => r.Job).ToList();
        Assert.Equal(full, union);
        Assert.Equal(108, union.Select(r => r.Job).Distinct().Count());
    }

    [Fact]
    public void Run_EnsembleExperiment_SameSummariesAsOneRunAtATime()
    {
        var expected = new List<(long, int, int, double)>();
        var reach = EnsembleRunner.InitialReach(Busy);
        for (var k = 0; k < 40; k++)
        {
            var record = new Spiral.Core.Recording.RunRecord(Busy.States.Count, Busy.Steps);
            var s = new RunSummary(Busy.States.Count);
            Spiral.Core.Simulation.Run(Busy, 9, k, record);
            RunMetrics.Summarize(record, reach, s);
            expected.Add((s.RunIndex, s.Wars, s.Crises, s.MeanBeliefError));
        }
        var actual = new List<(long, int, int, double)>();
        ExperimentRunner.Run(new EnsembleExperiment(Busy, 40, 9), new RunnerOptions(2), r =>
            actual.Add((r.Summary.RunIndex, r.Summary.Wars, r.Summary.Crises, r.Summary.MeanBeliefError)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Run_SweepPointReplication_SeedsDeriveFromRunIndexPointTimesReplicationsPlusReplication()
    {
        var sweep = Sweep(replications: 5);
        var seen = new List<(long Job, int Point, int Rep, long RunIndex, ulong Seed)>();
        ExperimentRunner.Run(sweep, new RunnerOptions(2), r => seen.Add((r.Job, r.Point, r.Replication, r.RunIndex, r.Record.Seed)));
        var run23 = seen.Single(s => s.Job == 23);
        Assert.Equal((4, 3, 23L), (run23.Point, run23.Rep, run23.RunIndex));
        Assert.Equal(RandomStream.RunSeed(42, 23), run23.Seed);
    }

    [Fact]
    public void Run_CancelledBeforeStart_ThrowsAndDeliversNothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var delivered = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExperimentRunner.Run(Sweep(), new RunnerOptions(2), _ => delivered++, cts.Token));
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void Run_CancelledAfterFirstChunk_DeliversWholeChunksOnly()
    {
        using var cts = new CancellationTokenSource();
        var sink = new CancelAfterFirstChunk(cts);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExperimentRunner.Run(Sweep(), new RunnerOptions(2, 10), sink, cts.Token));
        Assert.Equal(0, sink.Accepted % 10);
        Assert.Equal(sink.Completed * 10, sink.Accepted);
        Assert.InRange(sink.Completed, 1, 2);
    }

    [Fact]
    public void PairedComparison_ThroughRunner_SameArmsAndDifferencesAsTwoEnsembles()
    {
        var scenario = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2, distinguishability: 0.2, steps: 25, rivalry: 0.3);
        var hotline = Intervention.Parse("world.institutions=0.6");
        var baseline = new List<RunSummaryValues>();
        var treated = new List<RunSummaryValues>();
        ExperimentRunner.Run(new EnsembleExperiment(scenario, 60, 5), new RunnerOptions(2), r => baseline.Add(RunSummaryValues.Of(r)));
        ExperimentRunner.Run(new EnsembleExperiment(hotline.Apply(scenario), 60, 5), new RunnerOptions(2), r => treated.Add(RunSummaryValues.Of(r)));
        var viaRunner = PairedComparison.Run(new PairedCounterfactual(scenario, [hotline], 60, 5), new RunnerOptions(2)).Single();
        Assert.Equal("world.institutions=0.6", viaRunner.Intervention);
        foreach (var d in viaRunner.Outcomes)
        {
            var a = baseline.Select(v => v.Values[d.Outcome.Index]).ToArray();
            var b = treated.Select(v => v.Values[d.Outcome.Index]).ToArray();
            Assert.Equal(a.Sum() / a.Length, d.Baseline, 12);
            Assert.Equal(b.Sum() / b.Length, d.Treated, 12);
            Assert.Equal(Estimate.OfMean(b.Zip(a, (x, y) => x - y).ToArray()), d.Difference);
        }
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(3, 25)]
    public void PairedComparison_KInterventionsNRuns_SimulatesExactlyKPlusOneTimesN(int k, int n)
    {
        var scenario = ScenarioBuilder.Stylized(states: 3, steps: 10);
        string[] specs = ["world.institutions=0.5", "world.observationNoise=0.1", "world.offenseAdvantage=2"];
        var experiment = new PairedCounterfactual(scenario, specs.Take(k).Select(Intervention.Parse).ToList(), n);
        var counter = new CountingSink();
        var result = PairedComparison.Measure(experiment, new RunnerOptions(2), alsoTo: counter);
        Assert.Equal((k + 1) * n, counter.Runs);
        Assert.Equal((k + 1) * n, result.Simulated);
        Assert.Equal(Enumerable.Repeat(n, k + 1), counter.PerArm.Values);
        Assert.Equal(k, result.Comparisons.Count);
        Assert.All(result.Summaries, s => Assert.Equal(n, s.Runs));
    }

    [Fact]
    public void PairedResult_RunOutcomeValues_AreTheSummariesOfTheSameRuns()
    {
        var scenario = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2.5, distinguishability: 0, steps: 20, rivalry: 0.3);
        var result = PairedComparison.Measure(PairedCounterfactual.OfArms([scenario, scenario with { PriorBelief = 0.6 }], 30, 3),
            new RunnerOptions(2), measures: [(_, s) => s.Crises]);
        for (var arm = 0; arm < 2; arm++)
        {
            Assert.Equal(result.Values(arm, 0), result.Values(arm, OutcomeRegistry.Crises));
            var wars = result.Values(arm, OutcomeRegistry.Wars);
            Assert.Equal(result.Summaries[arm][OutcomeRegistry.Wars].Sum, wars.Sum());
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Values(0, 1));
    }

    [Fact]
    public void PairedComparison_Ratios_EachArmsRatioOfSumsAndTheirPairedDifference()
    {
        var scenario = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2.5, distinguishability: 0, steps: 20, rivalry: 0.3);
        var result = PairedComparison.Measure(PairedCounterfactual.OfArms([scenario, scenario with { PriorBelief = 0.6 }], 40, 3), new RunnerOptions(2));
        var comparison = result.Comparisons.Single();
        Assert.Equal(OutcomeRegistry.Ratios, comparison.Ratios.Select(r => r.Ratio));
        foreach (var ratio in OutcomeRegistry.Ratios)
        {
            var r = comparison[ratio];
            Assert.Equal(result.Summaries[0][ratio], r.Baseline, 12);
            Assert.Equal(result.Summaries[1][ratio], r.Treated, 12);
            Assert.Equal(Estimate.PairedRatioDifference(result.RatioTerms(0, ratio.Numerators), result.Values(0, ratio.Denominator),
                result.RatioTerms(1, ratio.Numerators), result.Values(1, ratio.Denominator)), r.Difference);
            Assert.Equal(r.Treated - r.Baseline, r.Difference.Mean, 12);
        }
    }

    private sealed record RunSummaryValues(double[] Values)
    {
        public static RunSummaryValues Of(CompletedRun r) => new(OutcomeRegistry.Runs.Select(o => o.Of(r.Summary)).ToArray());
    }

    private sealed class CountingSink : IRunSink
    {
        public long Runs { get; private set; }
        public SortedDictionary<int, int> PerArm { get; } = [];

        public void Accept(in CompletedRun run)
        {
            Runs++;
            PerArm[run.Point] = PerArm.GetValueOrDefault(run.Point) + 1;
        }
    }

    [Fact]
    public void PairedCounterfactual_TwoInterventions_TwoArmsAgainstOneBaseline()
    {
        var scenario = ScenarioBuilder.Stylized(states: 3, steps: 10);
        var experiment = new PairedCounterfactual(scenario, [Intervention.Parse("institutions=0.5"), Intervention.Parse("world.observationNoise=0.1")], 20);
        var results = PairedComparison.Run(experiment, new RunnerOptions(1));
        Assert.Equal(3, experiment.PointCount);
        Assert.Equal(["institutions=0.5", "world.observationNoise=0.1"], results.Select(r => r.Intervention));
        Assert.Equal(results[0].BaselineHash, results[1].BaselineHash);
        Assert.Equal(0.5, experiment.ScenarioAt(1).World.Institutions);
        Assert.Equal(0.1, experiment.ScenarioAt(2).World.ObservationNoise);
    }

    private sealed record CompletedRunCopy(long Job, long RunIndex, ulong Seed, int Wars, int Crises, double BeliefError, double FinalMilex)
    {
        public static CompletedRunCopy Of(CompletedRun r) => new(r.Job, r.RunIndex, r.Record.Seed, r.Summary.Wars, r.Summary.Crises,
            r.Summary.MeanBeliefError, r.Record.Milex[r.Record.Row(r.Record.Steps, 0)]);
    }

    private sealed class Collect(List<CompletedRunCopy> into) : IRunSink
    {
        public void Accept(in CompletedRun run) => into.Add(CompletedRunCopy.Of(run));
    }

    private sealed class Tee(SummaryHasher hasher, List<long> jobs) : IRunSink
    {
        public void Accept(in CompletedRun run)
        {
            hasher.Accept(run);
            jobs.Add(run.Job);
        }
    }

    private sealed class CancelAfterFirstChunk(CancellationTokenSource cts) : IRunSink
    {
        public int Accepted { get; private set; }
        public int Completed { get; private set; }

        public void Accept(in CompletedRun run) => Accepted++;

        public void ChunkCompleted(long firstJob, int count)
        {
            Completed++;
            cts.Cancel();
        }
    }
}
