using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tournament;

/// <summary>Settings of a round-robin tournament.</summary>
/// <param name="Match">How each match is played.</param>
/// <param name="Repetitions">How many times each pair plays.</param>
/// <param name="Seed">Seed of the random streams; the same seed gives the same results on any number of threads.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use; null for all cores.</param>
public sealed record TournamentSettings(MatchSettings Match, int Repetitions = 10, ulong Seed = 0, int? MaxDegreeOfParallelism = null)
{
    public TournamentSettings Validated()
    {
        Match.Validated();
        Require.Positive(Repetitions, "repetitions");
        if (MaxDegreeOfParallelism is { } threads)
        {
            Require.Positive(threads, "threads");
        }
        return this;
    }
}

/// <summary>One player's standing.</summary>
/// <param name="Name">Strategy name.</param>
/// <param name="Rank">1 for the highest mean score per turn.</param>
/// <param name="MeanScorePerTurn">Total score over total turns against the other players (self-play excluded, as in the Axelrod library).</param>
/// <param name="Wins">Matches in which it scored more than its opponent.</param>
/// <param name="CooperationRate">Share of its moves that were C, self-play excluded.</param>
/// <param name="TotalScore">Sum of its payoffs, self-play excluded.</param>
/// <param name="Turns">Turns it played, self-play excluded.</param>
public sealed record PlayerStanding(string Name, int Rank, double MeanScorePerTurn, int Wins, double CooperationRate, double TotalScore, long Turns);

/// <summary>Tournament results. <see cref="PayoffMatrix"/>[i][j] is i's mean score per turn against j (diagonal: self-play).</summary>
public sealed record TournamentResult(
    IReadOnlyList<string> Names, IReadOnlyList<PlayerStanding> Standings, double[][] PayoffMatrix, long TotalTurns, int Matches)
{
    public PlayerStanding Standing(string name) => Standings.Single(s => s.Name == name);
}

/// <summary>
/// Axelrod's round-robin tournament (R. Axelrod, <i>The Evolution of Cooperation</i>, 1984): every player meets
/// every other and a copy of itself, <see cref="TournamentSettings.Repetitions"/> times. Each match's random stream is
/// derived from (seed, pair index, repetition), so results do not depend on scheduling. Only running totals are kept:
/// memory does not grow with repetitions or turns.
/// </summary>
public static class RoundRobin
{
    private sealed class PairTotals
    {
        public double ScoreA, ScoreB;
        public long Turns;
        public long CoopA, CoopB;
        public int WinsA, WinsB;
    }

    public static TournamentResult Run(IReadOnlyList<string> players, TournamentSettings settings) =>
        Run(players.Select(StrategyCatalog.Resolve).ToArray(), _ => null, settings);

    /// <summary>Runs with custom factories; <paramref name="factory"/> returns null to use the catalogue.</summary>
    public static TournamentResult Run(IReadOnlyList<string> names, Func<string, Strategy?> factory, TournamentSettings settings)
    {
        settings.Validated();
        if (names.Count == 0)
        {
            throw new ModelInputException("A tournament needs at least one player.");
        }
        var n = names.Count;
        var pairs = new List<(int I, int J)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }
        var totals = new PairTotals[pairs.Count];
        var table = settings.Match.Game.RowTable();
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, pairs.Count, options, p =>
        {
            var (i, j) = pairs[p];
            var a = factory(names[i]) ?? StrategyCatalog.Create(names[i]);
            var b = factory(names[j]) ?? StrategyCatalog.Create(names[j]);
            var acc = new PairTotals();
            for (var r = 0; r < settings.Repetitions; r++)
            {
                var random = RandomStream.ForCoordinates(settings.Seed, (ulong)p, (ulong)r);
                var turns = settings.Match.ProbEnd > 0 ? Match.SampleLength(settings.Match.ProbEnd, ref random) : settings.Match.Turns;
                var o = Match.Play(a, b, turns, settings.Match.Noise, settings.Match.NoiseKind, table, ref random);
                acc.ScoreA += o.ScoreA;
                acc.ScoreB += o.ScoreB;
                acc.Turns += o.Turns;
                acc.CoopA += o.CooperationsA;
                acc.CoopB += o.CooperationsB;
                if (o.Winner > 0)
                {
                    acc.WinsA++;
                }
                else if (o.Winner < 0)
                {
                    acc.WinsB++;
                }
            }
            totals[p] = acc;
        });

        var matrix = Enumerable.Range(0, n).Select(_ => new double[n]).ToArray();
        var score = new double[n];
        var turnsOf = new long[n];
        var coop = new long[n];
        var wins = new int[n];
        long allTurns = 0;
        for (var p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs[p];
            var t = totals[p];
            allTurns += t.Turns;
            if (i == j)
            {
                matrix[i][i] = (t.ScoreA + t.ScoreB) / (2.0 * t.Turns);
                continue;
            }
            matrix[i][j] = t.ScoreA / t.Turns;
            matrix[j][i] = t.ScoreB / t.Turns;
            score[i] += t.ScoreA;
            score[j] += t.ScoreB;
            turnsOf[i] += t.Turns;
            turnsOf[j] += t.Turns;
            coop[i] += t.CoopA;
            coop[j] += t.CoopB;
            wins[i] += t.WinsA;
            wins[j] += t.WinsB;
        }
        if (n == 1)
        {
            var t = totals[0];
            score[0] = t.ScoreA + t.ScoreB;
            turnsOf[0] = 2 * t.Turns;
            coop[0] = t.CoopA + t.CoopB;
        }

        var order = Enumerable.Range(0, n)
            .Select(i => (Index: i, Mean: score[i] / turnsOf[i]))
            .OrderByDescending(x => x.Mean)
            .ThenBy(x => x.Index)
            .Select((x, rank) => (x.Index, Rank: rank + 1))
            .ToArray();
        var standings = order
            .Select(o => new PlayerStanding(names[o.Index], o.Rank, score[o.Index] / turnsOf[o.Index], wins[o.Index],
                (double)coop[o.Index] / turnsOf[o.Index], score[o.Index], turnsOf[o.Index]))
            .ToArray();
        return new TournamentResult(names.ToArray(), standings, matrix, allTurns, pairs.Count * settings.Repetitions);
    }
}
