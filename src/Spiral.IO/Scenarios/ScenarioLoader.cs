using System.Globalization;
using System.Text.Json.Nodes;
using Spiral.Core.Scenarios;
using Spiral.IO.Files;

namespace Spiral.IO.Scenarios;

/// <summary>A scenario's YAML text, the name its errors use, and the folder of its file (null for a library scenario).</summary>
public sealed record ScenarioSource(string Text, string Name, string? Folder);

/// <summary>
/// Loads scenario YAML: YamlDotNet parser → JSON tree with the position of every node → JSON Schema
/// (<c>schemas/scenario.schema.json</c>, ranges from the parameter catalog) → <see cref="Scenario"/> → <see cref="Scenario.Validate"/>. Every error of a file is
/// reported (a YAML syntax error stops the reading); nothing is returned unless the whole file is valid.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads a scenario file.</summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, not a regular file, too large or invalid.</exception>
    public static Scenario LoadFile(string path) => LoadText(ReadFile(path), path);

    /// <summary>The text of a scenario file, read within <see cref="InputFile"/>'s bounds.</summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, not a regular file or too large.</exception>
    public static string ReadFile(string path)
    {
        try
        {
            return InputFile.ReadText(path, "a scenario YAML file");
        }
        catch (InputFileException ex)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "", ex.Problem)]);
        }
    }

    /// <summary>Loads a library scenario (embedded in this assembly) by name, e.g. <c>india-china-lac</c>.</summary>
    public static Scenario LoadLibrary(string name)
    {
        var key = ScenarioLibrary.Normalize(name);
        if (!ScenarioLibrary.Names.Contains(key, StringComparer.Ordinal))
        {
            throw new ScenarioException([new ScenarioError(name, 0, 0, "",
                $"no library scenario of that name; expected one of: {string.Join(", ", ScenarioLibrary.Names)}")]);
        }
        return LoadText(ScenarioLibrary.Text(key), $"scenarios/{key}.yaml");
    }

    /// <summary>An existing file path wins; otherwise a library scenario name.</summary>
    public static Scenario Resolve(string fileOrName)
    {
        var source = Source(fileOrName);
        return LoadText(source.Text, source.Name);
    }

    /// <summary>
    /// The text of a scenario named by a path or a library name (an existing path wins, except a folder that is also a
    /// library name), the name used in its errors, and the file's folder (null for a library scenario).
    /// </summary>
    /// <exception cref="ScenarioException">Neither a readable scenario file nor a library scenario.</exception>
    public static ScenarioSource Source(string fileOrName)
    {
        var key = ScenarioLibrary.Normalize(fileOrName);
        var isLibrary = ScenarioLibrary.Names.Contains(key, StringComparer.Ordinal);
        if (InputFile.Exists(fileOrName) && !(isLibrary && Directory.Exists(fileOrName)))
        {
            return new ScenarioSource(ReadFile(fileOrName), fileOrName, Path.GetDirectoryName(Path.GetFullPath(fileOrName)));
        }
        if (isLibrary)
        {
            return new ScenarioSource(ScenarioLibrary.Text(key), $"scenarios/{key}.yaml", null);
        }
        throw new ScenarioException([new ScenarioError(fileOrName, 0, 0, "",
            $"no such file, and no library scenario of that name; expected a YAML file path or one of: {string.Join(", ", ScenarioLibrary.Names)}")]);
    }

    /// <summary>Loads scenario YAML text; <paramref name="sourceName"/> names it in errors.</summary>
    public static Scenario LoadText(string text, string sourceName)
    {
        var (scenario, errors) = TryLoadText(text, sourceName);
        return errors.Count > 0 ? throw new ScenarioException(errors) : scenario!;
    }

    /// <summary>Loads scenario YAML text and returns every error found instead of throwing.</summary>
    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoadText(string text, string sourceName)
    {
        var (scenario, errors, _) = TryLoadDocument(text, sourceName);
        return (scenario, errors);
    }

    /// <summary>
    /// Like <see cref="Resolve"/>, also returning the document tree (for the <c>calibration:</c> section), the name
    /// used in errors and the folder of the file (null for a library scenario).
    /// </summary>
    internal static (Scenario Scenario, JsonObject Root, string SourceName, string? Folder) ResolveDocument(string fileOrName)
    {
        var source = Source(fileOrName);
        var (scenario, errors, root) = TryLoadDocument(source.Text, source.Name);
        return errors.Count > 0 ? throw new ScenarioException(errors) : (scenario!, root!, source.Name, source.Folder);
    }

    private static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors, JsonObject? Root) TryLoadDocument(string text, string sourceName)
    {
        var doc = YamlJsonReader.Read(text);
        var errors = new List<ScenarioError>();
        foreach (var (position, pointer, message) in doc.Errors)
        {
            errors.Add(new ScenarioError(sourceName, position.Line, position.Column, DisplayPath(doc.Root, pointer), message));
        }
        if (doc.Fatal)
        {
            return (null, errors, null);
        }
        if (doc.IsEmpty)
        {
            var end = doc.Values.TryGetValue("", out var p) ? p : new SourcePosition(1, 1);
            errors.Add(new ScenarioError(sourceName, end.Line, end.Column, "",
                "the file is empty; expected a scenario mapping with at least 'name' and 'states'"));
            return (null, errors, null);
        }

        void Add(string pointer, bool atKey, string message)
        {
            if (doc.Reported.Any(r => pointer == r || pointer.StartsWith(r + "/", StringComparison.Ordinal)))
            {
                return;
            }
            var position = doc.PositionOf(pointer, atKey);
            errors.Add(new ScenarioError(sourceName, position.Line, position.Column, DisplayPath(doc.Root, pointer), message));
        }

        var faulted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, atKey, message) in ScenarioSchema.Validate(doc.Root!))
        {
            Add(pointer, atKey, message);
            faulted.Add(ItemOf(pointer));
        }
        if (doc.Root is not JsonObject rootObject)
        {
            return (null, errors, null);
        }
        // The model's own checks run on the mapped records; an item (a state, a dyad, an event...) the schema already
        // faulted is left out, as its mapped form holds defaults in place of the bad values.
        var scenario = ScenarioMapper.Map(rootObject);
        foreach (var issue in scenario.Validate().Where(i => !faulted.Contains(ItemOf(i.Pointer))))
        {
            // A policy written as a mapping is named at its 'name' key.
            var pointer = (issue.Pointer.EndsWith("/policy", StringComparison.Ordinal) || issue.Pointer.EndsWith("/greedyPolicy", StringComparison.Ordinal))
                && ScenarioSchema.Resolve(doc.Root, issue.Pointer) is JsonObject policy && policy.ContainsKey("name")
                    ? issue.Pointer + "/name"
                    : issue.Pointer;
            Add(pointer, issue.AtKey, issue.Message);
        }
        if (errors.Count > 0)
        {
            errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
            return (null, errors, null);
        }
        var mapped = Spiral.IO.Calibration.CalibrationSetup.CheckAndApply((JsonObject)doc.Root!, scenario, Add);
        if (errors.Count > 0)
        {
            errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
            return (null, errors, null);
        }
        return (mapped, errors, (JsonObject)doc.Root!);
    }

    /// <summary>The item a pointer is in: <c>/states/1/gdp</c> → <c>/states/1</c>, <c>/world/depreciation</c> → <c>/world</c>.</summary>
    private static string ItemOf(string pointer)
    {
        var parts = pointer.Split('/');
        var depth = parts.Length > 2 && parts[1] is "states" or "dyads" or "alliances" or "timeline" ? 3 : 2;
        return string.Join('/', parts.Take(depth));
    }

    /// <summary><c>/states/1/gdp</c> → <c>states[1].gdp</c> (array indices in brackets, keys dotted).</summary>
    internal static string DisplayPath(JsonNode? root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return "";
        }
        var sb = new System.Text.StringBuilder();
        var node = root;
        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            var segment = ScenarioSchema.Unescape(raw);
            if (node is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                sb.Append('[').Append(segment).Append(']');
                node = i < array.Count ? array[i] : null;
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }
                sb.Append(segment);
                node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
            }
        }
        return sb.ToString();
    }
}
