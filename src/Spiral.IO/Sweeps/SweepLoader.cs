using Spiral.Core.Parameters;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Definitions;
using Spiral.IO.Files;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Sweeps;

/// <summary>A validated sweep file: the definition and the texts that go into the results store.</summary>
public sealed record LoadedSweep(SweepDefinition Definition, string SweepText, string ScenarioText, string SourceName)
{
    public SweepExperiment Experiment() => new(Definition);
}

/// <summary>
/// Loads sweep YAML (docs/how-to/sweeps.md) like a scenario: YAML → JSON tree with positions → JSON Schema
/// (<c>schemas/sweep.schema.json</c>) → semantic checks (one of values/range/latinHypercube per axis, every path and
/// value settable on the base scenario, samples present when needed) → <see cref="SweepDefinition"/>. Every error
/// names file:line:column, the path of the bad value and what was expected; nothing is returned unless the file is valid.
/// </summary>
public static class SweepLoader
{
    private static readonly Lazy<string> SchemaText = new(() => ScenarioSchema.ReadResource("schemas/sweep.schema.json"));
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
    private static readonly Lazy<JsonNode> SchemaNode = new(() => JsonNode.Parse(SchemaText.Value)!);

    /// <summary>The sweep schema text, as shipped.</summary>
    public static string SchemaJson => SchemaText.Value;

