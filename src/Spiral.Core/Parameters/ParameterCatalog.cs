using System.Globalization;
using System.Reflection;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Parameters;

/// <summary>A path or value that does not name a settable scenario parameter, or a value out of its range.</summary>
public sealed class ScenarioPathException(string message) : ArgumentException(message);

/// <summary>Where a parameter lives in a scenario.</summary>
public enum ParameterScope { Scenario, World, Model, State, Dyad, Alliance, Policy }

/// <summary>What a parameter's value is: a real number, an integer, or one name of a fixed list (a policy).</summary>
public enum ParameterType { Real, Integer, Name }

/// <summary>One parameter of the catalog: the one definition of its name, type, range, default, unit, source and meaning.</summary>
public sealed record ParameterInfo
{
    public required string Name { get; init; }
    public required ParameterScope Scope { get; init; }
    /// <summary>The path that addresses it, with placeholders: <c>world.offenseAdvantage</c>, <c>states[NAME].empathy</c>, <c>dyads[A,B].hotline</c>, <c>states[NAME].policy.reaction</c>.</summary>
    public required string Path { get; init; }
    public required ParameterType Type { get; init; }
    public double Min { get; init; }
    public double Max { get; init; }
    public bool MinExclusive { get; init; }
    public bool MaxExclusive { get; init; }
    /// <summary>The default; null for an optional value that is unset by default (see <see cref="Unset"/>).</summary>
    public double? Default { get; init; }
    /// <summary>For an optional value: what leaving it unset means; empty for a required one.</summary>
    public string Unset { get; init; } = "";
    public string Unit { get; init; } = "";
    public string Source { get; init; } = "";
    public string Meaning { get; init; } = "";
    /// <summary>For <see cref="ParameterType.Name"/>: the allowed names.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
    /// <summary>For <see cref="ParameterType.Name"/>: the default name.</summary>
    public string? DefaultChoice { get; init; }
    /// <summary>For <see cref="ParameterScope.Policy"/>: the policy that reads it.</summary>
    public string? Policy { get; init; }
    /// <summary>A behavioural constant (<see cref="ScenarioParameterAttribute.Behavioural"/>): drawn over its range in validation's robustness check.</summary>
    public bool Behavioural { get; init; }

    internal PropertyInfo? Property { get; init; }

    public bool IsOptional => Unset.Length > 0;

    /// <summary>The default in words: the number, the default name, what an unset value means, or "required".</summary>
    public string DefaultText => Default is { } d ? Format(d) : DefaultChoice ?? (IsOptional ? $"unset: {Unset}" : "required");

    /// <summary>The valid values in words, e.g. <c>a number in (0, 100]</c> or <c>an integer in [1, 44]</c>.</summary>
    public string Expected => Type switch
    {
        ParameterType.Name => $"one of: {string.Join(", ", Choices)}",
        ParameterType.Integer => $"an integer in {RangeText}",
        _ => $"a number in {RangeText}",
    };

    public string RangeText =>
        $"{(MinExclusive ? "(" : "[")}{Format(Min)}, {Format(Max)}{(MaxExclusive ? ")" : "]")}";

