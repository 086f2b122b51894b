using System.Globalization;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;

namespace Spiral.Core.Scenarios;

/// <summary>
/// One problem in a scenario: <see cref="Pointer"/> locates the bad value in the scenario's document form (a JSON
/// pointer such as <c>/states/1/empathy</c>, which the loader turns into file:line:column), <see cref="Location"/> names it
/// for people (<c>states[China].empathy</c>), <see cref="Message"/> says what is wrong and what was expected.
/// </summary>
public sealed record ScenarioIssue(string Pointer, string Location, string Message)
{
    /// <summary>The problem is the key itself (an unknown name), not its value.</summary>
    public bool AtKey { get; init; }

    public override string ToString() => Location.Length > 0 ? $"{Location}: {Message}" : Message;
}

/// <summary>A scenario built in code (a sweep point, an intervention, a web edit, a calibration candidate) is invalid.</summary>
public sealed class InvalidScenarioException(string scenario, IReadOnlyList<ScenarioIssue> issues)
    : ArgumentException($"scenario '{scenario}' is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, issues.Select(i => "  " + i))}")
{
    public IReadOnlyList<ScenarioIssue> Issues { get; } = issues;
}

/// <summary>
/// Every rule a scenario must satisfy before anything runs: each parameter of <see cref="ParameterCatalog"/> finite,
/// of its type and in its range; state names unique; dyads, alliances and events naming known states; event years
/// inside the horizon, actor counts and values per event kind; policy names and policy parameters known and in range;
/// each value of a state's observed GDP series in the range of <c>gdp</c>.
/// The loader reports these at file:line:column; code-built scenarios call <see cref="Scenario.EnsureValid"/>.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Kahn rungs that can open a crisis (1 .. 44, spasm war).</summary>
    public const int HighestRung = 44;

    /// <summary>Actors an event kind needs: (minimum, maximum).</summary>
    public static (int Min, int Max) ActorCount(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.CbmSigned or TimelineEventKind.HotlineOpened or TimelineEventKind.HotlineClosed or TimelineEventKind.War
            or TimelineEventKind.Incident or TimelineEventKind.RivalryChange => (2, 2),
        TimelineEventKind.RegimeChange or TimelineEventKind.EconomicShock or TimelineEventKind.InternalUnrest
            or TimelineEventKind.MilitaryShareSet => (1, 1),
        TimelineEventKind.AllianceJoined or TimelineEventKind.AllianceLeft => (1, int.MaxValue),
        _ => (0, 0),
    };

    public static IReadOnlyList<ScenarioIssue> Validate(Scenario s)
    {
        var issues = new List<ScenarioIssue>();
        void Add(string pointer, string path, string message) => issues.Add(new ScenarioIssue(pointer, path, message));
        void AddAtKey(string pointer, string path, string message) => issues.Add(new ScenarioIssue(pointer, path, message) { AtKey = true });

        if (string.IsNullOrWhiteSpace(s.Name))
        {
            Add("/name", "name", "is empty; expected a short identifier such as india-china-lac");
        }
        CheckParameters(ParameterScope.Scenario, s, "", "", Add);
        CheckParameters(ParameterScope.World, s.World, "/world", "world.", Add);
        CheckParameters(ParameterScope.Model, s.Model, "/model", "model.", Add);
        var m = s.Model;
        if (m.MinMilitaryShare > m.DevelopmentMilitaryShare || m.DevelopmentMilitaryShare > m.MaxMilitaryShare)
        {
            Add("/model/developmentMilitaryShare", "model.developmentMilitaryShare",
                $"shares out of order (min {F(m.MinMilitaryShare)}, development {F(m.DevelopmentMilitaryShare)}, max {F(m.MaxMilitaryShare)}); expected minMilitaryShare ≤ developmentMilitaryShare ≤ maxMilitaryShare");
        }

        var states = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (s.States.Count == 0)
        {
            Add("/states", "states", "has no states; expected at least one");
        }
        for (var i = 0; i < s.States.Count; i++)
        {
            var st = s.States[i];
            var at = $"/states/{i}";
            var path = $"states[{st.Name}]";
            if (string.IsNullOrWhiteSpace(st.Name))
            {
                Add($"{at}/name", $"states[{i}].name", "is empty; expected a state name");
            }
            else if (!states.TryAdd(st.Name, i))
            {
                Add($"{at}/name", $"states[{i}].name", $"duplicate state name '{st.Name}' (already states[{states[st.Name]}]); expected unique names (case-insensitive)");
            }
            CheckParameters(ParameterScope.State, st, at, path + ".", Add);
            CheckGdpSeries(st, at, path, Add);
            CheckPolicy(st.Policy, $"{at}/policy", $"{path}.policy", Add, AddAtKey);
            CheckPolicy(st.GreedyPolicy, $"{at}/greedyPolicy", $"{path}.greedyPolicy", Add, AddAtKey);
        }

        void KnownState(string name, string pointer, string path)
        {
            if (!states.ContainsKey(name))
            {
                Add(pointer, path, $"unknown state '{name}'; expected one of: {string.Join(", ", s.States.Select(x => x.Name))}");
            }
        }

        var pairs = new Dictionary<(string, string), int>();
        for (var d = 0; d < s.Dyads.Count; d++)
        {
            var dyad = s.Dyads[d];
            var at = $"/dyads/{d}";
            var path = $"dyads[{dyad.A},{dyad.B}]";
            KnownState(dyad.A, $"{at}/between/0", $"{path}.between[0]");
            KnownState(dyad.B, $"{at}/between/1", $"{path}.between[1]");
            if (ParameterCatalog.Same(dyad.A, dyad.B))
            {
                Add($"{at}/between/1", $"{path}.between[1]", $"a dyad names '{dyad.A}' twice; expected two different states");
            }
            else
            {
                var key = string.Compare(dyad.A, dyad.B, StringComparison.OrdinalIgnoreCase) < 0
                    ? (dyad.A.ToUpperInvariant(), dyad.B.ToUpperInvariant())
                    : (dyad.B.ToUpperInvariant(), dyad.A.ToUpperInvariant());
                if (!pairs.TryAdd(key, d))
                {
                    Add($"{at}/between", $"{path}", $"dyad {dyad.A}-{dyad.B} is already given as dyads[{pairs[key]}]; expected each pair once");
                }
            }
            CheckParameters(ParameterScope.Dyad, dyad, at, path + ".", Add);
        }

        var memberOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var allianceNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var a = 0; a < s.Alliances.Count; a++)
        {
            var alliance = s.Alliances[a];
            var at = $"/alliances/{a}";
            var path = $"alliances[{alliance.Name}]";
            if (!allianceNames.Add(alliance.Name))
            {
                Add($"{at}/name", $"{path}.name", $"duplicate alliance name '{alliance.Name}'; expected unique names");
            }
            for (var k = 0; k < alliance.Members.Count; k++)
            {
                var member = alliance.Members[k];
                KnownState(member, $"{at}/members/{k}", $"{path}.members[{k}]");
                if (!states.ContainsKey(member))
                {
                    continue;
                }
                if (memberOf.TryGetValue(member, out var other))
                {
                    Add($"{at}/members/{k}", $"{path}.members[{k}]", other == alliance.Name
                        ? $"'{member}' is listed twice; expected each member once"
                        : $"'{member}' is already a member of alliance '{other}'; a state belongs to at most one alliance");
                }
                else
                {
                    memberOf[member] = alliance.Name;
                }
            }
            CheckParameters(ParameterScope.Alliance, alliance, at, path + ".", Add);
        }

        for (var e = 0; e < s.Timeline.Count; e++)
        {
            CheckEvent(s, s.Timeline[e], $"/timeline/{e}", $"timeline[{e}]", KnownState, Add);
        }
        return issues;
    }

    private static void CheckParameters(ParameterScope scope, object owner, string pointer, string path, Action<string, string, string> add)
    {
        foreach (var p in ParameterCatalog.Of(scope))
        {
            if (p.Type == ParameterType.Name)
            {
                continue;
            }
            var value = ParameterCatalog.Value(p, owner);
            if (value is { } v && p.Check(v) is { } problem)
            {
                add($"{pointer}/{p.Name}", path + p.Name, problem);
            }
        }
    }

    /// <summary>Each value of an observed GDP series is a GDP: finite and in the range of <c>gdp</c> (the catalog's one definition).</summary>
    private static void CheckGdpSeries(StateSpec st, string at, string path, Action<string, string, string> add)
    {
        if (st.GdpSeries is not { } series)
        {
            return;
        }
        var gdp = ParameterCatalog.Find(ParameterScope.State, "gdp")!;
        foreach (var (year, value) in series)
        {
            if (gdp.Check(value) is { } problem)
            {
                add($"{at}/gdpSeries/{year.ToString(CultureInfo.InvariantCulture)}", $"{path}.gdpSeries[{year.ToString(CultureInfo.InvariantCulture)}]",
                    $"{problem} (a GDP, in the unit of gdp)");
            }
        }
    }

    private static void CheckPolicy(PolicySpec spec, string pointer, string path, Action<string, string, string> add, Action<string, string, string> addAtKey)
    {
        if (!PolicyCatalog.TryGet(spec.Name, out var entry))
        {
            add(pointer, path, $"unknown policy '{spec.Name}'; expected one of: {string.Join(", ", PolicyCatalog.Names)}");
            return;
        }
        foreach (var (key, value) in spec.Parameters)
        {
            var at = $"{pointer}/parameters/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (ParameterCatalog.FindPolicyParameter(entry.Traits.Name, key) is not { } p)
            {
                addAtKey(at, $"{path}.{key}", entry.Parameters.Count == 0
                    ? $"unknown parameter '{key}': policy {entry.Traits.Name} takes no parameters"
                    : $"unknown parameter '{key}' of policy {entry.Traits.Name}; expected one of: {string.Join(", ", entry.Parameters.Select(x => x.Name))}");
            }
            else if (p.Check(value) is { } problem)
            {
                add(at, $"{path}.{key}", problem);
            }
        }
        if (spec.Series.Count > 0 && !string.Equals(entry.Traits.Name, "Scripted", StringComparison.Ordinal))
        {
            addAtKey($"{pointer}/series", $"{path}.series", $"policy {entry.Traits.Name} reads no series; expected 'series' only with the Scripted policy");
        }
    }

    private static void CheckEvent(Scenario s, TimelineEvent ev, string at, string path, Action<string, string, string> knownState, Action<string, string, string> add)
    {
        var last = Recording.TimeConvention.LastYear(s.StartYear, s.Steps);
        if (ev.Year < s.StartYear || ev.Year > last)
        {
            add($"{at}/year", $"{path}.year", $"year {ev.Year} is outside the scenario; expected a year in [{s.StartYear}, {last}] (startYear to startYear + steps - 1)");
        }
        var kind = char.ToLowerInvariant(ev.Kind.ToString()[0]) + ev.Kind.ToString()[1..];
        var count = ActorCount(ev.Kind);
        for (var k = 0; k < ev.Actors.Count; k++)
        {
            knownState(ev.Actors[k], $"{at}/actors/{k}", $"{path}.actors[{k}]");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < ev.Actors.Count; k++)
        {
            if (!seen.Add(ev.Actors[k]))
            {
                add($"{at}/actors/{k}", $"{path}.actors[{k}]", count.Max == 2
                    ? $"'{kind}' names '{ev.Actors[k]}' twice; expected two different states"
                    : $"'{ev.Actors[k]}' is listed twice; expected each actor once");
            }
        }
        var n = ev.Actors.Count;
        if (n < count.Min || n > count.Max)
        {
            var expected = count switch
            {
                (0, 0) => "no actors",
                (1, 1) => "exactly 1 actor (a state event)",
                (2, 2) => "exactly 2 different actors (a dyad event)",
                _ => $"at least {count.Min} actor",
            };
            add(n == 0 ? at : $"{at}/actors", $"{path}.actors", $"'{kind}' has {n} actor{(n == 1 ? "" : "s")}; expected {expected}");
        }

        var valueAt = $"{at}/value";
        var valuePath = $"{path}.value";
        void Range(double lo, bool loOpen, double hi, bool hiOpen, string what)
        {
            if (ev.Value is { } v && (!double.IsFinite(v) || (loOpen ? v <= lo : v < lo) || (hiOpen ? v >= hi : v > hi)))
            {
                add(valueAt, valuePath, $"{F(v)} is out of range for '{kind}'; expected {what}");
            }
        }
        void Required(string what)
        {
            if (ev.Value is null)
            {
                add(at, path, $"'{kind}' needs a 'value': {what}");
            }
        }
        switch (ev.Kind)
        {
            case TimelineEventKind.CbmSigned:
                Range(0, false, 1, false, "a transparency gain in [0, 1]");
                break;
            case TimelineEventKind.HotlineOpened:
                Range(0, false, 1, false, "a hotline strength in [0, 1]");
                break;
            case TimelineEventKind.RegimeChange:
                Range(0, false, 1, false, "the new greed probability in [0, 1]");
                break;
            case TimelineEventKind.InternalUnrest:
                Range(0, false, 1, false, "an internal-threat increase in [0, 1]");
                break;
            case TimelineEventKind.EconomicShock:
                Required("the relative GDP change, > -1 (e.g. -0.05 for a 5% fall)");
                Range(-1, true, 100, false, "a relative GDP change in (-1, 100]");
                break;
            case TimelineEventKind.Incident:
                if (ev.Value is { } rung && (!double.IsFinite(rung) || rung != Math.Floor(rung) || rung < 1 || rung > HighestRung))
                {
                    add(valueAt, valuePath, $"{F(rung)} is not a valid starting rung; expected an integer Kahn rung in [1, {HighestRung}]");
                }
                break;
            case TimelineEventKind.War:
                if (ev.Value is { } years && (!double.IsFinite(years) || years != Math.Floor(years) || years < 1 || years > 1000))
                {
                    add(valueAt, valuePath, $"{F(years)} is not a valid war duration; expected a whole number of years in [1, 1000], or no value for a drawn duration");
                }
                break;
            case TimelineEventKind.AllianceJoined:
                if (string.IsNullOrEmpty(ev.Name))
                {
                    add(at, path, "'allianceJoined' needs a 'name': the alliance the actors form or join");
                }
                Range(0, false, 1, false, "an alliance commitment in [0, 1]");
                break;
            case TimelineEventKind.RivalryChange:
                Required("the new rivalry in [0, 1]");
                Range(0, false, 1, false, "a rivalry in [0, 1]");
                break;
            case TimelineEventKind.MilitaryShareSet:
                Required("the military share of GDP in [0, 1]");
                Range(0, false, 1, false, "a military share of GDP in [0, 1]");
                break;
            case TimelineEventKind.WorldParameterSet:
            {
                var names = string.Join(", ", ParameterCatalog.Of(ParameterScope.World).Select(p => p.Name));
                if (string.IsNullOrEmpty(ev.Name))
                {
                    add(at, path, $"'worldParameterSet' needs a 'name'; expected one of: {names}");
                }
                else if (ParameterCatalog.Find(ParameterScope.World, ev.Name) is not { } p)
                {
                    add($"{at}/name", $"{path}.name", $"unknown world parameter '{ev.Name}'; expected one of: {names}");
                }
                else if (ev.Value is null)
                {
                    add(at, path, $"'worldParameterSet' needs a 'value': the new value of {p.Name}, {p.Expected}");
                }
                else if (p.Check(ev.Value.Value) is { } problem)
                {
                    add(valueAt, valuePath, $"{p.Name}: {problem}");
                }
                break;
            }
        }
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
