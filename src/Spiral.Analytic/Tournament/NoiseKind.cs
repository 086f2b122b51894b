namespace Spiral.Analytic.Tournament;

/// <summary>What the noise of a match flips.</summary>
public enum NoiseKind : byte
{
    /// <summary>
    /// Misperception (Jervis 1976), the default: each player perceives each of the opponent's moves wrongly with
    /// probability e, independently for the two players; the moves made, and so the payoffs, are not flipped.
    /// </summary>
    Perception = 0,

    /// <summary>
    /// Implementation error (Axelrod-Python's <c>Match(..., noise=e)</c>; Bendor 1993, cited there): each
    /// player's intended move is flipped with probability e before it is played; both players, and the payoffs, see
    /// the flipped move.
    /// </summary>
    Action = 1,
}