    /// <summary>Null when <paramref name="value"/> is valid, else what is wrong and what was expected.</summary>
    public string? Check(double value)
    {
        if (!double.IsFinite(value))
        {
            return $"{Format(value)} is not a finite number; expected {Expected}";
        }
        if (Type == ParameterType.Integer && value != Math.Floor(value))
        {
            return $"{Format(value)} is not an integer; expected {Expected}";
        }
        var below = MinExclusive ? value <= Min : value < Min;
        var above = MaxExclusive ? value >= Max : value > Max;
        return below || above ? $"{Format(value)} is out of range; expected {Expected}" : null;
    }

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// Every parameter a scenario sets, read from the <see cref="ScenarioParameterAttribute"/> declarations on the scenario records and
/// from the policies' option records (<see cref="PolicyCatalog"/>): the one list that the scenario schema, the loader's
/// checks, sweeps, counterfactual interventions, the web explorer, calibration and <c>spiral params</c> read.
/// Paths: <c>steps</c>, <c>startYear</c>, <c>defaultReach</c>, <c>priorBelief</c>, <c>world.FIELD</c> (or the bare field),
/// <c>model.FIELD</c>, <c>states[NAME].FIELD</c>, <c>states[*].FIELD</c> (every state), <c>states[NAME].policy</c>,
/// <c>states[NAME].policy.PARAMETER</c> (and <c>greedyPolicy</c>), <c>dyads[A,B].FIELD</c>, <c>alliances[NAME].commitment</c>.
/// </summary>
public static class ParameterCatalog
{
    private static readonly IReadOnlyList<ParameterInfo> ScenarioEntries = Declared(typeof(Scenario), ParameterScope.Scenario, n => n, new Scenario { Name = "", States = [] });
    private static readonly IReadOnlyList<ParameterInfo> WorldEntries = Declared(typeof(WorldParameters), ParameterScope.World, n => $"world.{n}", new WorldParameters());
    private static readonly IReadOnlyList<ParameterInfo> ModelEntries = Declared(typeof(ModelParameters), ParameterScope.Model, n => $"model.{n}", ModelParameters.Default);
    private static readonly IReadOnlyList<ParameterInfo> StateEntries =
        [.. Declared(typeof(StateSpec), ParameterScope.State, n => $"states[NAME].{n}", new StateSpec("", 1)), .. PolicyChoices()];
    private static readonly IReadOnlyList<ParameterInfo> DyadEntries = Declared(typeof(DyadSpec), ParameterScope.Dyad, n => $"dyads[A,B].{n}", new DyadSpec("", ""));
    private static readonly IReadOnlyList<ParameterInfo> AllianceEntries = Declared(typeof(AllianceSpec), ParameterScope.Alliance, n => $"alliances[NAME].{n}", new AllianceSpec("", []));
    private static readonly IReadOnlyList<ParameterInfo> PolicyEntries = PolicyParameters();

    /// <summary>Every parameter, in the order scenario, world, model, state, dyad, alliance, policy.</summary>
    public static IReadOnlyList<ParameterInfo> All { get; } =
        [.. ScenarioEntries, .. WorldEntries, .. ModelEntries, .. StateEntries, .. DyadEntries, .. AllianceEntries, .. PolicyEntries];

    public static IReadOnlyList<ParameterInfo> Of(ParameterScope scope) => scope switch
    {
        ParameterScope.Scenario => ScenarioEntries,
        ParameterScope.World => WorldEntries,
        ParameterScope.Model => ModelEntries,
        ParameterScope.State => StateEntries,
        ParameterScope.Dyad => DyadEntries,
        ParameterScope.Alliance => AllianceEntries,
        _ => PolicyEntries,
    };

    /// <summary>The parameter of <paramref name="scope"/> named <paramref name="name"/> (camelCase), or null.</summary>
    public static ParameterInfo? Find(ParameterScope scope, string name) =>
        Of(scope).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The parameter <paramref name="name"/> of policy <paramref name="policy"/>, or null.</summary>
    public static ParameterInfo? FindPolicyParameter(string policy, string name) =>
        PolicyEntries.FirstOrDefault(p => string.Equals(p.Policy, policy, StringComparison.OrdinalIgnoreCase) && p.Name == name);

    /// <summary>The world parameters of a scenario with one of them changed (a timeline's <c>worldParameterSet</c>).</summary>
    public static WorldParameters SetWorld(WorldParameters world, string name, double value)
    {
        var p = Find(ParameterScope.World, name) ?? throw new ScenarioPathException(
            $"unknown world parameter '{name}'; expected one of: {string.Join(", ", WorldEntries.Select(e => e.Name))}");
        return With(world, p, value, $"world.{name}");
    }

