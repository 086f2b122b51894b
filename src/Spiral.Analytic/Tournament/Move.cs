namespace Spiral.Analytic.Tournament;

/// <summary>A move in the repeated security game: cooperate (restrain) or defect (arm).</summary>
public enum Move : byte
{
    C = 0,
    D = 1,
}

/// <summary>
/// What a player knows before choosing its next move: its own past moves and what it perceived of the
/// opponent's (with noise, perceptions may be wrong). Updated in place by the match engine, so strategies
/// read it without allocation.
/// </summary>
public struct History
{
    /// <summary>Turns already played.</summary>
    public int Turn;
    public Move OwnLast;
    public Move OwnSecondLast;
    public Move OpponentLast;
    public Move OpponentSecondLast;
    public int OwnDefections;
    public int OpponentDefections;

    public void Record(Move own, Move perceivedOpponent)
    {
        OwnSecondLast = OwnLast;
        OwnLast = own;
        OpponentSecondLast = OpponentLast;
        OpponentLast = perceivedOpponent;
        OwnDefections += (int)own;
        OpponentDefections += (int)perceivedOpponent;
        Turn++;
    }
}

/// <summary>Payoffs of the one-shot Prisoner's Dilemma: R reward, S sucker, T temptation, P punishment.</summary>
public sealed record PdPayoffs(double R = 3, double S = 0, double T = 5, double P = 1)
{
    /// <summary>Axelrod's (1984) standard payoffs.</summary>
    public static PdPayoffs Standard { get; } = new();

    public static PdPayoffs Create(double r, double s, double t, double p) =>
        new(Require.Finite(r, "R"), Require.Finite(s, "S"), Require.Finite(t, "T"), Require.Finite(p, "P"));

    /// <summary>Row player's payoff, indexed by (own move) * 2 + (opponent move).</summary>
    internal double[] RowTable() => [R, S, T, P];
}
