namespace Spiral.Core.Model;

/// <summary>
/// Herman Kahn's 44-rung escalation ladder in its 7 groups (Kahn 1965, p. 39, as reproduced in Davis &amp; Stan,
/// RAND R-3235, 1984), as in data/kahn_escalation_ladder.csv. Crises climb its rungs; a test checks this table
/// against the data file.
/// </summary>
public static class EscalationLadder
{
    public readonly record struct Rung(int Number, string Name, string Group);

    public static readonly IReadOnlyList<string> Groups =
    [
        "Subcrisis Maneuvering", "Traditional Crises", "Intense Crises", "Bizarre Crises",
        "Exemplary Central Attacks", "Military Central Wars", "Civilian Central Wars",
    ];

    private static readonly (string Name, int Group)[] Table =
    [
        ("Ostensible crisis", 0), ("Political, economic, and diplomatic gestures", 0), ("Solemn and formal declarations", 0),
        ("Hardening of positions - confrontation of wills", 1), ("Show of force", 1), ("Significant mobilization", 1),
        ("\"Legal\" harassment - retortions", 1), ("Harassing acts of violence", 1), ("Dramatic military confrontations", 1),
        ("Provocative breaking off of diplomatic relations", 2), ("Super-ready status", 2), ("Large conventional war (or actions)", 2),
        ("Large compound escalation", 2), ("Declaration of limited conventional war", 2), ("Barely nuclear war", 2),
        ("Nuclear \"ultimatums\"", 2), ("Limited evacuation (about 20%)", 2), ("Spectacular show or demonstration of force", 2),
        ("\"Justifiable\" counterforce attack", 2), ("\"Peaceful\" worldwide embargo or blockade", 2),
        ("Local nuclear war - exemplary", 3), ("Declaration of limited nuclear war", 3), ("Local nuclear war - military", 3),
        ("Unusual, provocative, and significant countermeasures", 3), ("Evacuation (about 70%)", 3),
        ("Demonstration attack on zone of interior", 4), ("Exemplary attack on military", 4), ("Exemplary attacks against property", 4),
        ("Exemplary attacks on population", 4), ("Complete evacuation (about 95%)", 4), ("Reciprocal reprisals", 4),
        ("Formal declaration of \"general\" war", 5), ("Slow-motion counter-\"property\" war", 5), ("Slow-motion counterforce war", 5),
        ("Constrained force-reduction salvo", 5), ("Constrained disarming attack", 5), ("Counterforce-with-avoidance attack", 5),
        ("Unmodified counterforce attack", 5),
        ("Slow-motion countercity war", 6), ("Countervalue salvo", 6), ("Augmented disarming attack", 6),
        ("Civilian devastation attack", 6), ("Some other kinds of controlled general war", 6), ("Spasm or insensate war", 6),
    ];

    public static int Count => Table.Length;

    /// <summary>Rung by its number, 1..44.</summary>
    public static Rung At(int number)
    {
        var (name, group) = Table[Math.Clamp(number, 1, Table.Length) - 1];
        return new Rung(number, name, Groups[group]);
    }
}
