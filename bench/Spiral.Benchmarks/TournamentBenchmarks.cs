using BenchmarkDotNet.Attributes;
using Spiral.Analytic.Tournament;
using Spiral.Analytic.Tournament.Strategies;
using Spiral.Numerics.Random;

namespace Spiral.Benchmarks;

/// <summary>
/// Speed of the repeated-game engine. Goal (issue 3): at least 10 million turns per second on 2 cores for a round
/// robin of deterministic strategies. Each benchmark reports time per turn (OperationsPerInvoke = turns played).
/// </summary>
[MemoryDiagnoser]
public class TournamentBenchmarks
{
    private const int Turns = 200;
    private const int Repetitions = 10;
    private const int DeterministicPlayers = 10;
    private const int RoundRobinTurns = DeterministicPlayers * (DeterministicPlayers + 1) / 2 * Repetitions * Turns;

    private IReadOnlyList<string> _players = [];
    private TournamentSettings _deterministic = null!;
    private TournamentSettings _noisy = null!;
    private TournamentSettings _actionNoisy = null!;
    private readonly TitForTat _tft = new();
    private readonly WinStayLoseShift _wsls = new();
    private readonly MatchSettings _match = new(Turns);

    [GlobalSetup]
    public void Setup()
    {
        _players = StrategyCatalog.DeterministicNames;
        if (_players.Count != DeterministicPlayers)
        {
            throw new InvalidOperationException($"Expected {DeterministicPlayers} deterministic strategies, found {_players.Count}; update the benchmark constant.");
        }
        _deterministic = new TournamentSettings(new MatchSettings(Turns), Repetitions, Seed: 1, MaxDegreeOfParallelism: 2);
        _noisy = new TournamentSettings(new MatchSettings(Turns, Noise: 0.05), Repetitions, Seed: 1, MaxDegreeOfParallelism: 2);
        _actionNoisy = new TournamentSettings(
            new MatchSettings(Turns, Noise: 0.05, NoiseKind: NoiseKind.Action), Repetitions, Seed: 1, MaxDegreeOfParallelism: 2);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundRobinTurns)]
    public long RoundRobinDeterministicTwoCores() => RoundRobin.Run(_players, _deterministic).TotalTurns;

    [Benchmark(OperationsPerInvoke = RoundRobinTurns)]
    public long RoundRobinNoisyTwoCores() => RoundRobin.Run(_players, _noisy).TotalTurns;

    /// <summary>Action noise (Axelrod-Python's convention, issue 18): two flips before scoring instead of two misperceptions after.</summary>
    [Benchmark(OperationsPerInvoke = RoundRobinTurns)]
    public long RoundRobinActionNoiseTwoCores() => RoundRobin.Run(_players, _actionNoisy).TotalTurns;

    [Benchmark(OperationsPerInvoke = Turns)]
    public double SingleMatch()
    {
        var random = new RandomStream(1);
        return Match.Play(_tft, _wsls, _match, ref random).ScoreA;
    }
}
