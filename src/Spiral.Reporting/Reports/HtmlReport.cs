using Spiral.Core.Parameters;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Sensitivity;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.IO.Files;
using Spiral.Core.Events;
using Spiral.Reporting.Learn;
using Spiral.Reporting.Narration;
using Spiral.Experiments.Running;
using Spiral.Reporting.Plots;
using Spiral.IO.Scenarios;
using Spiral.IO.Store;
using Spiral.Numerics.Statistics;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.Reporting.Reports;

/// <summary>What a report holds, for <c>spiral report --json</c>.</summary>
public sealed record ReportSummary(string File, string Experiment, string Scenario, long Runs, IReadOnlyList<string> Charts,
    IReadOnlyList<string> Omitted, long Bytes);

/// <summary>A report cannot be written: bad output path, or an unreadable store. The message says which.</summary>
public sealed class ReportException(string message) : Exception(message);

/// <summary>
/// <c>spiral report</c>: one self-contained HTML file from a results store — the scenario (name, parameters, timeline),
/// seeds, scenario hash, program version, tables of outcomes with 95% intervals and the charts as inline SVG. No
/// scripts, no style sheets or fonts from the network: it opens offline in any browser and prints.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>Most sweep points listed one by one in the per-point table.</summary>
    public const int MaxPointRows = 200;

    /// <summary>The version of the program writing the report (the assembly's informational version).</summary>
    public static string ProgramVersion(Assembly? assembly = null) =>
        (assembly ?? typeof(HtmlReport).Assembly).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Reads the store and writes the report atomically (a temporary file moved into place).</summary>
    public static ReportSummary Write(string storePath, string outputPath, string? version = null)
    {
        CheckOutput(outputPath);
        try
        {
            using var charts = StoreCharts.Open(storePath);
            var (html, drawn, omitted) = Build(charts, Path.GetFileName(storePath), version ?? ProgramVersion());
            OutputPath.WriteAtomically(outputPath, html);
            var runs = charts.Experiment.Kind == SensitivityKind ? charts.Experiment.TotalRuns : charts.Runs;
            return new ReportSummary(Path.GetFullPath(outputPath), charts.Experiment.Name, charts.Experiment.ScenarioName, runs,
                drawn, omitted, new FileInfo(outputPath).Length);
        }
        catch (Exception ex) when (ex is PlotException or OutputPathException)
        {
            throw new ReportException(ex.Message);
        }
    }

    public static void CheckOutput(string outputPath)
    {
        var extension = Path.GetExtension(outputPath).ToLowerInvariant();
        if (extension is not (".html" or ".htm"))
        {
            throw new ReportException($"'{outputPath}': a report file must end in .html.");
        }
        try
        {
            OutputPath.CheckFile(outputPath, ExistingOutput.Replace);
        }
        catch (OutputPathException ex)
        {
            throw new ReportException(ex.Message);
        }
    }

    /// <summary>The report's HTML, the charts drawn and the charts left out (with the reason).</summary>
    public static (string Html, IReadOnlyList<string> Charts, IReadOnlyList<string> Omitted) Build(StoreCharts charts, string sourceName, string version)
    {
        var e = charts.Experiment;
        var h = new StringBuilder();
        var drawn = new List<string>();
        var omitted = new List<string>();
        var runs = charts.Runs;
        var scenario = ParseScenario(e.ScenarioText, e.ScenarioName);

        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append($"<title>Spiral report: {Esc(e.Name)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n<main>\n");
        h.Append($"<h1>Spiral report: {Esc(e.Name)}</h1>\n");
        var title = scenario?.Title is { Length: > 0 } t ? $" — {Esc(t)}" : "";
        h.Append($"<p class=\"lead\">A {Esc(KindText(e.Kind))} of the scenario <strong class=\"scenario\">{Esc(e.ScenarioName)}</strong>{title}: ");
        var sensitivity = e.Kind == SensitivityKind ? charts.Sensitivity() : null;
        h.Append(sensitivity is not null
            ? $"{N(e.Points)} design points × {N(e.Replications)} runs = {N(e.TotalRuns)} runs, {TimeConvention.Span(e.StartYear, e.Steps)}; the store keeps each point's output, not the runs.</p>\n"
            : e.Kind == "compare" && runs == 0
            ? $"{N(e.Replications)} paired runs in each of {N(e.Points)} arms (baseline and treated, same seeds), {TimeConvention.Span(e.StartYear, e.Steps)}.</p>\n"
            : $"{N(runs)} runs finished of {N(e.TotalRuns)}, {TimeConvention.Span(e.StartYear, e.Steps)}.</p>\n");
        if (scenario?.Description is { Length: > 0 } description)
        {
            h.Append($"<p>{Esc(description)}</p>\n");
        }

        // Reproducibility.
        h.Append("<h2 id=\"reproduce\">Reproducibility</h2>\n<table class=\"kv\">\n");
        Row(h, "results store", sourceName);
        Row(h, "experiment", $"{e.Kind} {e.Name}");
        Row(h, "scenario", e.ScenarioName);
        Row(h, "scenario hash", e.ScenarioHash, code: true);
        Row(h, "master seed", e.MasterSeed.ToString(CultureInfo.InvariantCulture), code: true);
        Row(h, e.Kind switch { "compare" => "arms × paired runs", SensitivityKind => "design points × runs per point", _ => "sweep points × replications" },
            $"{N(e.Points)} × {N(e.Replications)} = {N(e.TotalRuns)} runs");
        Row(h, "runs with per-year detail", DetailText(e.DetailMode, e.DetailSample));
        Row(h, "written by", $"spiral {e.SpiralVersion}, store schema {e.SchemaVersion}" + (e.CreatedUtc is { } c ? $", {c}" : ""));
        Row(h, "report by", $"spiral {version}");
        h.Append("</table>\n");
        h.Append("<p>Run <var>k</var> draws every random number from streams derived from (master seed, <var>k</var>), so the same scenario, ");
        h.Append("sweep and seed reproduce every row bit for bit, whatever the thread count. Each run's own seed is in the <code>runs</code> table; the first runs:</p>\n");
        SeedTable(h, charts);

        // Scenario.
        h.Append("<h2 id=\"scenario\">Scenario</h2>\n");
        if (scenario is not null && e.SweepText is not null)
        {
            h.Append("<p>The base scenario; at each sweep point the swept parameters (see <a href=\"#sweep\">Sweep</a>) replace these values.</p>\n");
        }
        if (scenario is not null)
        {
            ScenarioTables(h, scenario);
        }
        if (e.ScenarioText is { Length: > 0 } text)
        {
            h.Append("<details><summary>The scenario file as run</summary>\n<pre>").Append(Esc(text)).Append("</pre></details>\n");
        }

        // Sweep, or the sensitivity analysis's factors and indices.
        var axes = sensitivity is null ? charts.Axes() : [];
        if (sensitivity is not null)
        {
            SensitivitySection(h, sensitivity);
        }
        else if (axes.Count > 0 || e.SweepText is not null)
        {
            h.Append("<h2 id=\"sweep\">Sweep</h2>\n<table>\n<thead><tr><th>axis</th><th>parameter</th><th>kind</th><th>values</th></tr></thead>\n<tbody>\n");
            foreach (var a in axes)
            {
                h.Append($"<tr><td>{a.Axis}</td><td><code>{Esc(a.Path)}</code></td><td>{Esc(a.Kind)}</td><td>{Esc(AxisValues(charts, a))}</td></tr>\n");
            }
            h.Append("</tbody></table>\n");
            if (e.SweepText is { Length: > 0 } sweep)
            {
                h.Append("<details><summary>The sweep file as run</summary>\n<pre>").Append(Esc(sweep)).Append("</pre></details>\n");
            }
        }

        // Outcomes.
        if (runs > 0)
        {
            h.Append("<h2 id=\"outcomes\">Outcomes</h2>\n");
            h.Append($"<p>Over all {N(runs)} runs{(axes.Count > 0 ? " (every sweep point pooled)" : "")}: the mean per run and its 95% interval ");
            h.Append("(Wilson for probabilities, normal approximation for means).</p>\n");
            OutcomeTable(h, charts);
            StateTable(h, charts);
            if (axes.Count > 0)
            {
                PointTable(h, charts, axes);
            }
            EventTable(h, charts);
        }

        // Counterfactuals.
        if (charts.HasTable(S.Comparisons.Table) && charts.Reader.Comparisons() is { Count: > 0 } comparisons)
        {
            h.Append("<h2 id=\"comparisons\">Counterfactuals</h2>\n");
            h.Append("<p>Each intervention was run on the same seeds as the baseline; the difference is treated − baseline, paired run by run, with its 95% interval. ");
            h.Append("<strong>*</strong> marks an interval that excludes 0.</p>\n");
            foreach (var g in comparisons.GroupBy(x => x.Intervention))
            {
                h.Append($"<h3><code>{Esc(g.Key)}</code> ({N(g.Max(x => x.Runs))} paired runs)</h3>\n");
                h.Append("<table>\n<thead><tr><th>outcome</th><th>baseline</th><th>treated</th><th>difference [95% interval]</th></tr></thead>\n<tbody>\n");
                foreach (var x in g)
                {
                    var star = x.Low > 0 || x.High < 0 ? " *" : "";
                    h.Append($"<tr><td>{Esc(OutcomeRegistry.LabelOf(x.Outcome))}</td><td class=\"n\">{F(x.Baseline)}</td><td class=\"n\">{F(x.Treated)}</td>");
                    h.Append($"<td class=\"n\">{Signed(x.Difference)} [{F(x.Low)}, {F(x.High)}]{star}</td></tr>\n");
                }
                h.Append("</tbody></table>\n");
            }
        }

        // Charts.
        h.Append("<h2 id=\"charts\">Charts</h2>\n");
        var figure = 0;
        void Chart(string name, string caption, Func<(IReadOnlyList<ScottPlot.Plot> Panels, int Height)> draw)
        {
            try
            {
                var (panels, height) = draw();
                figure++;
                var svg = InlineSvg(PlotFile.Svg(panels, PlotFile.Width, height, "fig" + figure.ToString(CultureInfo.InvariantCulture)));
                h.Append($"<figure id=\"{name}\">\n{svg}\n<figcaption>Figure {figure}. {Esc(caption)}</figcaption>\n</figure>\n");
                drawn.Add(name);
            }
            catch (PlotException ex)
            {
                omitted.Add($"{name}: {ex.Message}");
            }
        }
        if (sensitivity is not null)
        {
            Chart(PlotKinds.Sensitivity, sensitivity.Options.Method == SensitivityMethod.Sobol
                    ? "Sobol total and first-order indices of each factor, most influential on top, with their bootstrap intervals."
                    : "Morris μ* of each factor (the mean absolute change of the output over the factor's range), most influential on top, with its bootstrap interval.",
                () => charts.Panels(PlotKinds.Sensitivity));
        }
        else
        {
            SweepCharts();
        }
        void SweepCharts()
        {
            Chart(PlotKinds.Trajectories, "Military spending and security of each state by year: the median over the runs with per-year detail, and the band from the 10th to the 90th percentile.",
                () => charts.Panels(PlotKinds.Trajectories));
            Chart(PlotKinds.Beliefs, "Mean over runs of each state's belief that another is greedy. Above 0.5 between two security-seekers is a spiral.",
                () => charts.Panels(PlotKinds.Beliefs));
            if (axes.Count > 0)
            {
                Chart(PlotKinds.FourWorlds, "War probability over offense advantage × distinguishability, with Jervis's (1978) four worlds named.",
                    () => charts.Panels(PlotKinds.FourWorlds));
                foreach (var a in axes.Take(6))
                {
                    Chart(PlotKinds.WarVsParameter + ":" + a.Path, $"War probability at each value of {a.Path}, with 95% (Wilson) intervals.",
                        () => charts.Panels(PlotKinds.WarVsParameter, parameter: a.Path));
                }
            }
            Chart(PlotKinds.Tornado, "Effects of each intervention as a share of the baseline, largest first, with 95% intervals; the raw paired differences are listed on the right.",
                () => charts.Panels(PlotKinds.Tornado));
        }
        if (drawn.Count == 0)
        {
            h.Append("<p>No chart: this store holds none of the data the charts need.</p>\n");
        }
        if (omitted.Count > 0)
        {
            h.Append("<details><summary>Charts not drawn</summary>\n<ul>\n");
            foreach (var o in omitted)
            {
                h.Append($"<li>{Esc(o)}</li>\n");
            }
            h.Append("</ul></details>\n");
        }

        h.Append("<footer>Spiral simulates the security dilemma (Herz 1950; Butterfield 1951; Jervis 1976, 1978). ");
        h.Append($"This page was written by <code>spiral report</code> {Esc(version)} from <code>{Esc(sourceName)}</code> and needs no network.</footer>\n");
        h.Append("</main>\n</body>\n</html>\n");
        return (h.ToString(), drawn, omitted);
    }

    private static Scenario? ParseScenario(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            var (scenario, _) = ScenarioLoader.TryLoadText(text, name + ".yaml");
            return scenario;
        }
        catch (Exception ex) when (ex is ScenarioException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static void ScenarioTables(StringBuilder h, Scenario s)
    {
        h.Append("<h3>World</h3>\n<table class=\"kv\">\n");
        Row(h, "name", s.Name);
        Row(h, "years", TimeConvention.Span(s.StartYear, s.Steps));
        foreach (var p in ParameterCatalog.Of(ParameterScope.World))
        {
            Row(h, p.Name, $"{F(ParameterCatalog.Get(s, p.Path))} ({p.Meaning})");
        }
        if (s.PriorBelief is { } prior)
        {
            Row(h, "prior belief", F(prior));
        }
        h.Append("</table>\n");

        h.Append("<h3>States</h3>\n<table>\n<thead><tr><th>state</th><th>GDP</th><th>growth</th><th>military share</th><th>posture (offense share)</th>");
        h.Append("<th>P(greedy)</th><th>policy</th><th>empathy</th><th>internal threat</th><th>development priority</th></tr></thead>\n<tbody>\n");
        foreach (var st in s.States)
        {
            h.Append($"<tr><td>{Esc(st.Name)}</td><td class=\"n\">{F(st.Gdp)}</td><td class=\"n\">{F(st.Growth)}</td><td class=\"n\">{F(st.MilitaryShare)}</td>");
            h.Append($"<td class=\"n\">{F(st.Posture)}</td><td class=\"n\">{F(st.GreedProbability)}</td><td>{Esc(st.Policy.Name)} / {Esc(st.GreedyPolicy.Name)} if greedy</td>");
            h.Append($"<td class=\"n\">{F(st.Empathy)}</td><td class=\"n\">{F(st.InternalThreat)}</td><td class=\"n\">{F(st.DevelopmentPriority)}</td></tr>\n");
        }
        h.Append("</tbody></table>\n");

        if (s.Dyads.Count > 0)
        {
            h.Append("<h3>Dyads</h3>\n<table>\n<thead><tr><th>pair</th><th>reach</th><th>rivalry</th><th>transparency</th><th>hotline</th></tr></thead>\n<tbody>\n");
            foreach (var d in s.Dyads)
            {
                h.Append($"<tr><td>{Esc(d.A)} – {Esc(d.B)}</td><td class=\"n\">{F(d.Reach)}</td><td class=\"n\">{F(d.Rivalry)}</td><td class=\"n\">{F(d.Transparency)}</td><td class=\"n\">{F(d.Hotline)}</td></tr>\n");
            }
            h.Append("</tbody></table>\n");
        }
        if (s.Alliances.Count > 0)
        {
            h.Append("<h3>Alliances</h3>\n<ul>\n");
            foreach (var a in s.Alliances)
            {
                h.Append($"<li>{Esc(a.Name)}: {Esc(string.Join(", ", a.Members))} (commitment {F(a.Commitment)})</li>\n");
            }
            h.Append("</ul>\n");
        }
        h.Append("<h3>Timeline</h3>\n");
        if (s.Timeline.Count == 0)
        {
            h.Append("<p>No dated events: the run unfolds from the initial state alone.</p>\n");
        }
        else
        {
            h.Append("<table>\n<thead><tr><th>year</th><th>event</th><th>actors</th><th>value</th><th>what happened</th></tr></thead>\n<tbody>\n");
            foreach (var ev in s.Timeline.OrderBy(x => x.Year))
            {
                var what = string.Join(" ", new[] { ev.Name, ev.Description, ev.Source is { Length: > 0 } src ? $"({src})" : null }.Where(x => !string.IsNullOrWhiteSpace(x)));
                h.Append($"<tr><td>{ev.Year}</td><td>{Esc(ev.Kind.ToString())}</td><td>{Esc(string.Join(", ", ev.Actors))}</td>");
                h.Append($"<td class=\"n\">{(ev.Value is { } v ? F(v) : "")}</td><td>{Esc(what)}</td></tr>\n");
            }
            h.Append("</tbody></table>\n");
        }
        if (s.Sources.Count > 0)
        {
            h.Append("<h3>Sources</h3>\n<ul>\n");
            foreach (var src in s.Sources)
            {
                h.Append($"<li>{Esc(src)}</li>\n");
            }
            h.Append("</ul>\n");
        }
    }

    private static void SeedTable(StringBuilder h, StoreCharts charts)
    {
        h.Append("<table>\n<thead><tr><th>run</th><th>point</th><th>replication</th><th>seed</th><th>scenario hash</th></tr></thead>\n<tbody>\n");
        var any = false;
        foreach (var run in charts.Reader.FirstRuns(5))
        {
            any = true;
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{run.RunId}</td><td>{run.Point}</td><td>{run.Replication}</td><td><code class=\"seed\">{run.Seed}</code></td><td><code>{Esc(run.ScenarioHash)}</code></td></tr>\n");
        }
        if (!any)
        {
            h.Append("<tr><td colspan=\"5\">no runs stored (a comparison store keeps only the paired differences)</td></tr>\n");
        }
        h.Append("</tbody></table>\n");
    }

    private static void OutcomeTable(StringBuilder h, StoreCharts charts)
    {
        h.Append("<p>Conflict counts are the model's own output: what the scenario's timeline scripted (history) is left out, and scripted wars are counted apart. ");
        h.Append("Crises are counted at their end by their highest MID hostility level; wars by their route (private information, commitment problem, pre-emption).</p>\n");
        h.Append("<table>\n<thead><tr><th>outcome</th><th>mean</th><th>95% interval</th></tr></thead>\n<tbody>\n");
        var outcomes = charts.Reader.RunOutcomes();
        foreach (var o in outcomes)
        {
            h.Append($"<tr><td>{Esc(o.Outcome.Label)}</td><td class=\"n\">{F(o.Mean)}</td><td class=\"n\">[{F(o.Estimate.Low)}, {F(o.Estimate.High)}]</td></tr>\n");
        }
        foreach (var ratio in OutcomeRegistry.Ratios)
        {
            h.Append($"<tr><td>{Esc(ratio.Label)} (ratio of sums over all runs)</td><td class=\"n\">{F(OutcomeStatistics.Ratio(ratio, outcomes))}</td><td class=\"n\"></td></tr>\n");
        }
        h.Append("</tbody></table>\n");
    }

    private static void StateTable(StringBuilder h, StoreCharts charts)
    {
        if (!charts.HasTable(S.RunStates.Table))
        {
            return;
        }
        var states = charts.Reader.StateOutcomes();
        if (states.Count == 0)
        {
            return;
        }
        h.Append("<h3>By state</h3>\n<table>\n<thead><tr><th>state</th>");
        foreach (var o in OutcomeRegistry.States)
        {
            h.Append($"<th>{Esc(o.Label)}</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var st in states)
        {
            var name = st.State < charts.States.Count ? charts.States[st.State] : st.State.ToString(CultureInfo.InvariantCulture);
            h.Append($"<tr><td>{Esc(name)}</td>");
            foreach (var o in st.Outcomes)
            {
                h.Append($"<td class=\"n\">{E(o.Estimate)}</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody></table>\n");
    }

    private static void PointTable(StringBuilder h, StoreCharts charts, IReadOnlyList<StoredAxis> axes)
    {
        var headline = OutcomeRegistry.Runs.Where(o => o.Headline).ToList();
        var points = charts.Reader.PointSummaries();
        h.Append("<h3>By sweep point</h3>\n<table>\n<thead><tr><th>point</th>");
        foreach (var a in axes)
        {
            h.Append($"<th><code>{Esc(a.Path)}</code></th>");
        }
        h.Append("<th>runs</th>");
        foreach (var o in headline)
        {
            h.Append($"<th>{Esc(o.Label)}{(o.Kind == OutcomeKind.Indicator ? " [95% interval]" : "")}</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var p in points.Take(MaxPointRows))
        {
            h.Append($"<tr><td>{p.Point}</td>");
            for (var k = 0; k < axes.Count; k++)
            {
                h.Append($"<td>{Esc(k < p.Values.Count ? p.Values[k] : "")}</td>");
            }
            h.Append($"<td class=\"n\">{p.Runs}</td>");
            foreach (var o in headline)
            {
                var e = p[o].Estimate;
                h.Append($"<td class=\"n\">{(o.Kind == OutcomeKind.Indicator ? E(e) : F(e.Mean))}</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody></table>\n");
        if (points.Count > MaxPointRows)
        {
            h.Append($"<p>First {MaxPointRows} of {N(points.Count)} points; query the store for the rest (<code>SELECT … FROM runs GROUP BY point</code>).</p>\n");
        }
    }

    private static void EventTable(StringBuilder h, StoreCharts charts)
    {
        if (!charts.HasTable(S.Events.Table))
        {
            return;
        }
        var detailed = charts.Reader.DetailedRunCount();
        if (detailed == 0)
        {
            return;
        }
        var rows = new StringBuilder();
        foreach (var e in charts.Reader.EventCounts())
        {
            rows.Append($"<tr><td>{Esc(EventWords.Of(e.Kind))}</td><td class=\"n\">{N(e.Count)}</td><td class=\"n\">{N(e.Model)}</td><td class=\"n\">{N(e.Scripted)}</td>");
            rows.Append($"<td class=\"n\">{F((double)e.Model / detailed)}</td></tr>\n");
        }
        if (rows.Length == 0)
        {
            return;
        }
        h.Append($"<h3>Events</h3>\n<p>Over the {N(detailed)} runs with per-year detail: the model's own events, and those the scenario's timeline scripted (history, ");
        h.Append("with everything inside a crisis a scripted incident opened).</p>\n");
        h.Append("<table>\n<thead><tr><th>event</th><th>count</th><th>by the model</th><th>scripted (history)</th><th>by the model per run</th></tr></thead>\n<tbody>\n")
            .Append(rows).Append("</tbody></table>\n");
        ConceptTable(h, charts, detailed);
    }

    /// <summary>The concepts the events show, each explained by its glossary entry (<see cref="LearnLibrary"/>).</summary>
    private static void ConceptTable(StringBuilder h, StoreCharts charts, long detailed)
    {
        var rows = new StringBuilder();
        foreach (var c in charts.Reader.ConceptCounts())
        {
            if (!Enum.TryParse<Concept>(c.Concept, out var concept) || LearnLibrary.ForConcept(concept) is not { } entry)
            {
                continue;
            }
            rows.Append($"<tr><td id=\"concept-{Esc(entry.Id)}\">{Esc(entry.Title)}</td><td class=\"n\">{N(c.Count)}</td><td class=\"n\">{F((double)c.Count / detailed)}</td>");
            rows.Append($"<td>{Esc(entry.Gist)}</td><td>{Esc(entry.Source)}</td><td><code>spiral explain {Esc(entry.Id)}</code></td></tr>\n");
        }
        if (rows.Length == 0)
        {
            return;
        }
        h.Append("<h3>Concepts at work</h3>\n<p>The same events by the concept of the security dilemma each one shows.</p>\n");
        h.Append("<table>\n<thead><tr><th>concept</th><th>events</th><th>per run</th><th>what it means</th><th>source</th><th>read more</th></tr></thead>\n<tbody>\n")
            .Append(rows).Append("</tbody></table>\n");
    }

    private static string AxisValues(StoreCharts charts, StoredAxis a)
    {
        var values = charts.Reader.AxisValues(a.Path, 13);
        var shown = values.Count > 12 ? string.Join(", ", values.Take(12)) + ", …" : string.Join(", ", values);
        return $"{a.ValueCount} values" + (shown.Length > 0 ? $": {shown}" : "");
    }

    /// <summary>Prepares a chart's SVG for inlining: no XML namespace URLs (HTML needs none), scalable by CSS.</summary>
    public static string InlineSvg(string svg)
    {
        // SVG 2 takes plain href; with it no namespace declaration (a URL) is needed and the SVG stays well-formed XML.
        svg = NamespaceAttribute().Replace(svg, "").Replace("xlink:href=", "href=", StringComparison.Ordinal);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = svg.IndexOf('>', open);
        var tag = svg[open..end];
        if (!tag.Contains("viewBox", StringComparison.Ordinal))
        {
            var w = SizeAttribute("width").Match(tag);
            var hgt = SizeAttribute("height").Match(tag);
            if (w.Success && hgt.Success)
            {
                svg = svg.Insert(end, $" viewBox=\"0 0 {w.Groups[1].Value} {hgt.Groups[1].Value}\"");
            }
        }
        return svg.Insert(open + 4, " role=\"img\"");
    }

    private static Regex SizeAttribute(string name) => new($"\\s{name}=\"([0-9.]+)(px)?\"", RegexOptions.CultureInvariant);

    [GeneratedRegex("\\s+xmlns(:[a-z]+)?=\"[^\"]*\"")]
    private static partial Regex NamespaceAttribute();

    private const string SensitivityKind = "sensitivity";

    /// <summary>What was analysed, and each factor's range and indices, most influential first.</summary>
    private static void SensitivitySection(StringBuilder h, SensitivityResult r)
    {
        var sobol = r.Options.Method == SensitivityMethod.Sobol;
        var level = (100 * r.Options.Level).ToString("0", CultureInfo.InvariantCulture) + "%";
        h.Append("<h2 id=\"sensitivity\">Sensitivity</h2>\n");
        h.Append($"<p>What drives <strong>{Esc(r.OutputLabel)}</strong> (<code>{Esc(r.Output)}</code>): ");
        h.Append(sobol
            ? $"Sobol indices on Saltelli's design (N = {N(r.Options.Samples)}), first-order and total (Jansen/Saltelli estimators), "
            : $"Morris elementary effects on {N(r.Options.Samples)} trajectories, μ* and σ, ");
        h.Append($"each with a {level} bootstrap interval ({N(r.Options.Bootstrap)} replicates). Each factor ranges uniformly over the interval shown; ");
        h.Append($"{N(r.Options.RunsPerPoint)} runs per design point on the same seeds. Over the design the output has mean {F(r.OutputMean)} and variance {F(r.OutputVariance)}, ");
        h.Append($"of which {F(100 * r.NoiseShare)}% is Monte Carlo noise of the runs per point.</p>\n");
        if (r.NoiseShare > 0.25)
        {
            h.Append("<p><strong>Caution:</strong> more than a quarter of the variance is noise, which inflates total indices; more runs per point would sharpen them.</p>\n");
        }
        h.Append(sobol
            ? $"<table>\n<thead><tr><th>factor</th><th>range</th><th>total index [{level}]</th><th>first-order index [{level}]</th></tr></thead>\n<tbody>\n"
            : $"<table>\n<thead><tr><th>factor</th><th>range</th><th>μ* [{level}]</th><th>μ</th><th>σ</th></tr></thead>\n<tbody>\n");
        foreach (var f in r.Ranked)
        {
            h.Append($"<tr><td><code>{Esc(f.Factor.Path)}</code></td><td class=\"n\">[{F(f.Factor.Min)}, {F(f.Factor.Max)}]</td>");
            h.Append(sobol
                ? $"<td class=\"n\">{Interval(f.Total)}</td><td class=\"n\">{Interval(f.First)}</td></tr>\n"
                : $"<td class=\"n\">{Interval(f.MuStar)}</td><td class=\"n\">{F(f.Mu ?? double.NaN)}</td><td class=\"n\">{F(f.Sigma ?? double.NaN)}</td></tr>\n");
        }
        h.Append("</tbody></table>\n");

        static string Interval(Spiral.Numerics.Sensitivity.SensitivityInterval? i) => i is null ? "" : $"{F(i.Estimate)} [{F(i.Low)}, {F(i.High)}]";
    }

    private static string KindText(string kind) => kind switch
    {
        SensitivityKind => "global sensitivity analysis",
        "sweep" => "parameter sweep",
        "ensemble" => "Monte Carlo ensemble",
        "compare" => "paired counterfactual comparison",
        _ => kind,
    };

    private static string DetailText(string mode, int sample) => mode switch
    {
        "all" => "every run",
        "none" => "none (outcomes only)",
        "sample" => $"replications 0–{sample - 1} of every point",
        _ => mode,
    };

    private static void Row(StringBuilder h, string key, string value, bool code = false) =>
        h.Append($"<tr><th>{Esc(key)}</th><td>{(code ? $"<code>{Esc(value)}</code>" : Esc(value))}</td></tr>\n");

    private static double D(object value) => value is DBNull ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Esc(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v) => double.IsNaN(v) ? "n/a" : TornadoPlot.Number(v);

    private static string Signed(double v) => v > 0 ? "+" + F(v) : F(v);

    private static string E(Estimate e) => $"{F(e.Mean)} [{F(e.Low)}, {F(e.High)}]";

    private const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #fafafa; color: #1d1d1f; font: 17px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
        h1 { font-size: 2em; margin: 0.3em 0; }
        h2 { font-size: 1.45em; margin-top: 1.8em; border-bottom: 2px solid #ddd; padding-bottom: 0.2em; }
        h3 { font-size: 1.15em; margin-top: 1.4em; }
        .lead { font-size: 1.15em; }
        table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.95em; }
        th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; vertical-align: top; }
        thead th { background: #f0f0f0; }
        table.kv th { background: #f7f7f7; font-weight: 600; white-space: nowrap; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; }
        pre { background: #f6f6f6; border: 1px solid #ddd; padding: 12px; overflow-x: auto; white-space: pre-wrap; }
        details { margin: 0.6em 0 1em; }
        summary { cursor: pointer; font-weight: 600; }
        figure { margin: 1.5em 0; }
        figure svg { display: block; width: 100%; height: auto; border: 1px solid #e3e3e3; }
        figcaption { font-size: 0.95em; color: #444; margin-top: 0.4em; }
        footer { margin-top: 3em; font-size: 0.9em; color: #555; border-top: 1px solid #ddd; padding-top: 1em; }
        @media print { body { background: #fff; } main { max-width: none; padding: 0; } figure { break-inside: avoid; } }
        """;
}
