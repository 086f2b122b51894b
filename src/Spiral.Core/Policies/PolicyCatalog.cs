using Spiral.Core.Model;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Policies;

/// <summary>Every built-in policy by name, with its traits, parameters and a factory from a <see cref="PolicySpec"/>.</summary>
public static class PolicyCatalog
{
    public sealed record Entry(PolicyTraits Traits, IReadOnlyList<string> ParameterNames, Func<PolicySpec, IPolicy> Create)
    {
        public IReadOnlyList<PolicyParameter> Parameters => ParameterNames.Select(n => new PolicyParameter(n, Create(new PolicySpec(Traits.Name)) switch
        {
            _ => 0,
        }, -1e9, 1e9, false, "", "", "")).ToList();
    }

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DefensiveRealist"] = new(DefensiveRealist.TraitsValue, ["defensiveShift"],
            s => new DefensiveRealist { DefensiveShift = s.Get("defensiveShift", 0.6) }),
        ["OffensiveRealist"] = new(OffensiveRealist.TraitsValue, [], _ => new OffensiveRealist()),
        ["Richardson"] = new(Richardson.TraitsValue, ["reaction", "fatigue", "grievance"],
            s => new Richardson { Reaction = s.Get("reaction", 0.1), Fatigue = s.Get("fatigue", 0.2), Grievance = s.Get("grievance", 0.002) }),
        ["TitForTat"] = new(TitForTat.TraitsValue, ["maxCopy"], s => new TitForTat { MaxCopy = s.Get("maxCopy", 0.25) }),
        ["Grit"] = new(Grit.TraitsValue, ["cut", "tolerance", "floorShare"],
            s => new Grit { Cut = s.Get("cut", 0.05), Tolerance = s.Get("tolerance", 0.03), FloorShare = s.Get("floorShare", 0.5) }),
        ["CostlySignaller"] = new(CostlySignaller.TraitsValue, ["mistrustSignal", "signalInterval"],
            s => new CostlySignaller { MistrustSignal = s.Get("mistrustSignal", 0.02), SignalInterval = (int)s.Get("signalInterval", 3) }),
        ["Hawk"] = new(Hawk.TraitsValue, ["posture"], s => new Hawk { Posture = s.Get("posture", 0.9) }),
        ["Dove"] = new(Dove.TraitsValue, ["posture"], s => new Dove { Posture = s.Get("posture", 0.1) }),
        ["Scripted"] = new(Scripted.TraitsValue, ["crisis", "acceptCbm"],
            s => new Scripted(
                s.Series.TryGetValue("militaryShare", out var m) ? m : null,
                s.Series.TryGetValue("posture", out var p) ? p : null,
                (CrisisMove)Math.Clamp((int)s.Get("crisis", 0), -1, 1),
                s.Get("acceptCbm", 0) >= 0.5)),
    };

    public static IReadOnlyCollection<string> Names => Entries.Keys;

    public static IEnumerable<Entry> All => Entries.Values;

    public static bool TryGet(string name, out Entry entry) => Entries.TryGetValue(name, out entry!);

    public static IPolicy Create(PolicySpec spec) =>
        Entries.TryGetValue(spec.Name, out var e)
            ? e.Create(spec)
            : throw new ArgumentException($"unknown policy '{spec.Name}'; expected one of {string.Join(", ", Entries.Keys)}");
}
