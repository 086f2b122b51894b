using System.Text.RegularExpressions;
using System.Xml.Linq;
using Spiral.Core.Events;
using Spiral.Reporting.Learn;
using Spiral.Reporting.Plots;
using Spiral.Reporting.Reports;
using Spiral.Reporting.Tests.Plots;

namespace Spiral.Reporting.Tests.Reports;

/// <summary>The report is one self-contained HTML file: scenario, seed, version, tables and inline SVG charts, nothing loaded from the network.</summary>
public class HtmlReportTests
{
    /// <summary>Anything a browser would fetch from elsewhere: src/href/xlink:href/url()/@import pointing at http(s) or protocol-relative URLs, scripts, style sheets.</summary>
    internal static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("</html>", html);
        Assert.DoesNotMatch(new Regex(@"(src|href|action|poster|data)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|<script|<link\b|<iframe|<img\b|<object|<embed", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"https?://", RegexOptions.IgnoreCase), html);
    }

    /// <summary>Every inline SVG parses as XML on its own.</summary>
    internal static int AssertInlineSvgs(string html)
    {
        var svgs = Regex.Matches(html, "<svg.*?</svg>\\s*(?=\\n<figcaption)", RegexOptions.Singleline);
        foreach (Match m in svgs)
        {
            var doc = XDocument.Parse(m.Value);
            Assert.Equal("svg", doc.Root!.Name.LocalName);
        }
        return svgs.Count;
    }

    [Fact]
    public void SweepReport_IsSelfContained_WithScenarioSeedVersionTablesAndCharts()
    {
        var path = Path.Combine(TestStores.TempDir(), "report.html");
        var summary = HtmlReport.Write(TestStores.FourWorlds(), path, "9.9.9-test");
        var html = File.ReadAllText(path);
        AssertSelfContained(html);
        Assert.Contains("jervis-doubly-dangerous", html);
        Assert.Contains(TestStores.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains("9.9.9-test", html);
        Assert.Contains("scenario hash", html);
        Assert.Contains("P(war in a run)", html);
        Assert.Contains("world.offenseAdvantage", html);
        Assert.Contains("<svg", html);
        Assert.Contains("doubly dangerous", html);
        Assert.True(AssertInlineSvgs(html) >= 4);
        Assert.Contains("trajectories", summary.Charts);
        Assert.Contains("four-worlds", summary.Charts);
        Assert.Contains(summary.Omitted, o => o.StartsWith("tornado", StringComparison.Ordinal));
        Assert.Equal(96, summary.Runs);
        // Each chart's element ids are its own, so clip paths do not collide between charts.
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void SweepReport_ConceptsAtWork_TitleGistAndSourceFromTheGlossary()
    {
        using var charts = StoreCharts.Open(TestStores.FourWorlds());
        var counts = charts.Reader.ConceptCounts();
        Assert.NotEmpty(counts);
        var html = HtmlReport.Build(charts, "four-worlds.duckdb", "9.9.9-test").Html;
        Assert.Contains("<h3>Concepts at work</h3>", html);
        var top = LearnLibrary.ForConcept(Enum.Parse<Concept>(counts[0].Concept))!;
        var row = Regex.Match(html, $"<tr><td id=\"concept-{top.Id}\">.*?</tr>").Value;
        Assert.Contains(System.Net.WebUtility.HtmlEncode(top.Title), row);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(top.Gist), row);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(top.Source), row);
        Assert.Contains($"<code>spiral explain {top.Id}</code>", row);
    }

    [Fact]
    public void EnsembleReport_ShowsTheScenarioTimeline_FromTheStoredText()
    {
        var path = Path.Combine(TestStores.TempDir(), "report.html");
        HtmlReport.Write(TestStores.Ensemble(), path, "1");
        var html = File.ReadAllText(path);
        AssertSelfContained(html);
        Assert.Contains("india-china-lac", html);
        Assert.Contains("<h2 id=\"outcomes\">", html);
        Assert.Contains("By state", html);
        Assert.DoesNotContain("<h2 id=\"sweep\">", html);
    }

    [Fact]
    public void EnsembleReport_Events_ModelAndScriptedCountedApartInPlainWords()
    {
        using var charts = StoreCharts.Open(TestStores.Ensemble());
        var html = HtmlReport.Build(charts, "ensemble.duckdb", "1").Html;
        Assert.Contains("<th>by the model</th><th>scripted (history)</th>", html);
        var incidents = charts.Reader.EventCounts().Single(c => c.Kind == nameof(EventKind.Incident));
        Assert.True(incidents.Scripted > 0, "india-china-lac's timeline incidents are scripted");
        string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<tr><td>incident opening a crisis</td><td class=\"n\">{N(incidents.Count)}</td><td class=\"n\">{N(incidents.Model)}</td><td class=\"n\">{N(incidents.Scripted)}</td>", html);
        Assert.Contains("<td>share of crises reaching use of force or war (ratio of sums over all runs)</td>", html);
        Assert.Contains("<td>scripted wars (history, not model output) per run</td>", html);
    }

    [Fact]
    public void ComparisonReport_HasTheDifferencesTableAndTornado()
    {
        var path = Path.Combine(TestStores.TempDir(), "report.html");
        var summary = HtmlReport.Write(TestStores.Comparison(), path, "1");
        var html = File.ReadAllText(path);
        AssertSelfContained(html);
        Assert.Contains("hotline:india,china", html);
        Assert.Contains("difference [95% interval]", html);
        Assert.Contains("tornado", summary.Charts);
    }

    [Fact]
    public void SensitivityReport_HasTheIndicesTableAndChart_AndNoSweepCharts()
    {
        var path = Path.Combine(TestStores.TempDir(), "sensitivity.html");
        var summary = HtmlReport.Write(TestStores.Sensitivity(), path, "1");
        var html = File.ReadAllText(path);
        AssertSelfContained(html);
        Assert.Equal(1, AssertInlineSvgs(html));
        Assert.Equal([PlotKinds.Sensitivity], summary.Charts);
        Assert.Empty(summary.Omitted);
        var (_, _, options, result) = TestStores.SensitivityAnalysisOf();
        Assert.Equal(result.Runs, summary.Runs);
        Assert.Contains("id=\"sensitivity\"", html);
        Assert.Contains("global sensitivity analysis", html);
        Assert.Contains($"{result.Points} design points × {options.RunsPerPoint} runs = {result.Runs} runs", html);
        var section = html[html.IndexOf("id=\"sensitivity\"", StringComparison.Ordinal)..html.IndexOf("id=\"charts\"", StringComparison.Ordinal)];
        var ranked = result.Ranked.ToList();
        Assert.True(section.IndexOf(ranked[0].Factor.Path, StringComparison.Ordinal) < section.IndexOf(ranked[1].Factor.Path, StringComparison.Ordinal),
            "the most influential factor is listed first");
        Assert.Contains(TornadoPlot.Number(ranked[0].Total!.Estimate), section);
    }

    [Fact]
    public void LibraryScenarioText_IsRenderedAsTables()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "scenarios", "india-china-lac.yaml"));
        Assert.Contains("Galwan", text);
        var path = Path.Combine(TestStores.TempDir(), "lac.duckdb");
        File.Copy(TestStores.Ensemble(), path);
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE experiment SET scenario_text = $text";
            cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("text", text));
            cmd.ExecuteNonQuery();
        }
        var html = Path.Combine(TestStores.TempDir(), "report.html");
        HtmlReport.Write(path, html, "1");
        var report = File.ReadAllText(html);
        AssertSelfContained(report);
        Assert.Contains("<h3>Timeline</h3>", report);
        Assert.Contains("Galwan", report);
        Assert.Contains("<h3>States</h3>", report);
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("report")]
    public void BadOutputExtension_IsRefused_AndNothingWritten(string name)
    {
        var dir = TestStores.TempDir();
        var ex = Assert.Throws<ReportException>(() => HtmlReport.Write(TestStores.Ensemble(), Path.Combine(dir, name)));
        Assert.Contains(".html", ex.Message);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void NotAStore_IsRefused_AndNothingWritten()
    {
        var dir = TestStores.TempDir();
        var bogus = Path.Combine(dir, "bogus.duckdb");
        File.WriteAllText(bogus, "no");
        var ex = Assert.Throws<ReportException>(() => HtmlReport.Write(bogus, Path.Combine(dir, "r.html")));
        Assert.Contains("not a Spiral results store", ex.Message);
        Assert.Equal([bogus], Directory.GetFiles(dir));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Spiral.slnx not found");
    }
}
