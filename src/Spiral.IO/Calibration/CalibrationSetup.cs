using Spiral.Core.Parameters;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Calibration;
using Spiral.Experiments.Counterfactuals;
using Spiral.IO.Scenarios;
using static Spiral.IO.Scenarios.JsonValues;

namespace Spiral.IO.Calibration;

/// <summary>
/// A scenario's <c>calibration:</c> section, read: the free parameters and their bounds, where the observed
/// series is, the default training and test years. <see cref="LoadObserved"/> reads the series.
/// </summary>
public sealed record CalibrationSetup(
    Scenario Scenario,
    IReadOnlyList<FreeParameter> Parameters,
    string File,
    string EntityColumn,
    string YearColumn,
    string ValueColumn,
    double Scale,
    string Unit,
    IReadOnlyDictionary<string, string> States,
    YearRange? Train,
    YearRange? Test,
    string Source,
    string? ScenarioFolder)
{
    /// <summary>Loads a scenario (file or library name) with its calibration section.</summary>
    /// <exception cref="ScenarioException">The scenario is invalid or has no calibration section.</exception>
    public static CalibrationSetup Load(string fileOrName)
    {
        var (scenario, root, sourceName, folder) = ScenarioLoader.ResolveDocument(fileOrName);
        if (root["calibration"] is not JsonObject c)
        {
            throw new ScenarioException([new ScenarioError(sourceName, 0, 0, "calibration",
                $"scenario '{scenario.Name}' has no calibration section; expected calibration: {{observed: ..., parameters: [...]}} (see docs/reference/calibration.md)")]);
        }
        var observed = (JsonObject)c["observed"]!;
        var states = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (state, entity) in (JsonObject)observed["states"]!)
        {
            states[scenario.States[scenario.IndexOf(state)].Name] = Str(entity)!;
        }
        var parameters = ((JsonArray)c["parameters"]!).Select(p => new FreeParameter(Str(p!["path"])!, Num(p["min"])!.Value, Num(p["max"])!.Value)).ToList();
        return new CalibrationSetup(scenario, parameters, Str(observed["file"])!, Str(observed["entity"])!,
            Str(observed["year"]) ?? "year", Str(observed["value"])!, Num(observed["scale"]) ?? 1, Str(observed["unit"]) ?? "",
            states, Range(Str(c["train"])), Range(Str(c["test"])), Str(c["source"]) ?? Str(observed["source"]) ?? "", folder);
    }

    /// <summary>Reads the observed series this section points at.</summary>
    /// <exception cref="ObservedDataException">The file or a column is missing.</exception>
    public ObservedSpending LoadObserved() =>
        ObservedData.Read(ObservedData.ReadText(File, ScenarioFolder), File, EntityColumn, YearColumn, ValueColumn, Scale, States, Unit, Source);

    private static YearRange? Range(string? text) => YearRange.TryParse(text, out var r) ? r : null;

    /// <summary>
    /// Semantic checks of the <c>calibration:</c> and <c>calibrated:</c> sections against the mapped scenario;
    /// returns the scenario with the calibrated values applied.
    /// </summary>
    internal static Scenario CheckAndApply(JsonObject root, Scenario scenario, Action<string, bool, string> error)
    {
        var first = scenario.StartYear;
        var last = TimeConvention.LastYear(scenario.StartYear, scenario.Steps);
        if (root["calibration"] is JsonObject c)
        {
            foreach (var key in new[] { "train", "test" })
            {
                if (Str(c[key]) is { } text)
                {
                    if (!YearRange.TryParse(text, out var r))
                    {
                        error($"/calibration/{key}", false, $"'{text}' is not a range of years; expected FIRST-LAST, e.g. 2010-2019");
                    }
                    else if (r.First < first || r.Last > last)
                    {
                        error($"/calibration/{key}", false, $"years {r} lie outside the scenario's {first}-{last}; expected years within the horizon");
                    }
                }
            }
            if (c["observed"]?["states"] is JsonObject map)
            {
                foreach (var (state, _) in map)
                {
                    if (scenario.IndexOf(state) < 0)
                    {
                        error($"/calibration/observed/states/{YamlJsonReader.Escape(state)}", true,
                            $"unknown state '{state}'; expected one of: {string.Join(", ", scenario.States.Select(s => s.Name))}");
                    }
                }
            }
            if (c["parameters"] is JsonArray parameters)
            {
                for (var k = 0; k < parameters.Count; k++)
                {
                    if (parameters[k] is not JsonObject p || Str(p["path"]) is not { } path || Num(p["min"]) is not { } min || Num(p["max"]) is not { } max)
                    {
                        continue;
                    }
                    if (!(max > min))
                    {
                        error($"/calibration/parameters/{k}/max", false, $"max {Fmt(max)} is not above min {Fmt(min)}; expected min < max");
                        continue;
                    }
                    if (path.EndsWith(".growth", StringComparison.OrdinalIgnoreCase) && path.StartsWith("states[", StringComparison.OrdinalIgnoreCase))
                    {
                        // GDP is an observed input (DESIGN.md 3; issue 12): its growth is measured, never fitted to spending.
                        error($"/calibration/parameters/{k}/path", false, $"'{path}' is GDP growth, an observed input; give the state a gdpSeries instead of fitting it");
                        continue;
                    }
                    try
                    {
                        ParameterCatalog.Set(scenario, path, min);
                        ParameterCatalog.Set(scenario, path, max);
                        ParameterCatalog.Get(scenario, path);
                    }
                    catch (ScenarioPathException ex)
                    {
                        error($"/calibration/parameters/{k}/path", false, ex.Message);
                    }
                }
            }
        }
        if (root["calibrated"]?["values"] is JsonObject values)
        {
            foreach (var (path, node) in values)
            {
                if (Num(node) is not { } v)
                {
                    continue;
                }
                try
                {
                    scenario = ParameterCatalog.Set(scenario, path, v);
                }
                catch (ScenarioPathException ex)
                {
                    error($"/calibrated/values/{YamlJsonReader.Escape(path)}", true, ex.Message);
                }
            }
        }
        return scenario;
    }

    private const string Header = "# Written by `spiral calibrate`";

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// The scenario file's text with a <c>calibrated:</c> block (replacing any earlier one) that records the fitted
    /// values, the method and the fit, so that the rest of the file and every source comment stay as written.
    /// </summary>
    public static string WriteCalibrated(string originalText, CalibrationResult result)
    {
        var lines = originalText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("calibrated:", StringComparison.Ordinal));
        if (start >= 0)
        {
            var end = start + 1;
            while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] == ' ' || lines[end][0] == '#'))
            {
                end++;
            }
            if (start > 0 && lines[start - 1].StartsWith(Header, StringComparison.Ordinal))
            {
                start--;
            }
            lines.RemoveRange(start, end - start);
        }
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendJoin('\n', lines).Append('\n');
        sb.Append(Header).Append(": the values below override the ones above when the file is loaded.\n");
        sb.Append("calibrated:\n");
        sb.Append(inv, $"  method: \"{CalibrationResult.Method}\"\n");
        sb.Append(inv, $"  train: \"{result.Train}\"\n");
        sb.Append(inv, $"  runs: {result.Runs}\n");
        sb.Append(inv, $"  seed: {result.Seed}\n");
        sb.Append(inv, $"  initialLoss: {Math.Round(result.InitialLoss, 6).ToString("R", inv)}   # log-RMSE before\n");
        sb.Append(inv, $"  loss: {Math.Round(result.Loss, 6).ToString("R", inv)}   # log-RMSE after ({result.Evaluations} evaluations)\n");
        sb.Append("  values:\n");
        foreach (var p in result.Parameters)
        {
            sb.Append(inv, $"    \"{p.Path}\": {Math.Round(p.Value, 6).ToString("R", inv)}   # was {Math.Round(p.Initial, 6).ToString("R", inv)}; bounds [{p.Min.ToString("R", inv)}, {p.Max.ToString("R", inv)}]\n");
        }
        return sb.ToString();
    }
}
