namespace Spiral.IO.Scenarios;

/// <summary>The scenarios shipped with Spiral (the repository's <c>scenarios/*.yaml</c>, embedded in Spiral.IO).</summary>
public static class ScenarioLibrary
{
    private const string Prefix = "scenarios/";
    private const string Suffix = ".yaml";

    /// <summary>Library scenario names, sorted, e.g. <c>india-china-lac</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(ScenarioLibrary).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The YAML text of a library scenario.</summary>
    public static string Text(string name) => ScenarioSchema.ReadResource(Prefix + Normalize(name) + Suffix);

    /// <summary>
    /// The documentation page of a library scenario (<c>docs/scenarios/NAME.md</c>, embedded), or null if it has none.
    /// </summary>
    public static string? Doc(string name)
    {
        var resource = "docs/scenarios/" + Normalize(name) + ".md";
        using var stream = typeof(ScenarioLibrary).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Accepts <c>name</c>, <c>name.yaml</c> or <c>scenarios/name.yaml</c>.</summary>
    internal static string Normalize(string name)
    {
        var n = name.Trim();
        if (n.StartsWith(Prefix, StringComparison.Ordinal))
        {
            n = n[Prefix.Length..];
        }
        if (n.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            n = n[..^Suffix.Length];
        }
        return n.ToLowerInvariant();
    }
}
