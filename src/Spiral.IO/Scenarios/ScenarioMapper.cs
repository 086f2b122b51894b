using System.Globalization;
using System.Text.Json.Nodes;
using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using static Spiral.IO.Scenarios.ScenarioChecks;

namespace Spiral.IO.Scenarios;

/// <summary>Maps a tree that passed the schema and the semantic checks onto the Core records.</summary>
internal static class ScenarioMapper
{
    public static Scenario Map(JsonObject root)
    {
        var states = (root["states"] as JsonArray ?? []).Select(s => MapState((JsonObject)s!)).ToList();
        return new Scenario
        {
            Name = Str(root["name"])!,
            Title = Str(root["title"]) ?? "",
            Description = Str(root["description"]) ?? "",
            StartYear = Int(root["startYear"]) ?? 2000,
            Steps = Int(root["steps"]) ?? 50,
            DefaultReach = Num(root["defaultReach"]) ?? 0,
            PriorBelief = Num(root["priorBelief"]),
            Sources = StringList(root["sources"]),
            World = MapWorld(root["world"] as JsonObject),
            Model = MapModel(root["model"] as JsonObject),
            States = states,
            Dyads = (root["dyads"] as JsonArray ?? []).Select(d => MapDyad((JsonObject)d!)).ToList(),
            Alliances = (root["alliances"] as JsonArray ?? []).Select(a => MapAlliance((JsonObject)a!)).ToList(),
            Timeline = (root["timeline"] as JsonArray ?? []).Select(e => MapEvent((JsonObject)e!)).ToList(),
        };
    }

    private static WorldParameters MapWorld(JsonObject? w)
    {
        var d = new WorldParameters();
        return w is null
            ? d
            : new WorldParameters(
                Num(w["offenseAdvantage"]) ?? d.OffenseAdvantage,
                Num(w["distinguishability"]) ?? d.Distinguishability,
                Num(w["institutions"]) ?? d.Institutions,
                Num(w["observationNoise"]) ?? d.ObservationNoise,
                Num(w["depreciation"]) ?? d.Depreciation,
                Num(w["incidentBaseRate"]) ?? d.IncidentBaseRate);
    }

    private static ModelParameters MapModel(JsonObject? m)
    {
        if (m is null || m.Count == 0)
        {
            return ModelParameters.Default;
        }
        var model = ModelParameters.Default with { };
        foreach (var (key, value) in m)
        {
            var property = ScenarioSchema.ModelProperties[key];
            object boxed = property.PropertyType == typeof(int) ? (object)Int(value)!.Value : Num(value)!.Value;
            property.SetValue(model, boxed);
        }
        return model;
    }

    private static StateSpec MapState(JsonObject s)
    {
        var defaults = new StateSpec("", 1);
        return new StateSpec(
            Str(s["name"])!,
            Num(s["gdp"])!.Value,
            Num(s["growth"]) ?? defaults.Growth,
            Num(s["militaryShare"]) ?? defaults.MilitaryShare,
            Num(s["offensiveStock"]) ?? defaults.OffensiveStock,
            Num(s["defensiveStock"]) ?? defaults.DefensiveStock,
            Num(s["posture"]) ?? defaults.Posture,
            Num(s["greedProbability"]) ?? defaults.GreedProbability,
            Num(s["internalThreat"]) ?? defaults.InternalThreat,
            Num(s["developmentPriority"]) ?? defaults.DevelopmentPriority,
            Num(s["empathy"]) ?? defaults.Empathy,
            Num(s["resolve"]) ?? defaults.Resolve)
        {
            Policy = MapPolicy(s["policy"]) ?? defaults.Policy,
            GreedyPolicy = MapPolicy(s["greedyPolicy"]) ?? defaults.GreedyPolicy,
            Identity = StringList(s["identity"]),
        };
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
            parameters[key] = Num(value)!.Value;
        }
        var series = new Dictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.Ordinal);
        foreach (var (key, value) in o["series"] as JsonObject ?? [])
        {
            var years = new SortedDictionary<int, double>();
            foreach (var (year, v) in value as JsonObject ?? [])
            {
                years[int.Parse(year, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)] = Num(v)!.Value;
            }
            series[key] = years;
        }
        return new PolicySpec(Str(o["name"])!) { Parameters = parameters, Series = series };
    }

    private static DyadSpec MapDyad(JsonObject d)
    {
        var between = (JsonArray)d["between"]!;
        var defaults = new DyadSpec("", "");
        return new DyadSpec(
            Str(between[0])!,
            Str(between[1])!,
            Num(d["reach"]) ?? defaults.Reach,
            Num(d["rivalry"]) ?? defaults.Rivalry,
            Num(d["transparency"]) ?? defaults.Transparency,
            Num(d["hotline"]) ?? defaults.Hotline)
        {
            ReachAB = Num(d["reachAB"]),
            ReachBA = Num(d["reachBA"]),
            BeliefAB = Num(d["beliefAB"]),
            BeliefBA = Num(d["beliefBA"]),
        };
    }

    private static AllianceSpec MapAlliance(JsonObject a) =>
        new(Str(a["name"])!, StringList(a["members"]), Num(a["commitment"]) ?? 0.5);

    private static TimelineEvent MapEvent(JsonObject e)
    {
        var kindName = Str(e["event"])!;
        var kind = Enum.Parse<TimelineEventKind>(kindName, ignoreCase: true);
        return new TimelineEvent(Int(e["year"])!.Value, kind, StringList(e["actors"]), Num(e["value"]))
        {
            Name = Str(e["name"]),
            Description = Str(e["description"]) ?? "",
            Source = Str(e["source"]) ?? "",
        };
    }

    private static List<string> StringList(JsonNode? node) =>
        (node as JsonArray ?? []).Select(x => Str(x)!).ToList();
}
