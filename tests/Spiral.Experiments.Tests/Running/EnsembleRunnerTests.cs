using Spiral.Numerics.Statistics;
using System.Security.Cryptography;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Testing;

namespace Spiral.Experiments.Tests.Running;

/// <summary>DESIGN.md section 8: the same seed gives bit-identical results on one thread and on all cores.</summary>
public class EnsembleRunnerTests
{
    /// <summary>Six hawks (and greedy offensive realists) over contested stakes: crises climb to war, so every outcome is defined in some run.</summary>
    private static readonly Scenario Busy = ScenarioBuilder.Stylized(states: 6, offenseAdvantage: 2.5, distinguishability: 0,
        greedProbability: 0.25, steps: 40, rivalry: 0.3, policy: "Hawk");

    /// <summary>SHA-256 over every summary's numbers, as raw bits, in the order the sink receives the runs.</summary>
    private static (string Hash, List<long> Order) Hash(int threads, int runs = 300, ulong seed = 77)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var order = new List<long>();
        var buf = new byte[8];
        void Put(double x) { BitConverter.TryWriteBytes(buf, BitConverter.DoubleToInt64Bits(x)); sha.AppendData(buf); }
        void PutL(long x) { BitConverter.TryWriteBytes(buf, x); sha.AppendData(buf); }
        ExperimentRunner.Run(new EnsembleExperiment(Busy, runs, seed), new RunnerOptions(threads), run =>
        {
            var (record, s) = (run.Record, run.Summary);
            order.Add(s.RunIndex);
            PutL(s.RunIndex); PutL((long)s.Seed); PutL(s.Wars); PutL(s.WarsBetweenSecuritySeekers); PutL(s.Crises); PutL(s.MaxRung);
            PutL(s.Spirals); PutL(s.CbmsProposed); PutL(s.CbmsSigned); PutL(s.CbmsBlocked); PutL(s.HotlinesOpened);
            PutL(s.AlliancesFormed); PutL(s.CrisesEndedByHotline); PutL(s.FirstWarStep);
            Put(s.ArmsRaceIndex); Put(s.RichardsonReaction); Put(s.MeanSecurityChange); Put(s.MeanBeliefError);
            foreach (var a in new[] { s.MilexGrowth, s.InitialSecurity, s.FinalSecurity, s.MeanBeliefAboutOthers, s.FinalBelief, s.BeliefError })
            {
                foreach (var x in a) Put(x);
            }
            foreach (var x in record.Belief) Put(x);
            foreach (var x in record.Gdp) Put(x);
            PutL(record.Events.Count);
        });
        return (Convert.ToHexString(sha.GetHashAndReset()), order);
    }

    [Fact]
    public void Run_OneThreadVsAllCoresVsThree_IdenticalContentHash()
    {
        var one = Hash(1);
        var all = Hash(Environment.ProcessorCount);
        var three = Hash(3);
        Assert.Equal(one.Hash, all.Hash);
        Assert.Equal(one.Hash, three.Hash);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), one.Order);
        Assert.Equal(one.Order, three.Order);
    }

    [Fact]
    public void Run_DifferentSeed_DifferentHash()
    {
        Assert.NotEqual(Hash(2, runs: 50, seed: 1).Hash, Hash(2, runs: 50, seed: 2).Hash);
    }

    [Fact]
    public void Summarize_SameSeedDifferentThreads_EqualSummaries()
    {
        var a = EnsembleRunner.Summarize(new EnsembleExperiment(Busy, 200, 5), new RunnerOptions(1));
        var b = EnsembleRunner.Summarize(new EnsembleExperiment(Busy, 200, 5), new RunnerOptions(3));
        Assert.Equal(a[OutcomeRegistry.HadWar].Estimate, b[OutcomeRegistry.HadWar].Estimate);
        Assert.Equal(a[OutcomeRegistry.MeanBeliefError].Estimate, b[OutcomeRegistry.MeanBeliefError].Estimate);
        Assert.Equal(a[OutcomeRegistry.WarGivenCrisis], b[OutcomeRegistry.WarGivenCrisis]);
        Assert.Equal(a.ScenarioHash, b.ScenarioHash);
        Assert.Equal(200, a.Runs);
    }

    [Fact]
    public void EnsembleExperiment_ZeroRuns_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EnsembleExperiment(Busy, 0));
        Assert.Equal("Runs", e.ParamName);
    }

    [Theory]
    [InlineData(-1, 0, "Threads")]
    [InlineData(RunnerOptions.MaxThreads + 1, 0, "Threads")]
    [InlineData(2, -5, "ChunkSize")]
    public void RunnerOptions_OutOfRange_ThrowsNamingTheOption(int threads, int chunk, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RunnerOptions(threads, chunk));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Run_Progress_ReportsEveryRun()
    {
        var reports = new List<long>();
        var progress = new SyncProgress(reports.Add);
        ExperimentRunner.Run(new EnsembleExperiment(Busy, 70, 1, Steps: 5), new RunnerOptions(2), _ => { }, progress: progress);
        Assert.Equal(70, reports[^1]);
        Assert.Equal(reports.OrderBy(x => x), reports);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>The streaming aggregate against the two-pass estimates over the stored values of every run (the aggregator before issue 10).</summary>
    [Fact]
    public void Summarize_EveryRunOutcome_MeansAsTwoPassAndIntervalsUpToRounding()
    {
        var values = OutcomeRegistry.Runs.Select(_ => new List<double>()).ToArray();
        var summary = EnsembleRunner.Summarize(new EnsembleExperiment(Busy, 200, 5), new RunnerOptions(2), alsoTo: RunSinks.Of(run =>
        {
            var s = run.Summary;
            foreach (var o in OutcomeRegistry.Runs)
            {
                values[o.Index].Add(o.Of(s));
            }
        }));
        Assert.Equal(200, summary.Runs);
        foreach (var o in OutcomeRegistry.Runs)
        {
            var defined = values[o.Index].Where(v => !double.IsNaN(v)).ToArray();
            var expected = o.Kind == OutcomeKind.Indicator
                ? Estimate.Proportion((int)defined.Sum(), defined.Length)
                : Estimate.OfMean(defined, o.Kind == OutcomeKind.Real ? double.NegativeInfinity : 0);
            var actual = summary[o];
            Assert.Equal(defined.Length, actual.Runs);
            Assert.Equal(expected.Mean, actual.Mean);
            Assert.Equal(expected.Low, actual.Estimate.Low, 1e-12 * Math.Max(1, Math.Abs(expected.Low)));
            Assert.Equal(expected.High, actual.Estimate.High, 1e-12 * Math.Max(1, Math.Abs(expected.High)));
            Assert.Equal(defined.DefaultIfEmpty(double.NaN).Max(), actual.Maximum);
        }
        // ratios of sums over the runs, 0 without a crisis (Estimate.RatioOfSums)
        Assert.Equal(Estimate.RatioOfSums([.. values[OutcomeRegistry.Wars.Index]], [.. values[OutcomeRegistry.Crises.Index]]),
            summary[OutcomeRegistry.WarGivenCrisis]);
        var forceOrWar = values[OutcomeRegistry.CrisesAtUseOfForce.Index].Zip(values[OutcomeRegistry.CrisesAtWar.Index], (f, w) => f + w).ToArray();
        Assert.Equal(Estimate.RatioOfSums(forceOrWar, [.. values[OutcomeRegistry.Crises.Index]]), summary[OutcomeRegistry.ForceOrWarGivenCrisis]);
    }
}
