using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spiral.Core.Model;
using Spiral.Core.Policies;

namespace Spiral.IO.Scenarios;

/// <summary>
/// Rules the schema cannot express: state names that must exist and be unique, policy names and parameters,
/// actor counts per event kind, event years within the horizon, and per-kind event values. Tolerant of a tree
/// the schema rejected: nodes of the wrong type are skipped (the schema already reported them).
/// </summary>
internal static class ScenarioChecks
{
    /// <summary>Actors an event kind needs: (minimum, maximum, distinct).</summary>
    private static readonly Dictionary<string, (int Min, int Max)> ActorCounts = new(StringComparer.Ordinal)
    {
        ["cbmSigned"] = (2, 2),
        ["hotlineOpened"] = (2, 2),
        ["hotlineClosed"] = (2, 2),
        ["war"] = (2, 2),
        ["incident"] = (2, 2),
        ["rivalryChange"] = (2, 2),
        ["regimeChange"] = (1, 1),
        ["economicShock"] = (1, 1),
        ["internalUnrest"] = (1, 1),
        ["militaryShareSet"] = (1, 1),
        ["allianceJoined"] = (1, int.MaxValue),
        ["allianceLeft"] = (1, int.MaxValue),
        ["worldParameterSet"] = (0, 0),
    };

    /// <summary>Allowed value range per world parameter a timeline event may set.</summary>
    private static readonly Dictionary<string, (double Lo, bool LoOpen, double Hi, bool HiOpen)> WorldRanges = new(StringComparer.Ordinal)
    {
        ["offenseAdvantage"] = (0, true, double.PositiveInfinity, true),
        ["distinguishability"] = (0, false, 1, false),
        ["institutions"] = (0, false, 1, false),
        ["observationNoise"] = (0, false, double.PositiveInfinity, true),
        ["depreciation"] = (0, true, 1, true),
        ["incidentBaseRate"] = (0, false, double.PositiveInfinity, true),
    };

    public static void Run(JsonObject root, Action<string, bool, string> error)
    {
        var states = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (root["states"] is JsonArray stateArray)
        {
            for (var i = 0; i < stateArray.Count; i++)
            {
                if (stateArray[i] is not JsonObject s)
                {
                    continue;
                }
                if (Str(s["name"]) is { Length: > 0 } name)
                {
                    if (states.TryGetValue(name, out var first))
                    {
                        error($"/states/{i}/name", false, $"duplicate state name '{name}' (already states[{first}]); expected unique names (case-insensitive)");
                    }
                    else
                    {
                        states[name] = i;
                    }
                }
                CheckPolicy(s["policy"], $"/states/{i}/policy", error);
                CheckPolicy(s["greedyPolicy"], $"/states/{i}/greedyPolicy", error);
            }
        }

        void CheckState(JsonNode? node, string pointer)
        {
            if (Str(node) is { Length: > 0 } name && !states.ContainsKey(name))
            {
                error(pointer, false, $"unknown state '{name}'; expected one of: {string.Join(", ", states.Keys)}");
            }
        }

        if (root["dyads"] is JsonArray dyads)
        {
            var pairs = new Dictionary<(string, string), int>();
            for (var d = 0; d < dyads.Count; d++)
            {
                if (dyads[d] is not JsonObject dyad || dyad["between"] is not JsonArray between)
                {
                    continue;
                }
                for (var k = 0; k < between.Count; k++)
                {
                    CheckState(between[k], $"/dyads/{d}/between/{k}");
                }
                if (between.Count == 2 && Str(between[0]) is { } a && Str(between[1]) is { } b)
                {
                    if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
                    {
                        error($"/dyads/{d}/between/1", false, $"a dyad names '{a}' twice; expected two different states");
                    }
                    else
                    {
                        var key = string.Compare(a, b, StringComparison.OrdinalIgnoreCase) < 0
                            ? (a.ToUpperInvariant(), b.ToUpperInvariant())
                            : (b.ToUpperInvariant(), a.ToUpperInvariant());
                        if (pairs.TryGetValue(key, out var first))
                        {
                            error($"/dyads/{d}/between", false, $"dyad {a}-{b} is already given as dyads[{first}]; expected each pair once");
                        }
                        else
                        {
                            pairs[key] = d;
                        }
                    }
                }
            }
        }

        if (root["alliances"] is JsonArray alliances)
        {
            var memberOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var a = 0; a < alliances.Count; a++)
            {
                if (alliances[a] is not JsonObject alliance)
                {
                    continue;
                }
                var allianceName = Str(alliance["name"]) ?? $"alliances[{a}]";
                if (Str(alliance["name"]) is { } n && !names.Add(n))
                {
                    error($"/alliances/{a}/name", false, $"duplicate alliance name '{n}'; expected unique names");
                }
                if (alliance["members"] is not JsonArray members)
                {
                    continue;
                }
                for (var k = 0; k < members.Count; k++)
                {
                    var pointer = $"/alliances/{a}/members/{k}";
                    CheckState(members[k], pointer);
                    if (Str(members[k]) is { } m && states.ContainsKey(m))
                    {
                        if (memberOf.TryGetValue(m, out var other))
                        {
                            error(pointer, false, other == allianceName
                                ? $"'{m}' is listed twice; expected each member once"
                                : $"'{m}' is already a member of alliance '{other}'; a state belongs to at most one alliance");
                        }
                        else
                        {
                            memberOf[m] = allianceName;
                        }
                    }
                }
            }
        }

