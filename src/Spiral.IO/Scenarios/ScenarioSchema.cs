using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Spiral.Core.Parameters;

namespace Spiral.IO.Scenarios;

/// <summary>The scenario JSON Schema (draft 2020-12), embedded as <c>schemas/scenario.schema.json</c>.</summary>
public static class ScenarioSchema
{
    private static readonly Lazy<JsonNode> NodeValue = new(() => WithCatalog(JsonNode.Parse(ReadResource("schemas/scenario.schema.json"))!));
    private static readonly Lazy<string> TextValue = new(() => NodeValue.Value.ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));
    private static readonly Lazy<JsonSchema> SchemaValue = new(() => JsonSchema.FromText(TextValue.Value, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The whole schema: the shipped skeleton with every catalog parameter's type, range and meaning.</summary>
    public static string Text => TextValue.Value;

    /// <summary>The schema as a JSON tree (for tools and tests).</summary>
    public static JsonNode Node => NodeValue.Value;

    internal static string ReadResource(string name)
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from {typeof(ScenarioSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Validates <paramref name="instance"/>; each error comes with its JSON pointer and a message saying what was expected.</summary>
    internal static List<(string Pointer, bool AtKey, string Message)> Validate(JsonNode instance) =>
        Validate(instance, SchemaValue.Value, Node);

    /// <summary>Validates against any schema (e.g. the sweep schema), with the same messages.</summary>
    internal static List<(string Pointer, bool AtKey, string Message)> Validate(JsonNode instance, JsonSchema schemaValue, JsonNode schemaNode)
    {
        var element = JsonSerializer.SerializeToElement(instance);
        var results = schemaValue.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<(string, bool, string)>();
        if (results.IsValid)
        {
            return errors;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null || detail.IsValid && detail.Errors.Count == 0)
            {
                continue;
            }
            var pointer = detail.InstanceLocation.ToString();
            var evaluationPath = detail.EvaluationPath.ToString();
            foreach (var (keyword, libraryMessage) in detail.Errors)
            {
                var (atKey, message) = Describe(instance, schemaNode, pointer, evaluationPath, detail.SchemaLocation, keyword, libraryMessage);
                if (seen.Add($"{pointer}|{message}"))
                {
                    errors.Add((pointer, atKey, message));
                }
            }
        }
        return errors;
    }

    private static (bool AtKey, string Message) Describe(JsonNode root, JsonNode schemaRoot, string pointer, string evaluationPath, Uri schemaLocation, string keyword, string libraryMessage)
    {
        var value = Resolve(root, pointer);
        var fragment = Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'));
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            var parentFragment = fragment[..Math.Max(0, fragment.LastIndexOf("/additionalProperties", StringComparison.Ordinal))];
            var parentSchema = Resolve(schemaRoot, parentFragment) as JsonObject;
            var key = Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);
            var allowed = (parentSchema?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
            var extra = parentSchema?["patternProperties"] is JsonObject pp
                ? $" (or a key matching {string.Join(", ", pp.Select(p => p.Key))})"
                : "";
            return (true, allowed.Count > 0
                ? $"unknown key '{key}'; expected one of: {string.Join(", ", allowed)}{extra}"
                : $"'{key}' is not a year; expected a calendar year such as 2010 (the keys of a series are years)");
        }
        var schema = Resolve(schemaRoot, fragment) as JsonObject;
        switch (keyword)
        {
            case "type":
            {
                var expected = schema?["type"] switch
                {
                    JsonArray a => string.Join(" or ", a.Select(t => Article(t!.GetValue<string>()))),
                    JsonValue v => Article(v.GetValue<string>()),
                    _ => "another type",
                };
                var found = value is JsonValue ? $"{Show(value)} is {Article(KindOf(value))}" : $"found {Article(KindOf(value))}";
                return (false, $"{found}; expected {expected}{RangeSuffix(schema)}");
            }
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                return (false, $"{Show(value)} is out of range; expected {Article(schema?["type"]?.GetValue<string>() ?? "number")}{RangeSuffix(schema)}");
            case "enum":
            {
                var options = (schema?["enum"] as JsonArray)?.Select(o => o?.ToString() ?? "null") ?? [];
                return (false, $"{Show(value)} is not allowed; expected one of: {string.Join(", ", options)}");
            }
            case "required":
            {
                var required = (schema?["required"] as JsonArray)?.Select(r => r!.GetValue<string>()) ?? [];
                var missing = required.Where(r => value is not JsonObject o || !o.ContainsKey(r)).ToList();
                return (false, missing.Count == 1
                    ? $"missing required key '{missing[0]}'"
                    : $"missing required keys {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }
            case "minItems":
                return (false, $"has {(value as JsonArray)?.Count ?? 0} items; expected at least {schema?["minItems"]}");
            case "maxItems":
                return (false, $"has {(value as JsonArray)?.Count ?? 0} items; expected at most {schema?["maxItems"]}");
            case "minLength":
                return (false, "is empty; expected a non-empty string");
            case "uniqueItems":
                return (false, "has repeated items; expected each item once");
            default:
                return (false, $"{libraryMessage} ({keyword})");
        }
    }

    private static string RangeSuffix(JsonObject? schema)
    {
        if (schema is null)
        {
            return "";
        }
        var lo = Bound(schema, "minimum", "exclusiveMinimum");
        var hi = Bound(schema, "maximum", "exclusiveMaximum");
        return (lo.Item1, hi.Item1) switch
        {
            (null, null) => "",
            ({ } l, null) => lo.Item2 ? $" > {l}" : $" ≥ {l}",
            (null, { } h) => hi.Item2 ? $" < {h}" : $" ≤ {h}",
            ({ } l, { } h) => $" in {(lo.Item2 ? "(" : "[")}{l}, {h}{(hi.Item2 ? ")" : "]")}",
        };
    }

    private static (string?, bool) Bound(JsonObject schema, string inclusive, string exclusive) =>
        schema[inclusive] is { } i ? (Num(i), false) : schema[exclusive] is { } x ? (Num(x), true) : (null, false);

    private static string Num(JsonNode n) => n.GetValue<double>().ToString(CultureInfo.InvariantCulture);

    private static string Article(string type) => type switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "string" => "a string",
        "number" => "a number",
        "integer" => "an integer",
        "boolean" => "a boolean",
        "null" => "null (empty)",
        _ => type,
    };

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => v.TryGetValue<long>(out _) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "value",
        },
        _ => "value",
    };

    internal static string Show(JsonNode? node) => node switch
    {
        null => "an empty value",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"'{v.GetValue<string>()}'",
        _ => node.ToJsonString(),
    };

    internal static JsonNode? Resolve(JsonNode? root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }
        var node = root;
        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    internal static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>
    /// Adds each parameter of <see cref="ParameterCatalog"/> to the skeleton (where its scope's object is defined), before
    /// the skeleton's own keys (names, lists, source, note): the schema's ranges are the catalog's, never a second copy.
    /// </summary>
    private static JsonNode WithCatalog(JsonNode skeleton)
    {
        var defs = skeleton["$defs"]!;
        foreach (var (scope, target) in new[]
                 {
                     (ParameterScope.Scenario, skeleton), (ParameterScope.World, defs["world"]!), (ParameterScope.Model, defs["model"]!),
                     (ParameterScope.State, defs["state"]!), (ParameterScope.Dyad, defs["dyad"]!), (ParameterScope.Alliance, defs["alliance"]!),
                 })
        {
            var own = (JsonObject)target["properties"]!;
            var merged = new JsonObject();
            var identity = own.Where(p => p.Key is "name" or "title" or "description" or "between" or "members").Select(p => p.Key).ToList();
            foreach (var key in identity)
            {
                var value = own[key];
                own.Remove(key);
                merged[key] = value;
            }
            foreach (var p in ParameterCatalog.Of(scope).Where(p => p.Type != ParameterType.Name))
            {
                merged[p.Name] = PropertySchema(p);
            }
            foreach (var (key, value) in own.ToList())
            {
                own.Remove(key);
                merged[key] = value;
            }
            ((JsonObject)target)["properties"] = merged;
        }
        foreach (var (_, yearValue) in (JsonObject)defs["gdpSeries"]!["patternProperties"]!)
        {
            Bounds((JsonObject)yearValue!, ParameterCatalog.Find(ParameterScope.State, "gdp")!);
        }
        return skeleton;
    }

    /// <summary>Puts the range of <paramref name="p"/> on a number's schema.</summary>
    private static JsonObject Bounds(JsonObject o, ParameterInfo p)
    {
        o[p.MinExclusive ? "exclusiveMinimum" : "minimum"] = p.Min;
        o[p.MaxExclusive ? "exclusiveMaximum" : "maximum"] = p.Max;
        return o;
    }

    private static JsonObject PropertySchema(ParameterInfo p)
    {
        var o = Bounds(new JsonObject { ["type"] = p.Type == ParameterType.Integer ? "integer" : "number" }, p);
        var text = p.Meaning;
        if (p.Unit.Length > 0) text += $" Unit: {p.Unit}.";
        if (p.Source.Length > 0) text += $" Source: {p.Source}.";
        if (p.IsOptional) text += $" Unset: {p.Unset}.";
        o["description"] = text;
        if (p.Default is { } d)
        {
            o["default"] = p.Type == ParameterType.Integer ? (int)d : d;
        }
        return o;
    }
}
