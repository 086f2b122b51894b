using Spiral.Analytic.Tournament.Strategies;

namespace Spiral.Analytic.Tournament;

/// <summary>The strategies available by name.</summary>
public static class StrategyCatalog
{
    private static readonly (string Name, Func<Strategy> Create)[] Entries =
    [
        (nameof(TitForTat), () => new TitForTat()),
        (nameof(TitForTwoTats), () => new TitForTwoTats()),
        (nameof(SuspiciousTitForTat), () => new SuspiciousTitForTat()),
        (nameof(GenerousTitForTat), () => new GenerousTitForTat()),
        (nameof(Grudger), () => new Grudger()),
        (nameof(WinStayLoseShift), () => new WinStayLoseShift()),
        (nameof(Grit), () => new Grit()),
        (nameof(Alternator), () => new Alternator()),
        (nameof(AlwaysCooperate), () => new AlwaysCooperate()),
        (nameof(AlwaysDefect), () => new AlwaysDefect()),
        ("Random", () => new RandomPlayer()),
        (nameof(Joss), () => new Joss()),
        (nameof(Prober), () => new Prober()),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TFT"] = nameof(TitForTat),
        ["TF2T"] = nameof(TitForTwoTats),
        ["STFT"] = nameof(SuspiciousTitForTat),
        ["GTFT"] = nameof(GenerousTitForTat),
        ["Grim"] = nameof(Grudger),
        ["Pavlov"] = nameof(WinStayLoseShift),
        ["WSLS"] = nameof(WinStayLoseShift),
        ["AllC"] = nameof(AlwaysCooperate),
        ["AllD"] = nameof(AlwaysDefect),
    };

    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>The deterministic strategies, for benchmarks and exact tests.</summary>
    public static IReadOnlyList<string> DeterministicNames { get; } =
        Entries.Where(e => !e.Create().Traits.Stochastic).Select(e => e.Name).ToArray();

    /// <summary>Canonical name for a name or alias (case-insensitive).</summary>
    public static string Resolve(string name)
    {
        var trimmed = name.Trim();
        if (Aliases.TryGetValue(trimmed, out var alias))
        {
            return alias;
        }
        foreach (var e in Entries)
        {
            if (string.Equals(e.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return e.Name;
            }
        }
        throw new ModelInputException($"Unknown strategy '{trimmed}'. Known strategies: {string.Join(", ", Names)} (aliases: {string.Join(", ", Aliases.Keys)}).");
    }

    public static Strategy Create(string name)
    {
        var canonical = Resolve(name);
        return Entries.First(e => e.Name == canonical).Create();
    }
}