    /// <summary>A copy of a scenario record (the scenario, world or model parameters, a state, dyad or alliance) with its declared parameter <paramref name="info"/> set.</summary>
    /// <exception cref="ScenarioPathException">A value of the wrong type or out of range.</exception>
    public static T Assign<T>(T owner, ParameterInfo info, double value) where T : class => With(owner, info, value, info.Path);

    /// <summary>Sets the value at <paramref name="path"/> (a number, or a policy name), returning a new scenario.</summary>
    /// <exception cref="ScenarioPathException">Unknown path, a value of the wrong type, or a value out of range.</exception>
    public static Scenario Set(Scenario scenario, string path, string value)
    {
        var target = Resolve(scenario, path.Trim());
        if (target.Info.Type == ParameterType.Name)
        {
            var name = value.Trim();
            var choice = target.Info.Choices.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ScenarioPathException($"'{path}': '{value}' is not allowed; expected {target.Info.Expected}");
            return target.Write(scenario, choice);
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new ScenarioPathException($"'{path}': '{value}' is not a number; expected {target.Info.Expected}");
        }
        return Set(scenario, target, number, path);
    }

    public static Scenario Set(Scenario scenario, string path, double value) => Set(scenario, Resolve(scenario, path.Trim()), value, path);

    /// <summary>Applies <c>PATH=VALUE</c> assignments in order (the explorer's <c>?set=</c> query, <c>compare -i PATH=VALUE</c>).</summary>
    public static Scenario SetAll(Scenario scenario, IEnumerable<string> assignments)
    {
        foreach (var a in assignments)
        {
            var eq = a.IndexOf('=');
            if (eq <= 0)
            {
                throw new ScenarioPathException($"'{a}': expected PATH=VALUE, e.g. world.offenseAdvantage=2");
            }
            scenario = Set(scenario, a[..eq], a[(eq + 1)..]);
        }
        return scenario;
    }

    /// <summary>The parameter a path addresses (checks the path against the scenario: state names, dyads, policies).</summary>
    public static ParameterInfo Describe(Scenario scenario, string path) => Resolve(scenario, path.Trim()).Info;

    /// <summary>
    /// The value in effect at <paramref name="path"/>: an unset optional value reads as what it defaults to (a derived
    /// stock, the dyad's reach, a dyad the scenario does not list as <c>defaultReach</c>).
    /// </summary>
    public static double Get(Scenario scenario, string path)
    {
        var target = Resolve(scenario, path.Trim());
        if (target.Info.Type == ParameterType.Name)
        {
            throw new ScenarioPathException($"'{path}': a policy name, not a number");
        }
        return target.Read(scenario) ?? throw new ScenarioPathException($"'{path}': not set in the scenario ({target.Info.Unset})");
    }

    private static Scenario Set(Scenario scenario, Target target, double value, string path)
    {
        if (target.Info.Type == ParameterType.Name)
        {
            throw new ScenarioPathException($"'{path}': expected {target.Info.Expected}");
        }
        if (target.Info.Check(value) is { } problem)
        {
            throw new ScenarioPathException($"'{path}': {problem}");
        }
        return target.Write(scenario, value);
    }

    /// <summary>A resolved path: the parameter, how to read its effective value, and how to write a new one.</summary>
    private sealed record Target(ParameterInfo Info, Func<Scenario, double?> Read, Func<Scenario, object, Scenario> Write);

