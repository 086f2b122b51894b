using System.Globalization;
using System.Text.Json.Nodes;
using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using static Spiral.IO.Scenarios.JsonValues;

namespace Spiral.IO.Scenarios;

/// <summary>
/// Maps a scenario tree onto the Core records (whose <see cref="Scenario.Validate"/> then checks the rest); parameters by the
/// catalog. Tolerant of a tree the schema rejected: a node of the wrong type or a value out of range keeps its default
/// (the schema reported it), and list items keep their index, so every later error still points at its own item.
/// </summary>
internal static class ScenarioMapper
{
    public static Scenario Map(JsonObject root)
    {
        var scenario = Declared(new Scenario
        {
            Name = Str(root["name"]) ?? "",
            Title = Str(root["title"]) ?? "",
            Description = Str(root["description"]) ?? "",
            Sources = StringList(root["sources"]),
            World = Declared(new WorldParameters(), ParameterScope.World, root["world"] as JsonObject),
            Model = Declared(ModelParameters.Default, ParameterScope.Model, root["model"] as JsonObject),
            States = Items(root["states"]).Select(MapState).ToList(),
            Dyads = Items(root["dyads"]).Select(MapDyad).ToList(),
            Alliances = Items(root["alliances"]).Select(MapAlliance).ToList(),
            Timeline = Items(root["timeline"]).Select(MapEvent).ToList(),
        }, ParameterScope.Scenario, root);
        return scenario;
    }

    /// <summary>The record with every catalog parameter of <paramref name="scope"/> that the mapping gives.</summary>
    private static T Declared<T>(T record, ParameterScope scope, JsonObject? node) where T : class
    {
        if (node is null)
        {
            return record;
        }
        foreach (var p in ParameterCatalog.Of(scope))
        {
            if (p.Type != ParameterType.Name && Num(node[p.Name]) is { } value && p.Check(value) is null)
            {
                record = ParameterCatalog.Assign(record, p, value);
            }
        }
        return record;
    }

    private static StateSpec MapState(JsonObject s)
    {
        var defaults = new StateSpec("", 1);
        return Declared(new StateSpec(Str(s["name"]) ?? "", defaults.Gdp)
        {
            Policy = MapPolicy(s["policy"]) ?? defaults.Policy,
            GreedyPolicy = MapPolicy(s["greedyPolicy"]) ?? defaults.GreedyPolicy,
            Identity = StringList(s["identity"]),
            GdpSeries = s["gdpSeries"] is JsonObject gdp ? YearSeries(gdp) : null,
        }, ParameterScope.State, s);
    }

    private static PolicySpec? MapPolicy(JsonNode? node)
    {
        if (Str(node) is { } name)
        {
            return new PolicySpec(name);
        }
        if (node is not JsonObject o)
        {
            return null;
        }
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in o["parameters"] as JsonObject ?? [])
        {
            if (Num(value) is { } v)
            {
                parameters[key] = v;
            }
        }
        var series = new Dictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.Ordinal);
        foreach (var (key, value) in o["series"] as JsonObject ?? [])
        {
            series[key] = YearSeries(value);
        }
        return new PolicySpec(Str(o["name"]) ?? "") { Parameters = parameters, Series = series };
    }

    /// <summary>A yearly series (calendar year → number); keys that are not years and values that are not numbers are left out (the schema reported them).</summary>
    private static SortedDictionary<int, double> YearSeries(JsonNode? node)
    {
        var years = new SortedDictionary<int, double>();
        foreach (var (year, v) in node as JsonObject ?? [])
        {
            if (int.TryParse(year, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y) && Num(v) is { } x)
            {
                years[y] = x;
            }
        }
        return years;
    }

    private static DyadSpec MapDyad(JsonObject d)
    {
        var between = d["between"] as JsonArray ?? [];
        return Declared(new DyadSpec(Str(between.ElementAtOrDefault(0)) ?? "", Str(between.ElementAtOrDefault(1)) ?? ""), ParameterScope.Dyad, d);
    }

    private static AllianceSpec MapAlliance(JsonObject a) =>
        Declared(new AllianceSpec(Str(a["name"]) ?? "", StringList(a["members"])), ParameterScope.Alliance, a);

    private static TimelineEvent MapEvent(JsonObject e)
    {
        var kind = Enum.TryParse<TimelineEventKind>(Str(e["event"]), ignoreCase: true, out var k) ? k : TimelineEventKind.Incident;
        return new TimelineEvent(Int(e["year"]) ?? int.MinValue, kind, StringList(e["actors"]), Num(e["value"]))
        {
            Name = Str(e["name"]),
            Description = Str(e["description"]) ?? "",
            Source = Str(e["source"]) ?? "",
        };
    }

    private static List<string> StringList(JsonNode? node) =>
        (node as JsonArray ?? []).Select(x => Str(x) ?? "").ToList();

    /// <summary>The items of a list, each as a mapping (an empty one where the item is not a mapping).</summary>
    private static IEnumerable<JsonObject> Items(JsonNode? node) =>
        (node as JsonArray ?? []).Select(x => x as JsonObject ?? []);
}
