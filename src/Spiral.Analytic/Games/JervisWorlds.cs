namespace Spiral.Analytic.Games;

/// <summary>One cell of Jervis's table of the four worlds.</summary>
public sealed record JervisWorld(int Number, string Offense, string Postures, string Label, SecurityGame ExampleGame)
{
    public GameKind ExampleKind => ExampleGame.Kind;
}

/// <summary>
/// Jervis's four worlds (R. Jervis, "Cooperation under the Security Dilemma", 1978, p. 211): whether offense
/// or defense has the advantage, crossed with whether offensive and defensive postures can be distinguished.
/// </summary>
public static class JervisWorlds
{
    public static IReadOnlyList<JervisWorld> All { get; } =
    [
        new(1, "offense has the advantage", "not distinguishable", "Doubly dangerous",
            SecurityGame.FromOffenseDefense(1, 0)),
        new(2, "defense has the advantage", "not distinguishable", "Security dilemma, but security requirements may be compatible",
            SecurityGame.FromOffenseDefense(0, 0)),
        new(3, "offense has the advantage", "distinguishable", "No security dilemma, but aggression possible; status-quo states can follow different policies than aggressors; warning given",
            SecurityGame.FromOffenseDefense(1, 1)),
        new(4, "defense has the advantage", "distinguishable", "Doubly stable",
            SecurityGame.FromOffenseDefense(0, 1)),
    ];
}