    private static Target Resolve(Scenario s, string path)
    {
        if (path.StartsWith("world.", StringComparison.Ordinal) || (!path.Contains('.') && !path.Contains('[') && Find(ParameterScope.World, path) is not null))
        {
            var info = Lookup(ParameterScope.World, path.StartsWith("world.", StringComparison.Ordinal) ? path["world.".Length..] : path, path);
            return new Target(info, sc => Value(info, sc.World), (sc, v) => sc with { World = With(sc.World, info, v, path) });
        }
        if (path.StartsWith("model.", StringComparison.Ordinal))
        {
            var info = Lookup(ParameterScope.Model, path["model.".Length..], path);
            return new Target(info, sc => Value(info, sc.Model), (sc, v) => sc with { Model = With(sc.Model, info, v, path) });
        }
        if (path.StartsWith("states[", StringComparison.Ordinal))
        {
            return StateTarget(s, path);
        }
        if (path.StartsWith("dyads[", StringComparison.Ordinal))
        {
            return DyadTarget(s, path);
        }
        if (path.StartsWith("alliances[", StringComparison.Ordinal))
        {
            var (names, field) = Indexed(path, "alliances[");
            var k = s.Alliances.ToList().FindIndex(a => Same(a.Name, names[0]));
            if (names.Length != 1 || k < 0)
            {
                throw new ScenarioPathException($"'{path}': unknown alliance '{string.Join(",", names)}'; expected one of: {string.Join(", ", s.Alliances.Select(a => a.Name))}");
            }
            var info = Lookup(ParameterScope.Alliance, field, path);
            return new Target(info, sc => Value(info, sc.Alliances[k]),
                (sc, v) => sc with { Alliances = Replace(sc.Alliances, k, With(sc.Alliances[k], info, v, path)) });
        }
        if (!path.Contains('.') && !path.Contains('[') && Find(ParameterScope.Scenario, path) is { } top)
        {
            return new Target(top, sc => Value(top, sc), (sc, v) => With(sc, top, v, path));
        }
        throw new ScenarioPathException(
            $"unknown parameter path '{path}'; expected world.FIELD, model.FIELD, states[NAME].FIELD, states[*].FIELD, states[NAME].policy.PARAMETER, " +
            $"dyads[A,B].FIELD, alliances[NAME].commitment, {string.Join(", ", ScenarioEntries.Select(e => e.Name))} or a world field ({string.Join(", ", WorldEntries.Select(e => e.Name))}); `spiral params` lists them all");
    }

