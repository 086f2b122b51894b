using System.Globalization;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;

namespace Spiral.IO.Explorer;

/// <summary>
/// Parameter changes as the explorer makes them: any path of <see cref="ScenarioPaths"/>, plus a bare state field
/// (<c>empathy</c>, <c>greedProbability</c>, <c>internalThreat</c>, <c>developmentPriority</c>) meaning "every state".
/// </summary>
public static class ScenarioEdits
{
    public static readonly IReadOnlyList<string> AllStatesFields = ["empathy", "greedProbability", "internalThreat", "developmentPriority", "policy"];

    /// <exception cref="ScenarioPathException">Unknown path or a value out of range.</exception>
    public static Scenario Apply(Scenario scenario, string path, string value)
    {
        var p = path.Trim();
        if (AllStatesFields.Contains(p))
        {
            return scenario.States.Aggregate(scenario, (sc, s) => ScenarioPaths.Set(sc, $"states[{s.Name}].{p}", value));
        }
        return ScenarioPaths.Set(scenario, p, value);
    }

    public static Scenario Apply(Scenario scenario, string path, double value) =>
        Apply(scenario, path, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Applies <c>PATH=VALUE</c> assignments in order (the explorer's <c>?set=</c> query).</summary>
    public static Scenario ApplyAll(Scenario scenario, IEnumerable<string> assignments)
    {
        foreach (var a in assignments)
        {
            var eq = a.IndexOf('=');
            if (eq <= 0)
            {
                throw new ScenarioPathException($"'{a}': expected PATH=VALUE, e.g. world.offenseAdvantage=2");
            }
            scenario = Apply(scenario, a[..eq], a[(eq + 1)..]);
        }
        return scenario;
    }

    /// <summary>The dyads the explorer offers controls for: the scenario's own, or every pair that can reach each other.</summary>
    public static IReadOnlyList<DyadSpec> EditableDyads(Scenario scenario)
    {
        var names = scenario.States.Select(s => s.Name).ToList();
        var list = new List<DyadSpec>();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var d = scenario.Dyads.FirstOrDefault(x =>
                    (Same(x.A, names[i]) && Same(x.B, names[j])) || (Same(x.A, names[j]) && Same(x.B, names[i])));
                if (d is not null)
                {
                    list.Add(d);
                }
                else if (scenario.DefaultReach > 0)
                {
                    list.Add(new DyadSpec(names[i], names[j], scenario.DefaultReach));
                }
            }
        }
        return list;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
