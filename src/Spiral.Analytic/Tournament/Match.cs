using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tournament;

/// <summary>How matches are played.</summary>
/// <param name="Turns">Turns per match when <paramref name="ProbEnd"/> is 0.</param>
/// <param name="Noise">Probability e of a noise event per move; what it flips is set by <paramref name="NoiseKind"/>.</param>
/// <param name="ProbEnd">Probability that the match ends after each turn (the shadow of the future, Axelrod 1984); 0 for a fixed length.</param>
/// <param name="Payoffs">The stage game.</param>
/// <param name="NoiseKind">Perception (Jervis 1976's misperception, the default) or action (Axelrod-Python's convention).</param>
public sealed record MatchSettings(
    int Turns = 200, double Noise = 0, double ProbEnd = 0, PdPayoffs? Payoffs = null, NoiseKind NoiseKind = NoiseKind.Perception)
{
    public PdPayoffs Game => Payoffs ?? PdPayoffs.Standard;

    /// <summary>Throws <see cref="ModelInputException"/> for out-of-range settings.</summary>
    public MatchSettings Validated()
    {
        Require.Positive(Turns, "turns");
        Require.Probability(Noise, "noise");
        Require.Probability(ProbEnd, "prob-end");
        if (!Enum.IsDefined(NoiseKind))
        {
            throw new ModelInputException($"noise kind must be perception or action, got {NoiseKind}.");
        }
        return this;
    }
}

/// <summary>Totals of one match; moves are not kept.</summary>
public readonly record struct MatchOutcome(int Turns, double ScoreA, double ScoreB, int CooperationsA, int CooperationsB)
{
    /// <summary>+1 if A scored more, −1 if B did, 0 for a tie.</summary>
    public int Winner => ScoreA > ScoreB ? 1 : ScoreA < ScoreB ? -1 : 0;
}

/// <summary>
/// Plays one repeated game between two strategies (Axelrod 1984). With perception noise e (the default), each player
/// perceives each of the opponent's moves wrongly with probability e and payoffs follow the moves actually made; with
/// action noise e (Axelrod-Python's convention), each intended move is flipped with probability e before it is played,
/// and both players and the payoffs see the played move.
/// </summary>
public static class Match
{
    public static MatchOutcome Play(Strategy a, Strategy b, MatchSettings settings, ref RandomStream random)
    {
        var turns = settings.ProbEnd > 0 ? SampleLength(settings.ProbEnd, ref random) : settings.Turns;
        return Play(a, b, turns, settings.Noise, settings.NoiseKind, settings.Game.RowTable(), ref random);
    }

    /// <summary>Match length with ending probability p after each turn: geometric on {1, 2, …}, mean 1/p.</summary>
    public static int SampleLength(double probEnd, ref RandomStream random)
    {
        if (probEnd >= 1)
        {
            return 1;
        }
        var u = random.NextDouble();
        var length = Math.Floor(Math.Log(1 - u) / Math.Log(1 - probEnd)) + 1;
        return length >= int.MaxValue ? int.MaxValue : (int)length;
    }

    /// <remarks>
    /// The random draws per turn are: the strategies' own (A then B), then under action noise A's flip and B's flip
    /// before scoring, or under perception noise A's perception of B and B's perception of A after scoring. Without
    /// noise nothing is drawn, so both kinds give the same match at e = 0.
    /// </remarks>
    internal static MatchOutcome Play(Strategy a, Strategy b, int turns, double noise, NoiseKind kind, double[] table, ref RandomStream random)
    {
        a.Reset();
        b.Reset();
        var ha = default(History);
        var hb = default(History);
        double scoreA = 0, scoreB = 0;
        int coopA = 0, coopB = 0;
        var action = noise > 0 && kind == NoiseKind.Action;
        var perception = noise > 0 && kind == NoiseKind.Perception;
        for (var t = 0; t < turns; t++)
        {
            var ma = a.Next(in ha, ref random);
            var mb = b.Next(in hb, ref random);
            if (action)
            {
                ma = Flip(ma, noise, ref random);
                mb = Flip(mb, noise, ref random);
            }
            var ia = (int)ma;
            var ib = (int)mb;
            scoreA += table[(ia << 1) | ib];
            scoreB += table[(ib << 1) | ia];
            coopA += 1 - ia;
            coopB += 1 - ib;
            if (perception)
            {
                var seenB = random.NextBool(noise) ? (Move)(ib ^ 1) : mb;
                var seenA = random.NextBool(noise) ? (Move)(ia ^ 1) : ma;
                ha.Record(ma, seenB);
                hb.Record(mb, seenA);
            }
            else
            {
                ha.Record(ma, mb);
                hb.Record(mb, ma);
            }
        }
        return new MatchOutcome(turns, scoreA, scoreB, coopA, coopB);
    }

    /// <summary>Both players' moves as played, turn by turn; for tests and small demonstrations.</summary>
    public static (Move[] A, Move[] B) Moves(
        Strategy a, Strategy b, int turns, ref RandomStream random, double noise = 0, NoiseKind kind = NoiseKind.Perception)
    {
        Require.Positive(turns, "turns");
        Require.Probability(noise, "noise");
        if (!Enum.IsDefined(kind))
        {
            throw new ModelInputException($"noise kind must be perception or action, got {kind}.");
        }
        var action = noise > 0 && kind == NoiseKind.Action;
        var perception = noise > 0 && kind == NoiseKind.Perception;
        a.Reset();
        b.Reset();
        var ha = default(History);
        var hb = default(History);
        var (movesA, movesB) = (new Move[turns], new Move[turns]);
        for (var t = 0; t < turns; t++)
        {
            var ma = a.Next(in ha, ref random);
            var mb = b.Next(in hb, ref random);
            if (action)
            {
                ma = Flip(ma, noise, ref random);
                mb = Flip(mb, noise, ref random);
            }
            movesA[t] = ma;
            movesB[t] = mb;
            var seenB = perception && random.NextBool(noise) ? (Move)((int)mb ^ 1) : mb;
            var seenA = perception && random.NextBool(noise) ? (Move)((int)ma ^ 1) : ma;
            ha.Record(ma, seenB);
            hb.Record(mb, seenA);
        }
        return (movesA, movesB);
    }

    /// <summary>The move, flipped with probability <paramref name="noise"/> (one draw).</summary>
    private static Move Flip(Move move, double noise, ref RandomStream random) =>
        random.NextBool(noise) ? (Move)((int)move ^ 1) : move;
}