    private static Target StateTarget(Scenario s, string path)
    {
        var (names, field) = Indexed(path, "states[");
        if (names.Length != 1)
        {
            throw new ScenarioPathException($"'{path}': expected states[NAME].FIELD with one state name (or * for every state)");
        }
        var all = names[0] == "*";
        var indices = all ? Enumerable.Range(0, s.States.Count).ToArray() : [StateIndex(s, names[0], path)];
        var dot = field.IndexOf('.');
        if (dot > 0)
        {
            var which = field[..dot];
            var parameter = field[(dot + 1)..];
            if (which is not ("policy" or "greedyPolicy"))
            {
                throw new ScenarioPathException($"'{path}': expected states[NAME].policy.PARAMETER or states[NAME].greedyPolicy.PARAMETER");
            }
            PolicySpec SpecOf(StateSpec st) => which == "policy" ? st.Policy : st.GreedyPolicy;
            var policies = indices.Select(i => SpecOf(s.States[i]).Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            // Every addressed state's policy must have the parameter; the first one describes it.
            var info = policies.Select(p => FindPolicyParameter(p, parameter) ?? throw new ScenarioPathException(
                $"'{path}': policy {p} has no parameter '{parameter}'; expected {PolicyParameterList(p)}")).ToList()[0];
            return new Target(info,
                sc => SpecOf(sc.States[indices[0]]).Parameters.TryGetValue(parameter, out var v) ? v : FindPolicyParameter(SpecOf(sc.States[indices[0]]).Name, parameter)!.Default,
                (sc, v) =>
                {
                    var states = sc.States.ToList();
                    foreach (var i in indices)
                    {
                        var spec = SpecOf(states[i]);
                        var problem = FindPolicyParameter(spec.Name, parameter)!.Check((double)v);
                        if (problem is not null)
                        {
                            throw new ScenarioPathException($"'{path}': {problem}");
                        }
                        var parameters = new Dictionary<string, double>(spec.Parameters, StringComparer.Ordinal) { [parameter] = (double)v };
                        var updated = spec with { Parameters = parameters };
                        states[i] = which == "policy" ? states[i] with { Policy = updated } : states[i] with { GreedyPolicy = updated };
                    }
                    return sc with { States = states };
                });
        }
        var stateInfo = Lookup(ParameterScope.State, field, path);
        return new Target(stateInfo,
            sc => EffectiveState(sc, sc.States[indices[0]], stateInfo),
            (sc, v) =>
            {
                var states = sc.States.ToList();
                foreach (var i in indices)
                {
                    states[i] = stateInfo.Type == ParameterType.Name
                        ? WithPolicy(states[i], stateInfo.Name, (string)v)
                        : With(states[i], stateInfo, v, path);
                }
                return sc with { States = states };
            });
    }

    private static double? EffectiveState(Scenario sc, StateSpec state, ParameterInfo info) => info.Name switch
    {
        "offensiveStock" => state.InitialOffense(sc.World.Depreciation),
        "defensiveStock" => state.InitialDefense(sc.World.Depreciation),
        _ when info.Type == ParameterType.Name => null,
        _ => Value(info, state),
    };

    private static StateSpec WithPolicy(StateSpec state, string field, string policy) => field == "policy"
        ? state with { Policy = new PolicySpec(policy) }
        : state with { GreedyPolicy = new PolicySpec(policy) };

    private static Target DyadTarget(Scenario s, string path)
    {
        var (names, field) = Indexed(path, "dyads[");
        if (names.Length != 2)
        {
            throw new ScenarioPathException($"'{path}': expected dyads[A,B].FIELD with two state names");
        }
        var a = s.States[StateIndex(s, names[0], path)].Name;
        var b = s.States[StateIndex(s, names[1], path)].Name;
        if (Same(a, b))
        {
            throw new ScenarioPathException($"'{path}': a dyad needs two different states");
        }
        var info = Lookup(ParameterScope.Dyad, field, path);
        int IndexIn(Scenario sc) => sc.Dyads.ToList().FindIndex(d => (Same(d.A, a) && Same(d.B, b)) || (Same(d.A, b) && Same(d.B, a)));
        // A directed field named for A→B addresses B→A when the scenario lists the dyad the other way round.
        ParameterInfo Directed(DyadSpec d) =>
            Same(d.A, b) && (info.Name.EndsWith("AB", StringComparison.Ordinal) || info.Name.EndsWith("BA", StringComparison.Ordinal))
                ? Find(ParameterScope.Dyad, info.Name[..^2] + (info.Name.EndsWith("AB", StringComparison.Ordinal) ? "BA" : "AB"))!
                : info;
        return new Target(info,
            sc =>
            {
                var k = IndexIn(sc);
                var d = k >= 0 ? sc.Dyads[k] : new DyadSpec(a, b, sc.DefaultReach);
                var v = Value(Directed(d), d);
                return v ?? (info.Name.StartsWith("reach", StringComparison.Ordinal) ? d.Reach : null);
            },
            (sc, v) =>
            {
                var dyads = sc.Dyads.ToList();
                var k = IndexIn(sc);
                var d = k >= 0 ? dyads[k] : new DyadSpec(a, b, sc.DefaultReach);
                d = With(d, Directed(d), v, path);
                if (k >= 0) dyads[k] = d; else dyads.Add(d);
                return sc with { Dyads = dyads };
            });
    }

    private static ParameterInfo Lookup(ParameterScope scope, string field, string path) =>
        Find(scope, field) ?? throw new ScenarioPathException(
            $"'{path}': unknown {scope.ToString().ToLowerInvariant()} parameter '{field}'; expected one of: {string.Join(", ", Of(scope).Select(e => e.Name))}");

    private static int StateIndex(Scenario s, string name, string path)
    {
        var i = s.IndexOf(name.Trim());
        return i >= 0 ? i : throw new ScenarioPathException(
            $"'{path}': unknown state '{name.Trim()}'; expected one of: {string.Join(", ", s.States.Select(x => x.Name))}");
    }

    private static (string[] Names, string Field) Indexed(string path, string prefix)
    {
        var close = path.IndexOf(']');
        if (close < 0 || close + 2 > path.Length || path[close + 1] != '.')
        {
            throw new ScenarioPathException($"'{path}': expected {prefix}...].FIELD");
        }
        return (path[prefix.Length..close].Split(',', StringSplitOptions.TrimEntries), path[(close + 2)..]);
    }

    internal static bool Same(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int k, T item)
    {
        var copy = list.ToList();
        copy[k] = item;
        return copy;
    }

    private static string PolicyParameterList(string policy)
    {
        var names = PolicyEntries.Where(p => Same(p.Policy!, policy)).Select(p => p.Name).ToList();
        return names.Count == 0 ? "none (it takes no parameters)" : $"one of: {string.Join(", ", names)}";
    }

    // ---------------------------------------------------------------- reading the declarations

    /// <summary>The value of a declared property of a record (null for an optional value left unset).</summary>
    internal static double? Value(ParameterInfo info, object owner) => info.Property!.GetValue(owner) switch
    {
        double d => info.Name is "offensiveStock" or "defensiveStock" && d == StateSpec.DerivedStock ? null : d,
        int i => i,
        _ => null,
    };

    /// <summary>A copy of a record with one declared property changed (records are values).</summary>
    private static T With<T>(T owner, ParameterInfo info, object value, string path) where T : class
    {
        if (value is double d && info.Check(d) is { } problem)
        {
            throw new ScenarioPathException($"'{path}': {problem}");
        }
        var clone = (T)owner.GetType().GetMethod("<Clone>$")!.Invoke(owner, null)!;
        var property = info.Property!;
        var boxed = property.PropertyType == typeof(int) ? (int)(double)value : value;
        property.SetValue(clone, boxed);
        return clone;
    }

    private static List<ParameterInfo> Declared(Type type, ParameterScope scope, Func<string, string> path, object defaults) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ScenarioParameterAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x =>
            {
                var name = char.ToLowerInvariant(x.Property.Name[0]) + x.Property.Name[1..];
                var a = x.Attribute!;
                var info = new ParameterInfo
                {
                    Name = name,
                    Scope = scope,
                    Path = path(name),
                    Type = x.Property.PropertyType == typeof(int) ? ParameterType.Integer : ParameterType.Real,
                    Min = a.Min, Max = a.Max, MinExclusive = a.MinExclusive, MaxExclusive = a.MaxExclusive,
                    Unset = a.Unset, Unit = a.Unit, Source = a.Source, Meaning = a.Meaning,
                    Behavioural = a.Behavioural,
                    Property = x.Property,
                };
                return info with { Default = Value(info, defaults) };
            })
            .ToList();

