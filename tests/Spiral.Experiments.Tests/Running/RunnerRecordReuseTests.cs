using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Testing;

namespace Spiral.Experiments.Tests.Running;

/// <summary>
/// The runner reuses records and summaries between chunks and between calls (issue 18, runner part) without changing
/// what any sink sees, and never reuses a record under a sink that keeps it. Each test uses a shape (states × steps) no
/// other test of the assembly runs, since the pool is shared by the process and tests run in parallel. Records and
/// summaries compare by reference.
/// </summary>
public class RunnerRecordReuseTests
{
    private static Scenario Busy(int steps, double offenseAdvantage = 2.5) => ScenarioBuilder.Stylized(states: 3, offenseAdvantage: offenseAdvantage,
        distinguishability: 0, greedProbability: 0.3, steps: steps, rivalry: 0.3);

    [Fact]
    public void Run_SecondCallOfTheSameShape_ReusesTheFirstCallsRecordsAndGrowsNoEventLog()
    {
        var experiment = new EnsembleExperiment(Busy(steps: 23), 60, 3);
        var options = new RunnerOptions(Threads: 2, ChunkSize: 8);
        // Holding the first call's records keeps the pool's weak references alive for the second call.
        var first = new List<RunRecord>();
        ExperimentRunner.Run(experiment, options, r => first.Add(r.Record));
        var capacityAfterFirst = first.Distinct().ToDictionary(r => r, r => r.Events.Capacity);

        var second = new List<(RunRecord Record, int Capacity, int Count)>();
        ExperimentRunner.Run(experiment, options, r => second.Add((r.Record, r.Record.Events.Capacity, r.Record.Events.Count)));

        Assert.Equal(16, capacityAfterFirst.Count);
        Assert.Equal(60, second.Count);
        Assert.All(second, s => Assert.True(capacityAfterFirst.ContainsKey(s.Record), "a record of the second call was not the first call's"));
        Assert.All(second, s => Assert.Equal(capacityAfterFirst[s.Record], s.Capacity));
        Assert.Single(capacityAfterFirst.Values.Distinct());
        Assert.True(capacityAfterFirst.Values.First() >= second.Max(s => s.Count));
    }

    [Fact]
    public void Run_AfterAnotherExperimentOfTheSameShape_SameContentHashAsWithRecordsOfItsOwn()
    {
        var options = new RunnerOptions(Threads: 2, ChunkSize: 8);
        var other = new List<RunRecord>();
        ExperimentRunner.Run(new EnsembleExperiment(Busy(steps: 29, offenseAdvantage: 0.6), 40, 11), options, r => other.Add(r.Record));
        var experiment = new EnsembleExperiment(Busy(steps: 29), 40, 3);

        var reused = new SummaryHasher();
        var records = new List<RunRecord>();
        ExperimentRunner.Run(experiment, options, RunSinks.Tee(reused, RunSinks.Of(r => records.Add(r.Record))));
        var own = new SummaryHasher();
        ExperimentRunner.Run(experiment, options, new Keeping(own));

        Assert.Subset(other.ToHashSet(), records.ToHashSet());
        Assert.Equal(40, own.Runs);
        Assert.Equal(own.Hex(), reused.Hex());
    }

    [Fact]
    public void Run_SinkThatKeepsRecords_EveryRunKeepsARecordOfItsOwnThatLaterRunsAndCallsLeaveAlone()
    {
        var experiment = new EnsembleExperiment(Busy(steps: 31), 40, 5);
        var options = new RunnerOptions(Threads: 2, ChunkSize: 5);
        var kept = new List<(CompletedRun Run, double[] Milex, int Events, int Wars)>();
        var keeping = new Keeping(RunSinks.Of(r => kept.Add((r, r.Record.Milex.ToArray(), r.Record.Events.Count, r.Summary.Wars))));
        ExperimentRunner.Run(experiment, options, keeping);
        var later = new List<RunRecord>();
        ExperimentRunner.Run(experiment, options, r => later.Add(r.Record));
        ExperimentRunner.Run(new EnsembleExperiment(Busy(steps: 31, offenseAdvantage: 0.6), 40, 6), options, r => later.Add(r.Record));

        Assert.Equal(40, kept.Select(k => k.Run.Record).Distinct().Count());
        Assert.Equal(40, kept.Select(k => k.Run.Summary).Distinct().Count());
        Assert.All(kept, k =>
        {
            Assert.Equal(k.Milex, k.Run.Record.Milex);
            Assert.Equal(k.Events, k.Run.Record.Events.Count);
            Assert.Equal(k.Wars, k.Run.Summary.Wars);
            Assert.Equal(k.Run.RunIndex, k.Run.Record.RunIndex);
        });
        Assert.Empty(later.Intersect(kept.Select(k => k.Run.Record)));
    }

    [Fact]
    public void Run_Finished_ThePoolDoesNotKeepItsRecordsFromAFullCollection()
    {
        var experiment = new EnsembleExperiment(Busy(steps: 37), 30, 2);
        var handed = new List<WeakReference<RunRecord>>();
        ExperimentRunner.Run(experiment, new RunnerOptions(Threads: 2, ChunkSize: 6), r => handed.Add(new WeakReference<RunRecord>(r.Record)));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(30, handed.Count);
        Assert.All(handed, h => Assert.False(h.TryGetTarget(out _), "a pooled record outlived a full collection"));
    }

    [Fact]
    public void Tee_OneSinkKeepsRecords_TheTeeKeepsThem()
    {
        Assert.True(RunSinks.Tee(RunSinks.Of(_ => { }), new Keeping(RunSinks.Of(_ => { }))).KeepsRecords);
        Assert.False(RunSinks.Tee(RunSinks.Of(_ => { }), new SummaryHasher()).KeepsRecords);
    }

    /// <summary>A sink that keeps every record and summary it is handed (and hands them on).</summary>
    private sealed class Keeping(IRunSink inner) : IRunSink
    {
        public bool KeepsRecords => true;

        public void Accept(in CompletedRun run) => inner.Accept(run);
    }
}