    /// <param name="path">The sweep file.</param>
    /// <param name="allowLarge">Accept a sweep of more than <see cref="SweepExperiment.LargeRuns"/> runs (<c>--allow-large</c>).</param>
    /// <exception cref="ScenarioException">The file is missing, unreadable, not a regular file, too large or invalid, or its scenario is.</exception>
    public static LoadedSweep LoadFile(string path, bool allowLarge = false)
    {
        string text;
        try
        {
            text = InputFile.ReadText(path, "a sweep YAML file");
        }
        catch (InputFileException ex)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "", ex.Problem)]);
        }
        return LoadText(text, path, Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFileNameWithoutExtension(path), allowLarge);
    }

    /// <summary>Loads sweep text; a relative scenario path is resolved against <paramref name="folder"/>.</summary>
    public static LoadedSweep LoadText(string text, string sourceName, string? folder = null, string? defaultName = null, bool allowLarge = false)
    {
        var doc = YamlJsonReader.Read(text);
        var errors = new List<ScenarioError>();
        foreach (var (position, pointer, message) in doc.Errors)
        {
            errors.Add(new ScenarioError(sourceName, position.Line, position.Column, ScenarioLoader.DisplayPath(doc.Root, pointer), message));
        }
        if (doc.Fatal)
        {
            throw new ScenarioException(errors);
        }
        if (doc.IsEmpty || doc.Root is not JsonObject)
        {
            var end = doc.Values.TryGetValue("", out var p) ? p : new SourcePosition(1, 1);
            errors.Add(new ScenarioError(sourceName, end.Line, end.Column, "",
                "expected a sweep mapping with at least 'scenario', 'axes' and 'replications'"));
            throw new ScenarioException(errors);
        }

        void Add(string pointer, bool atKey, string message)
        {
            if (doc.Reported.Any(r => pointer == r || pointer.StartsWith(r + "/", StringComparison.Ordinal)))
            {
                return;
            }
            var position = doc.PositionOf(pointer, atKey);
            errors.Add(new ScenarioError(sourceName, position.Line, position.Column, ScenarioLoader.DisplayPath(doc.Root, pointer), message));
        }

        foreach (var (pointer, atKey, message) in ScenarioSchema.Validate(doc.Root, Schema.Value, SchemaNode.Value))
        {
            Add(pointer, atKey, message);
        }
        Fail(errors);

        var root = (JsonObject)doc.Root;
        var (scenario, scenarioText) = LoadScenario(root["scenario"]!.GetValue<string>(), folder, Add);
        Fail(errors);

        var axes = new List<SweepAxis>();
        var axisNodes = (JsonArray)root["axes"]!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var anyLhs = false;
        for (var a = 0; a < axisNodes.Count; a++)
        {
            var node = (JsonObject)axisNodes[a]!;
            var at = $"/axes/{a}";
            var path = node["path"]!.GetValue<string>().Trim();
            if (!seen.Add(path))
            {
                Add(at + "/path", false, $"axis '{path}' appears twice; expected each parameter path once");
            }
            var kinds = new[] { "values", "range", "latinHypercube" }.Where(node.ContainsKey).ToList();
            if (kinds.Count != 1)
            {
                Add(at, false, kinds.Count == 0
                    ? "the axis has no values; expected one of 'values', 'range' or 'latinHypercube'"
                    : $"the axis has {string.Join(" and ", kinds.Select(k => $"'{k}'"))}; expected exactly one of 'values', 'range' or 'latinHypercube'");
                continue;
            }
            SweepAxis axis;
            switch (kinds[0])
            {
                case "values":
                {
                    var values = (JsonArray)node["values"]!;
                    var texts = new List<string>();
                    var failures = new List<(string Pointer, string Message)>();
                    for (var k = 0; k < values.Count; k++)
                    {
                        var v = values[k]!;
                        var textValue = v.GetValueKind() == JsonValueKind.Number
                            ? D(v).ToString("R", CultureInfo.InvariantCulture)
                            : v.GetValue<string>();
                        texts.Add(textValue);
                        TrySet(scenario, path, textValue, $"{at}/values/{k}", (p, _, m) => failures.Add((p, m)));
                    }
                    if (failures.Count == values.Count && values.Count > 1 && failures.Select(f => f.Message).Distinct().Count() == 1)
                    {
                        // Every value fails the same way: the path itself is wrong.
                        Add(at + "/path", false, failures[0].Message);
                    }
                    else
                    {
                        foreach (var (pointer, message) in failures)
                        {
                            Add(pointer, false, message);
                        }
                    }
                    if (texts.Distinct(StringComparer.Ordinal).Count() != texts.Count)
                    {
                        Add(at + "/values", false, "has repeated values; expected each value once");
                    }
                    axis = new SweepAxis(path, AxisKind.Values, texts);
                    break;
                }
                case "range":
                {
                    var r = (JsonObject)node["range"]!;
                    double from = D(r["from"]!), to = D(r["to"]!), step = D(r["step"]!);
                    if (to < from)
                    {
                        Add(at + "/range/to", false, $"{Num(to)} is below from = {Num(from)}; expected to ≥ from");
                        continue;
                    }
                    if (!(SweepAxis.RangeCount(from, to, step) <= SweepAxis.MaxRangeValues))
                    {
                        Add(at + "/range/step", false, $"{Num(step)} makes more than {SweepAxis.MaxRangeValues:N0} values; expected a larger step");
                        continue;
                    }
                    axis = SweepAxis.OfRange(path, from, to, step);
                    TrySet(scenario, path, axis.Values[0], at + "/range/from", Add);
                    TrySet(scenario, path, axis.Values[^1], at + "/range/to", Add);
                    break;
                }
                default:
                {
                    anyLhs = true;
                    var r = (JsonObject)node["latinHypercube"]!;
                    double from = D(r["from"]!), to = D(r["to"]!);
                    if (to < from)
                    {
                        Add(at + "/latinHypercube/to", false, $"{Num(to)} is below from = {Num(from)}; expected to ≥ from");
                        continue;
                    }
                    axis = SweepAxis.OfLatinHypercube(path, from, to);
                    TrySet(scenario, path, Num(from), at + "/latinHypercube/from", Add);
                    TrySet(scenario, path, Num(to), at + "/latinHypercube/to", Add);
                    break;
                }
            }
            axes.Add(axis);
        }
        var samples = root["samples"] is { } sn ? (int)D(sn) : 0;
        if (anyLhs && samples == 0)
        {
            Add("/axes", true, "an axis is latinHypercube but the sweep has no 'samples'; expected e.g. samples: 100");
        }
        if (!anyLhs && samples > 0)
        {
            Add("/samples", true, "'samples' is only for latinHypercube axes; expected no 'samples' or an axis with latinHypercube");
        }
        Fail(errors);

        var definition = new SweepDefinition(
            root["name"]?.GetValue<string>() ?? defaultName ?? scenario.Name,
            scenario,
            axes,
            (int)D(root["replications"]!),
            root["seed"] is { } seedNode ? U(seedNode) : 1UL,
            root["steps"] is { } stepsNode ? (int)D(stepsNode) : null,
            samples);
        SweepExperiment experiment;
        try
        {
            experiment = new SweepExperiment(definition);
        }
        catch (ArgumentException ex)
        {
            // The schema and the checks above leave only the sweep's size: the axes times the replications.
            Add("/axes", true, ex.Message);
            Fail(errors);
            throw;
        }
        var runs = experiment.TotalRuns();
        if (runs > SweepExperiment.LargeRuns && !allowLarge)
        {
            Add("/replications", true,
                $"{experiment.PointCount:N0} points × {definition.Replications:N0} replications = {runs:N0} runs, more than {SweepExperiment.LargeRuns:N0}; expected a smaller sweep, or --allow-large to run it anyway");
            Fail(errors);
        }
        // Every point is checked before anything runs or is written: axes that are each in range can still break a rule
        // together (e.g. model.minMilitaryShare above model.maxMilitaryShare).
        for (var point = 0; point < experiment.PointCount; point++)
        {
            try
            {
                experiment.ScenarioAt(point);
            }
            catch (InvalidScenarioException ex)
            {
                var values = experiment.ValuesAt(point).Select((v, a) => $"{definition.Axes[a].Path} = {v}");
                Add("/axes", true, $"sweep point {point} ({string.Join(", ", values)}) is invalid: {string.Join("; ", ex.Issues)}");
                Fail(errors);
            }
        }
        return new LoadedSweep(definition, text, scenarioText, sourceName);
    }

    private static (Scenario Scenario, string Text) LoadScenario(string reference, string? folder, Action<string, bool, string> add)
    {
        try
        {
            var candidate = folder is not null && !Path.IsPathRooted(reference) ? Path.Combine(folder, reference) : reference;
            if (InputFile.Exists(candidate) && !Directory.Exists(candidate))
            {
                var text = ScenarioLoader.ReadFile(candidate);
                return (ScenarioLoader.LoadText(text, candidate), text);
            }
            var key = ScenarioLibrary.Normalize(reference);
            if (ScenarioLibrary.Names.Contains(key, StringComparer.Ordinal))
            {
                return (ScenarioLoader.LoadLibrary(key), ScenarioLibrary.Text(key));
            }
            add("/scenario", false, $"'{reference}' is neither a file (relative to the sweep file) nor a library scenario; expected a path or one of: {string.Join(", ", ScenarioLibrary.Names)}");
        }
        catch (ScenarioException ex)
        {
            add("/scenario", false, $"the scenario is invalid: {ex.Message}");
        }
        return (null!, "");
    }

    private static void TrySet(Scenario scenario, string path, string value, string pointer, Action<string, bool, string> add)
    {
        try
        {
            ParameterCatalog.Set(scenario, path, value).EnsureValid();
        }
        catch (ScenarioPathException ex)
        {
            add(pointer, false, ex.Message);
        }
        catch (InvalidScenarioException ex)
        {
            add(pointer, false, $"'{path}' = {value} makes the scenario invalid: {string.Join("; ", ex.Issues)}");
        }
    }

    private static void Fail(List<ScenarioError> errors)
    {
        if (errors.Count > 0)
        {
            errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
            throw new ScenarioException(errors);
        }
    }

    private static double D(JsonNode node) =>
        node.AsValue().TryGetValue<long>(out var l) ? l : node.AsValue().TryGetValue<ulong>(out var u) ? u : node.GetValue<double>();

    private static ulong U(JsonNode node) =>
        node.AsValue().TryGetValue<ulong>(out var u) ? u : node.AsValue().TryGetValue<long>(out var l) ? (ulong)l : (ulong)node.GetValue<double>();

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