    private static IEnumerable<ParameterInfo> PolicyChoices()
    {
        var defaults = new StateSpec("", 1);
        return new[]
            {
                ("policy", "The policy the state follows when its drawn type is Security.", defaults.Policy.Name),
                ("greedyPolicy", "The policy the state follows when its drawn type is Greedy.", defaults.GreedyPolicy.Name),
            }
            .Select(x => new ParameterInfo
            {
                DefaultChoice = x.Item3,
                Name = x.Item1,
                Scope = ParameterScope.State,
                Path = $"states[NAME].{x.Item1}",
                Type = ParameterType.Name,
                Choices = PolicyCatalog.Names.ToList(),
                Meaning = x.Item2,
                Source = "DESIGN.md 3.4",
                Property = typeof(StateSpec).GetProperty(x.Item1 == "policy" ? nameof(StateSpec.Policy) : nameof(StateSpec.GreedyPolicy)),
            });
    }

    private static List<ParameterInfo> PolicyParameters() =>
        PolicyCatalog.All.SelectMany(entry => entry.Parameters.Select(p => new ParameterInfo
        {
            Name = p.Name,
            Scope = ParameterScope.Policy,
            Path = $"states[NAME].policy.{p.Name}",
            Policy = entry.Traits.Name,
            Type = p.IsInteger ? ParameterType.Integer : ParameterType.Real,
            Min = p.Min,
            Max = p.Max,
            Default = p.Default,
            Unit = p.Unit,
            Source = p.Source,
            Meaning = p.Meaning,
        })).ToList();
}
