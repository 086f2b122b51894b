using System.Reflection;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;

namespace Spiral.Experiments.Calibration;

/// <summary>
/// Reads the current numeric value at a scenario path (the paths of <see cref="ScenarioPaths"/>:
/// <c>world.FIELD</c>, <c>model.FIELD</c>, <c>states[NAME].FIELD</c>, <c>dyads[A,B].FIELD</c>, <c>priorBelief</c>,
/// <c>defaultReach</c>), so a calibration can start from the scenario's own values.
/// </summary>
public static class ScenarioValues
{
    public static double Get(Scenario scenario, string path)
    {
        var p = path.Trim();
        if (p == "priorBelief")
        {
            return scenario.PriorBelief ?? throw new ScenarioPathException($"'{path}': the scenario sets no priorBelief");
        }
        if (p == "defaultReach")
        {
            return scenario.DefaultReach;
        }
        if (!p.Contains('.') && ScenarioPaths.WorldFields.Contains(p))
        {
            p = "world." + p;
        }
        if (p.StartsWith("world.", StringComparison.Ordinal))
        {
            return Property(scenario.World, p["world.".Length..], path);
        }
        if (p.StartsWith("model.", StringComparison.Ordinal))
        {
            return Property(scenario.Model, p["model.".Length..], path);
        }
        var close = p.IndexOf(']');
        if (close > 0 && close + 2 <= p.Length && p[close + 1] == '.')
        {
            var field = p[(close + 2)..];
            if (p.StartsWith("states[", StringComparison.Ordinal))
            {
                var i = scenario.IndexOf(p["states[".Length..close].Trim());
                if (i < 0)
                {
                    throw new ScenarioPathException($"'{path}': unknown state");
                }
                var s = scenario.States[i];
                return field switch
                {
                    "offensiveStock" => s.InitialOffense(scenario.World.Depreciation),
                    "defensiveStock" => s.InitialDefense(scenario.World.Depreciation),
                    _ => Property(s, field, path),
                };
            }
            if (p.StartsWith("dyads[", StringComparison.Ordinal))
            {
                var names = p["dyads[".Length..close].Split(',', StringSplitOptions.TrimEntries);
                if (names.Length != 2)
                {
                    throw new ScenarioPathException($"'{path}': expected dyads[A,B].FIELD");
                }
                var d = scenario.Dyads.FirstOrDefault(x => Same(x.A, names[0]) && Same(x.B, names[1]) || Same(x.A, names[1]) && Same(x.B, names[0]));
                if (d is null)
                {
                    return field switch
                    {
                        "reach" or "reachAB" or "reachBA" => scenario.DefaultReach,
                        "rivalry" or "transparency" or "hotline" => 0,
                        _ => throw new ScenarioPathException($"'{path}': the scenario has no such dyad to read a {field} from"),
                    };
                }
                var swapped = Same(d.A, names[1]);
                return field switch
                {
                    "reachAB" => (swapped ? d.ReachBA : d.ReachAB) ?? d.Reach,
                    "reachBA" => (swapped ? d.ReachAB : d.ReachBA) ?? d.Reach,
                    "beliefAB" => (swapped ? d.BeliefBA : d.BeliefAB) ?? throw new ScenarioPathException($"'{path}': not set in the scenario"),
                    "beliefBA" => (swapped ? d.BeliefAB : d.BeliefBA) ?? throw new ScenarioPathException($"'{path}': not set in the scenario"),
                    _ => Property(d, field, path),
                };
            }
        }
        throw new ScenarioPathException($"unknown parameter path '{path}'");
    }

    private static bool Same(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private static double Property(object target, string field, string path)
    {
        var property = target.GetType().GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new ScenarioPathException($"'{path}': unknown field '{field}'");
        return property.GetValue(target) switch
        {
            double d => d,
            int i => i,
            _ => throw new ScenarioPathException($"'{path}': '{field}' is not a number"),
        };
    }
}