        if (root["timeline"] is JsonArray timeline)
        {
            var startYear = Int(root["startYear"]) ?? 2000;
            var steps = Int(root["steps"]) ?? 50;
            for (var e = 0; e < timeline.Count; e++)
            {
                if (timeline[e] is JsonObject ev)
                {
                    CheckEvent(ev, $"/timeline/{e}", startYear, steps, CheckState, error);
                }
            }
        }
    }

    private static void CheckEvent(JsonObject ev, string at, int startYear, int steps, Action<JsonNode?, string> checkState, Action<string, bool, string> error)
    {
        if (Int(ev["year"]) is { } year && (year < startYear || year >= startYear + steps))
        {
            error($"{at}/year", false, $"year {year} is outside the scenario; expected a year in [{startYear}, {startYear + steps - 1}] (startYear to startYear + steps - 1)");
        }
        var kind = Str(ev["event"]);
        if (kind is null || !ActorCounts.TryGetValue(kind, out var count))
        {
            return;
        }
        var actors = ev["actors"] as JsonArray;
        var n = actors?.Count ?? 0;
        if (actors is not null)
        {
            for (var k = 0; k < actors.Count; k++)
            {
                checkState(actors[k], $"{at}/actors/{k}");
            }
            if (n == 2 && count.Max == 2 && Str(actors[0]) is { } a && Str(actors[1]) is { } b && string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                error($"{at}/actors/1", false, $"'{kind}' names '{a}' twice; expected two different states");
            }
            if (count.Max > 2)
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (var k = 0; k < actors.Count; k++)
                {
                    if (Str(actors[k]) is { } s && !seen.Add(s))
                    {
                        error($"{at}/actors/{k}", false, $"'{s}' is listed twice; expected each actor once");
                    }
                }
            }
        }
        if (n < count.Min || n > count.Max)
        {
            var expected = (count.Min, count.Max) switch
            {
                (0, 0) => "no actors",
                (1, 1) => "exactly 1 actor (a state event)",
                (2, 2) => "exactly 2 different actors (a dyad event)",
                _ => $"at least {count.Min} actor",
            };
            error(actors is null ? at : $"{at}/actors", false, $"'{kind}' has {n} actor{(n == 1 ? "" : "s")}; expected {expected}");
        }

        var valueNode = ev["value"];
        var value = Num(valueNode);
        var valueAt = $"{at}/value";
        void Range(double lo, bool loOpen, double hi, bool hiOpen, string what)
        {
            if (value is { } v && (loOpen ? v <= lo : v < lo || (hiOpen ? v >= hi : v > hi)))
            {
                error(valueAt, false, $"{v.ToString(CultureInfo.InvariantCulture)} is out of range for '{kind}'; expected {what}");
            }
        }
        void Required(string what)
        {
            if (valueNode is null && !ev.ContainsKey("value"))
            {
                error(at, false, $"'{kind}' needs a 'value': {what}");
            }
        }
        switch (kind)
        {
            case "cbmSigned":
                Range(0, false, 1, false, "a transparency gain in [0, 1]");
                break;
            case "hotlineOpened":
                Range(0, false, 1, false, "a hotline strength in [0, 1]");
                break;
            case "regimeChange":
                Range(0, false, 1, false, "the new greed probability in [0, 1]");
                break;
            case "internalUnrest":
                Range(0, false, 1, false, "an internal-threat increase in [0, 1]");
                break;
            case "economicShock":
                Required("the relative GDP change, > -1 (e.g. -0.05 for a 5% fall)");
                Range(-1, true, double.PositiveInfinity, true, "a relative GDP change > -1");
                break;
            case "incident":
                if (value is { } rung && (rung != Math.Floor(rung) || rung < 1 || rung >= EscalationRungs))
                {
                    error(valueAt, false, $"{rung.ToString(CultureInfo.InvariantCulture)} is not a valid starting rung; expected an integer Kahn rung in [1, {EscalationRungs - 1}]");
                }
                break;
            case "allianceJoined":
                if (Str(ev["name"]) is null)
                {
                    error(at, false, "'allianceJoined' needs a 'name': the alliance the actors form or join");
                }
                Range(0, false, 1, false, "an alliance commitment in [0, 1]");
                break;
            case "rivalryChange":
                Required("the new rivalry in [0, 1]");
                Range(0, false, 1, false, "a rivalry in [0, 1]");
                break;
            case "militaryShareSet":
                Required("the military share of GDP in [0, 1]");
                Range(0, false, 1, false, "a military share of GDP in [0, 1]");
                break;
            case "worldParameterSet":
            {
                var name = Str(ev["name"]);
                if (name is null)
                {
                    error(at, false, $"'worldParameterSet' needs a 'name'; expected one of: {string.Join(", ", TimelineEffects.WorldParameterNames)}");
                }
                else if (!TimelineEffects.WorldParameterNames.Contains(name) || !WorldRanges.TryGetValue(name, out var r))
                {
                    error($"{at}/name", false, $"unknown world parameter '{name}'; expected one of: {string.Join(", ", TimelineEffects.WorldParameterNames)}");
                }
                else
                {
                    Required($"the new value of {name}");
                    var what = (r.Lo, r.LoOpen, r.Hi, r.HiOpen) switch
                    {
                        (_, true, double.PositiveInfinity, _) => $"{name} > {r.Lo}",
                        (_, false, double.PositiveInfinity, _) => $"{name} ≥ {r.Lo}",
                        _ => $"{name} in {(r.LoOpen ? "(" : "[")}{r.Lo}, {r.Hi}{(r.HiOpen ? ")" : "]")}",
                    };
                    Range(r.Lo, r.LoOpen, r.Hi, r.HiOpen, what);
                }
                break;
            }
        }
    }

    /// <summary>Rungs of Kahn's ladder (0 = no crisis … 44 = spasm war).</summary>
    private const int EscalationRungs = 45;

    private static void CheckPolicy(JsonNode? node, string at, Action<string, bool, string> error)
    {
        string? name;
        string nameAt;
        JsonObject? obj = null;
        if (node is JsonObject o)
        {
            obj = o;
            name = Str(o["name"]);
            nameAt = $"{at}/name";
        }
        else
        {
            name = Str(node);
            nameAt = at;
        }
        if (name is null || name.Length == 0)
        {
            return;
        }
        if (!PolicyCatalog.TryGet(name, out var entry))
        {
            error(nameAt, false, $"unknown policy '{name}'; expected one of: {string.Join(", ", PolicyCatalog.Names)}");
            return;
        }
        if (obj?["parameters"] is JsonObject parameters)
        {
            foreach (var (key, _) in parameters)
            {
                if (!entry.ParameterNames.Contains(key, StringComparer.Ordinal))
                {
                    error($"{at}/parameters/{YamlJsonReader.Escape(key)}", true, entry.ParameterNames.Count == 0
                        ? $"unknown parameter '{key}': policy {name} takes no parameters"
                        : $"unknown parameter '{key}' of policy {name}; expected one of: {string.Join(", ", entry.ParameterNames)}");
                }
            }
        }
        if (obj?["series"] is JsonObject series && series.Count > 0 && !string.Equals(name, "Scripted", StringComparison.OrdinalIgnoreCase))
        {
            error($"{at}/series", true, $"policy {name} reads no series; expected 'series' only with the Scripted policy");
        }
    }

    internal static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    internal static double? Num(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        return v.TryGetValue<double>(out var d) ? d : null;
    }

    internal static int? Int(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;
}
