using System.Globalization;
using System.Reflection;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

namespace Spiral.Experiments.Counterfactuals;

/// <summary>A path or value that does not name a settable scenario parameter.</summary>
public sealed class ScenarioPathException(string message) : ArgumentException(message);

/// <summary>
/// Sets any scenario parameter by its path, returning a new scenario (scenarios are values):
/// <c>world.offenseAdvantage</c>, <c>model.trustThreshold</c>, <c>states[china].empathy</c>,
/// <c>states[china].policy</c>, <c>dyads[india,china].hotline</c>, <c>priorBelief</c>, <c>defaultReach</c>,
/// <c>steps</c>. A bare world-parameter name (<c>institutions</c>) is short for <c>world.institutions</c>.
/// Used by sweeps, counterfactual interventions and the web explorer.
/// </summary>
public static class ScenarioPaths
{
    public static readonly IReadOnlyList<string> WorldFields =
        ["offenseAdvantage", "distinguishability", "institutions", "observationNoise", "depreciation", "incidentBaseRate"];

    public static readonly IReadOnlyList<string> StateFields =
        ["gdp", "growth", "militaryShare", "offensiveStock", "defensiveStock", "posture", "greedProbability",
         "internalThreat", "developmentPriority", "empathy", "resolve", "policy", "greedyPolicy"];

    public static readonly IReadOnlyList<string> DyadFields =
        ["reach", "reachAB", "reachBA", "rivalry", "transparency", "hotline", "beliefAB", "beliefBA"];

