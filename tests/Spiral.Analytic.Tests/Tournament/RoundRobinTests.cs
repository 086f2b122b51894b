using Spiral.Analytic.Tournament;
using Spiral.Analytic.Tournament.Strategies;

namespace Spiral.Analytic.Tests.Tournament;

[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public class AllocationSensitive;

[Collection(nameof(AllocationSensitive))]
public class RoundRobinTests
{
    private static readonly string[] Classic = [nameof(TitForTat), nameof(AlwaysDefect), nameof(TitForTwoTats), nameof(Grudger), nameof(SuspiciousTitForTat)];

    [Fact]
    public void Run_TitForTatAndAlwaysDefect_PayoffMatrixHoldsStandardScores()
    {
        var result = RoundRobin.Run([nameof(TitForTat), nameof(AlwaysDefect)], new TournamentSettings(new MatchSettings(), Repetitions: 3));
        Assert.Equal(199 / 200.0, result.PayoffMatrix[0][1], 12);
        Assert.Equal(204 / 200.0, result.PayoffMatrix[1][0], 12);
        Assert.Equal(3.0, result.PayoffMatrix[0][0], 12);
        Assert.Equal(1.0, result.PayoffMatrix[1][1], 12);
        Assert.Equal(1, result.Standing(nameof(AlwaysDefect)).Rank);
        Assert.Equal(3, result.Standing(nameof(AlwaysDefect)).Wins);
        Assert.Equal(3 * 3 * 200, result.TotalTurns);
    }

    [Fact]
    public void Run_ClassicField_RanksReciprocatorsAboveAlwaysDefect()
    {
        var result = RoundRobin.Run(Classic, new TournamentSettings(new MatchSettings(), Repetitions: 2));
        Assert.True(result.Standing(nameof(TitForTat)).Rank < result.Standing(nameof(AlwaysDefect)).Rank);
        Assert.Equal(Enumerable.Range(1, Classic.Length), result.Standings.Select(s => s.Rank));
        Assert.Equal(0.0, result.Standing(nameof(AlwaysDefect)).CooperationRate);
        Assert.Equal((199 + 600 + 600 + 500) / 800.0, result.Standing(nameof(TitForTat)).MeanScorePerTurn, 12);
    }

    [Fact]
    public void Run_SameSeedDifferentThreadCounts_IdenticalResults()
    {
        var players = StrategyCatalog.Names;
        var match = new MatchSettings(Turns: 50, Noise: 0.05, ProbEnd: 0.02);
        var one = RoundRobin.Run(players, new TournamentSettings(match, Repetitions: 4, Seed: 99, MaxDegreeOfParallelism: 1));
        var many = RoundRobin.Run(players, new TournamentSettings(match, Repetitions: 4, Seed: 99, MaxDegreeOfParallelism: 4));
        Assert.Equal(one.Standings, many.Standings);
        Assert.Equal(one.PayoffMatrix, many.PayoffMatrix);
        Assert.Equal(one.TotalTurns, many.TotalTurns);
    }

    [Fact]
    public void Run_DifferentSeeds_DifferWithNoise()
    {
        var match = new MatchSettings(Turns: 100, Noise: 0.1);
        var a = RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 2, Seed: 1));
        var b = RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 2, Seed: 2));
        Assert.NotEqual(a.PayoffMatrix, b.PayoffMatrix);
    }

    [Fact]
    public void Run_MoreRepetitions_DoesNotAllocateMore()
    {
        var match = new MatchSettings(Turns: 200);
        RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 1, MaxDegreeOfParallelism: 1));
        var before = GC.GetAllocatedBytesForCurrentThread();
        RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 10, MaxDegreeOfParallelism: 1));
        var few = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 2_000, MaxDegreeOfParallelism: 1));
        var many = GC.GetAllocatedBytesForCurrentThread() - before;
        // Counted on this thread (with one degree of parallelism Parallel.For runs here), so other tests' allocations
        // in the same process do not leak into the measure.
        Assert.True(few > 0, "the measure saw no allocation at all: the tournament ran on another thread");
        Assert.True(many < few + 64 * 1024, $"10 repetitions allocated {few} bytes, 2000 allocated {many}.");
    }

    [Fact]
    public void Run_PerceptionNoiseDefault_SameResultsAsBeforeActionNoiseExisted()
    {
        // Values printed by the engine before NoiseKind was added (commit 3fbd9e5): perception noise stays the
        // default and its results are bit-identical.
        var result = RoundRobin.Run([nameof(TitForTat), nameof(WinStayLoseShift), nameof(Joss)],
            new TournamentSettings(new MatchSettings(Turns: 200, Noise: 0.1), Repetitions: 3, Seed: 5));
        Assert.Equal(NoiseKind.Perception, new MatchSettings().NoiseKind);
        Assert.Equal([2.1758333333333333, 2.1933333333333334, 1.9666666666666666], result.PayoffMatrix[0]);
        Assert.Equal([2.185, 2.56, 2.131666666666667], result.PayoffMatrix[1]);
        Assert.Equal([2.025, 2.3316666666666666, 1.7825], result.PayoffMatrix[2]);
        Assert.Equal(0.4191666666666667, result.Standing(nameof(TitForTat)).CooperationRate);
    }

    [Fact]
    public void Run_ActionNoiseSameSeedDifferentThreadCounts_IdenticalResults()
    {
        var match = new MatchSettings(Turns: 50, Noise: 0.05, ProbEnd: 0.02, NoiseKind: NoiseKind.Action);
        var one = RoundRobin.Run(StrategyCatalog.Names, new TournamentSettings(match, Repetitions: 4, Seed: 99, MaxDegreeOfParallelism: 1));
        var many = RoundRobin.Run(StrategyCatalog.Names, new TournamentSettings(match, Repetitions: 4, Seed: 99, MaxDegreeOfParallelism: 4));
        Assert.Equal(one.Standings, many.Standings);
        Assert.Equal(one.PayoffMatrix, many.PayoffMatrix);
    }

    [Fact]
    public void Run_ActionNoiseMoreRepetitions_DoesNotAllocateMore()
    {
        var match = new MatchSettings(Turns: 200, Noise: 0.05, NoiseKind: NoiseKind.Action);
        RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 1, MaxDegreeOfParallelism: 1));
        var before = GC.GetAllocatedBytesForCurrentThread();
        RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 10, MaxDegreeOfParallelism: 1));
        var few = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        RoundRobin.Run(Classic, new TournamentSettings(match, Repetitions: 2_000, MaxDegreeOfParallelism: 1));
        var many = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(few > 0, "the measure saw no allocation at all: the tournament ran on another thread");
        Assert.True(many < few + 64 * 1024, $"10 repetitions allocated {few} bytes, 2000 allocated {many}.");
    }

    [Fact]
    public void Run_NoPlayers_Throws()
    {
        Assert.Throws<ModelInputException>(() => RoundRobin.Run([], new TournamentSettings(new MatchSettings())));
    }

    [Fact]
    public void Run_UnknownPlayer_Throws()
    {
        Assert.Throws<ModelInputException>(() => RoundRobin.Run(["TitForTat", "Nobody"], new TournamentSettings(new MatchSettings())));
    }
}
