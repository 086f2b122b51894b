using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spiral.IO.Scenarios;

/// <summary>Typed reads of a YAML-derived JSON tree that tolerate nodes of the wrong type (null instead of a throw).</summary>
internal static class JsonValues
{
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

    /// <summary>An integer, also when written with a fraction of zero (<c>2013.0</c>, <c>2.0e3</c>), as JSON Schema's <c>integer</c> allows; null outside the range of int.</summary>
    internal static int? Int(JsonNode? node) =>
        Num(node) is { } d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
}