    public static readonly IReadOnlyList<string> ModelFields =
        typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite).Select(p => Camel(p.Name)).ToArray();

    /// <summary>Sets the value at <paramref name="path"/>; the value is parsed as a number unless the field takes a name.</summary>
    public static Scenario Set(Scenario scenario, string path, string value)
    {
        path = path.Trim();
        if (!path.Contains('.') && !path.Contains('['))
        {
            return path switch
            {
                "priorBelief" => scenario with { PriorBelief = Number(path, value, 0, 1) },
                "defaultReach" => scenario with { DefaultReach = Number(path, value, 0, 1) },
                "steps" => scenario with { Steps = (int)Number(path, value, 1, 1000) },
                _ when WorldFields.Contains(path) => Set(scenario, "world." + path, value),
                _ => throw new ScenarioPathException(
                    $"unknown parameter path '{path}'; expected world.FIELD, model.FIELD, states[NAME].FIELD, dyads[A,B].FIELD, priorBelief, defaultReach, steps or one of {string.Join(", ", WorldFields)}"),
            };
        }
        if (path.StartsWith("world.", StringComparison.Ordinal))
        {
            return scenario with { World = SetWorld(scenario.World, path["world.".Length..], value, path) };
        }
        if (path.StartsWith("model.", StringComparison.Ordinal))
        {
            return scenario with { Model = SetModel(scenario.Model, path["model.".Length..], value, path) };
        }
        if (path.StartsWith("states[", StringComparison.Ordinal))
        {
            var (names, field) = Indexed(path, "states[");
            if (names.Length != 1)
            {
                throw new ScenarioPathException($"'{path}': expected states[NAME].FIELD with one state name");
            }
            var i = StateIndex(scenario, names[0], path);
            var states = scenario.States.ToList();
            states[i] = SetState(states[i], field, value, path);
            return scenario with { States = states };
        }
        if (path.StartsWith("dyads[", StringComparison.Ordinal))
        {
            var (names, field) = Indexed(path, "dyads[");
            if (names.Length != 2)
            {
                throw new ScenarioPathException($"'{path}': expected dyads[A,B].FIELD with two state names");
            }
            var a = scenario.States[StateIndex(scenario, names[0], path)].Name;
            var b = scenario.States[StateIndex(scenario, names[1], path)].Name;
            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                throw new ScenarioPathException($"'{path}': a dyad needs two different states");
            }
            var dyads = scenario.Dyads.ToList();
            var k = dyads.FindIndex(d => Same(d.A, a) && Same(d.B, b) || Same(d.A, b) && Same(d.B, a));
            var dyad = k >= 0 ? dyads[k] : new DyadSpec(a, b, scenario.DefaultReach);
            var swapped = k >= 0 && Same(dyad.A, b);
            dyad = SetDyad(dyad, field, value, path, swapped);
            if (k >= 0) dyads[k] = dyad; else dyads.Add(dyad);
            return scenario with { Dyads = dyads };
        }
        throw new ScenarioPathException($"unknown parameter path '{path}'");
    }

    public static Scenario Set(Scenario scenario, string path, double value) =>
        Set(scenario, path, value.ToString("R", CultureInfo.InvariantCulture));

    internal static bool Same(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private static int StateIndex(Scenario s, string name, string path)
    {
        var i = s.IndexOf(name.Trim());
        return i >= 0 ? i : throw new ScenarioPathException(
            $"'{path}': unknown state '{name.Trim()}'; expected one of {string.Join(", ", s.States.Select(x => x.Name))}");
    }

    private static (string[] Names, string Field) Indexed(string path, string prefix)
    {
        var close = path.IndexOf(']');
        if (close < 0 || close + 2 > path.Length || path[close + 1] != '.')
        {
            throw new ScenarioPathException($"'{path}': expected {prefix}...].FIELD");
        }
        return (path[prefix.Length..close].Split(','), path[(close + 2)..]);
    }

    private static double Number(string path, string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new ScenarioPathException($"'{path}': '{value}' is not a finite number");
        }
        if (v < min || v > max)
        {
            throw new ScenarioPathException($"'{path}': {value} is out of range; expected a number in [{min}, {max}]");
        }
        return v;
    }

    private static WorldParameters SetWorld(WorldParameters w, string field, string value, string path) => field switch
    {
        "offenseAdvantage" => w with { OffenseAdvantage = Number(path, value, 0.01, 100) },
        "distinguishability" => w with { Distinguishability = Number(path, value, 0, 1) },
        "institutions" => w with { Institutions = Number(path, value, 0, 1) },
        "observationNoise" => w with { ObservationNoise = Number(path, value, 0, 10) },
        "depreciation" => w with { Depreciation = Number(path, value, 0, 0.99) },
        "incidentBaseRate" => w with { IncidentBaseRate = Number(path, value, 0, 100) },
        _ => throw new ScenarioPathException($"'{path}': unknown world field '{field}'; expected one of {string.Join(", ", WorldFields)}"),
    };

    private static ModelParameters SetModel(ModelParameters m, string field, string value, string path)
    {
        var property = typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.CanWrite && string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))
            ?? throw new ScenarioPathException($"'{path}': unknown model parameter '{field}'; expected one of {string.Join(", ", ModelFields)}");
        var copy = m with { };
        object boxed = property.PropertyType == typeof(int)
            ? (int)Number(path, value, 0, 1_000_000)
            : Number(path, value, -1e9, 1e9);
        property.SetValue(copy, boxed);
        return copy;
    }

    private static StateSpec SetState(StateSpec s, string field, string value, string path) => field switch
    {
        "gdp" => s with { Gdp = Number(path, value, 1e-9, 1e12) },
        "growth" => s with { Growth = Number(path, value, -0.5, 0.5) },
        "militaryShare" => s with { MilitaryShare = Number(path, value, 0, 1) },
        "offensiveStock" => s with { OffensiveStock = Number(path, value, 0, 1e15) },
        "defensiveStock" => s with { DefensiveStock = Number(path, value, 0, 1e15) },
        "posture" => s with { Posture = Number(path, value, 0, 1) },
        "greedProbability" => s with { GreedProbability = Number(path, value, 0, 1) },
        "internalThreat" => s with { InternalThreat = Number(path, value, 0, 1) },
        "developmentPriority" => s with { DevelopmentPriority = Number(path, value, 0, 1) },
        "empathy" => s with { Empathy = Number(path, value, 0, 1) },
        "resolve" => s with { Resolve = Number(path, value, 0, 1) },
        "policy" => s with { Policy = Policy(value, path) },
        "greedyPolicy" => s with { GreedyPolicy = Policy(value, path) },
        _ => throw new ScenarioPathException($"'{path}': unknown state field '{field}'; expected one of {string.Join(", ", StateFields)}"),
    };

    private static PolicySpec Policy(string name, string path) =>
        PolicyCatalog.TryGet(name.Trim(), out var entry)
            ? new PolicySpec(entry.Traits.Name)
            : throw new ScenarioPathException($"'{path}': unknown policy '{name}'; expected one of {string.Join(", ", PolicyCatalog.Names)}");

    private static DyadSpec SetDyad(DyadSpec d, string field, string value, string path, bool swapped) => field switch
    {
        "reach" => d with { Reach = Number(path, value, 0, 1) },
        "reachAB" => swapped ? d with { ReachBA = Number(path, value, 0, 1) } : d with { ReachAB = Number(path, value, 0, 1) },
        "reachBA" => swapped ? d with { ReachAB = Number(path, value, 0, 1) } : d with { ReachBA = Number(path, value, 0, 1) },
        "rivalry" => d with { Rivalry = Number(path, value, 0, 1) },
        "transparency" => d with { Transparency = Number(path, value, 0, 1) },
        "hotline" => d with { Hotline = Number(path, value, 0, 1) },
        "beliefAB" => swapped ? d with { BeliefBA = Number(path, value, 0, 1) } : d with { BeliefAB = Number(path, value, 0, 1) },
        "beliefBA" => swapped ? d with { BeliefAB = Number(path, value, 0, 1) } : d with { BeliefBA = Number(path, value, 0, 1) },
        _ => throw new ScenarioPathException($"'{path}': unknown dyad field '{field}'; expected one of {string.Join(", ", DyadFields)}"),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
