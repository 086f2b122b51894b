using Spiral.Core.Scenarios;

namespace Spiral.Core.Policies;

/// <summary>
/// Every built-in policy by name, with its traits, its parameters (declared once beside each options record) and a
/// factory that reads a <see cref="PolicySpec"/> into the options record by those declarations.
/// </summary>
public static class PolicyCatalog
{
    public sealed record Entry(PolicyTraits Traits, IReadOnlyList<PolicyParameter> Parameters, Func<PolicySpec, IPolicy> Create)
    {
        public IReadOnlyList<string> ParameterNames { get; } = [.. Parameters.Select(p => p.Name)];
    }

    private static readonly Dictionary<string, Entry> Entries = new[]
    {
        Of(DefensiveRealist.TraitsValue, DefensiveRealistOptions.Declared, (o, _) => new DefensiveRealist(o)),
        Of(OffensiveRealist.TraitsValue, NoOptions.Declared, (_, _) => new OffensiveRealist()),
        Of(Richardson.TraitsValue, RichardsonOptions.Declared, (o, _) => new Richardson(o)),
        Of(TitForTat.TraitsValue, TitForTatOptions.Declared, (o, _) => new TitForTat(o)),
        Of(Grit.TraitsValue, GritOptions.Declared, (o, _) => new Grit(o)),
        Of(CostlySignaller.TraitsValue, CostlySignallerOptions.Declared, (o, _) => new CostlySignaller(o)),
        Of(Hawk.TraitsValue, HawkOptions.Declared, (o, _) => new Hawk(o)),
        Of(Dove.TraitsValue, DoveOptions.Declared, (o, _) => new Dove(o)),
        Of(Scripted.TraitsValue, ScriptedOptions.Declared, (o, s) => new Scripted(o with
        {
            MilitaryShare = s.Series.GetValueOrDefault("militaryShare"),
            Posture = s.Series.GetValueOrDefault("posture"),
        })),
    }.ToDictionary(e => e.Traits.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => Entries.Keys;

    public static IEnumerable<Entry> All => Entries.Values;

    public static bool TryGet(string name, out Entry entry) => Entries.TryGetValue(name, out entry!);

    /// <summary>The policy <paramref name="spec"/> names, with its parameters; an unknown name or parameter, or an invalid value, throws.</summary>
    public static IPolicy Create(PolicySpec spec) =>
        Entries.TryGetValue(spec.Name, out var e)
            ? e.Create(spec)
            : throw new ArgumentException($"unknown policy '{spec.Name}'; expected one of {string.Join(", ", Entries.Keys)}");

    private static Entry Of<TOptions>(PolicyTraits traits, PolicyOptions<TOptions> options, Func<TOptions, PolicySpec, IPolicy> create)
        where TOptions : new() =>
        new(traits, [.. options.Parameters], spec => create(options.Read(spec), spec));

    /// <summary>The options of a policy that takes no parameters.</summary>
    private sealed record NoOptions
    {
        public static readonly PolicyOptions<NoOptions> Declared = new("");
    }
}
