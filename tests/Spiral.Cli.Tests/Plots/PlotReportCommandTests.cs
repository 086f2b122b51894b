using System.Text.RegularExpressions;
using System.Xml.Linq;
using Spiral.Cli.Tests.Analytic;

namespace Spiral.Cli.Tests.Plots;

/// <summary>
/// <c>spiral plot</c> and <c>spiral report</c> end to end on stores written by the real <c>spiral sweep</c> and
/// <c>spiral compare --out</c>; bad input exits 2 with one message and writes nothing.
/// </summary>
public sealed class PlotReportCommandTests : IClassFixture<PlotReportCommandTests.Stores>
{
    public sealed class Stores : IDisposable
    {
        public Stores()
        {
            Dir = Path.Combine(Path.GetTempPath(), "spiral-cli-plots-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(Dir);
            var sweepFile = Path.Combine(Dir, "grid.yaml");
            File.WriteAllText(sweepFile, """
                name: grid-test
                scenario: jervis-doubly-dangerous
                seed: 7
                replications: 4
                steps: 15
                axes:
                  - path: world.offenseAdvantage
                    values: [0.5, 1.5, 3.0]
                  - path: world.distinguishability
                    values: [0.1, 0.9]
                """);
            Sweep = Path.Combine(Dir, "grid.duckdb");
            var sweep = CliRunner.Run("sweep", sweepFile, "--out", Sweep, "--threads", "2", "--series", "sample", "2");
            Assert.True(sweep.ExitCode == 0, sweep.Error + sweep.Output);
            Compare = Path.Combine(Dir, "compare.duckdb");
            var compare = CliRunner.Run("compare", "india-china-lac", "--intervention", "hotline:india,china", "--runs", "60", "--seed", "3",
                "--threads", "2", "--out", Compare);
            Assert.True(compare.ExitCode == 0, compare.Error + compare.Output);
        }

        public string Dir { get; }
        public string Sweep { get; }
        public string Compare { get; }

        public string NewDir()
        {
            var d = Path.Combine(Dir, Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(d);
            return d;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private readonly Stores _stores;

    public PlotReportCommandTests(Stores stores) => _stores = stores;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("trajectories", "png", null)]
    [InlineData("trajectories", "svg", "Military spending")]
    [InlineData("beliefs", "svg", "P(rival is greedy)")]
    [InlineData("four-worlds", "png", null)]
    [InlineData("heatmap", "svg", "doubly stable")]
    [InlineData("war-vs-parameter", "svg", "world.offenseAdvantage")]
    public void Plot_FromASweep(string kind, string ext, string? text)
    {
        var file = Path.Combine(_stores.NewDir(), "chart." + ext);
        var args = new List<string> { "plot", _stores.Sweep, "--kind", kind, "-o", file, "--json" };
        if (kind == "war-vs-parameter")
        {
            args.AddRange(["--parameter", "world.offenseAdvantage"]);
        }
        var r = CliRunner.Run([.. args]);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(Path.GetFullPath(file), r.Json.GetProperty("file").GetString());
        Assert.Equal(ext, r.Json.GetProperty("format").GetString());
        if (ext == "png")
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.True(bytes.Length > 10_000);
        }
        else
        {
            var doc = XDocument.Parse(File.ReadAllText(file));
            var texts = string.Join(" ", doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            Assert.Contains(text!, texts);
            if (kind is "trajectories" or "beliefs")
            {
                Assert.Contains("year", texts);
            }
        }
    }

    [Fact]
    public void Plot_Tornado_FromACompareStore()
    {
        var file = Path.Combine(_stores.NewDir(), "tornado.svg");
        var r = CliRunner.Run("plot", _stores.Compare, "--kind", "tornado", "-o", file);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("tornado written to", r.Output);
        var svg = File.ReadAllText(file);
        XDocument.Parse(svg);
        Assert.Contains("Effect of hotline:india,china", svg);
    }

    [Theory]
    [InlineData("four-worlds", "offense-advantage × distinguishability")]
    [InlineData("trajectories", "no per-step series")]
    public void Plot_KindWhoseDataIsAbsent_Exits2_AndWritesNothing(string kind, string message)
    {
        var dir = _stores.NewDir();
        var r = CliRunner.Run("plot", _stores.Compare, "--kind", kind, "-o", Path.Combine(dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Plot_BadInput_Exits2_WithOneMessage_AndWritesNothing()
    {
        var dir = _stores.NewDir();
        var notAStore = Path.Combine(dir, "notes.duckdb");
        File.WriteAllText(notAStore, "hello");
        var cases = new (string[] Args, string Message)[]
        {
            (["plot", Path.Combine(dir, "missing.duckdb"), "--kind", "beliefs", "-o", Path.Combine(dir, "a.png")], "no such file"),
            (["plot", notAStore, "--kind", "beliefs", "-o", Path.Combine(dir, "b.png")], "not a Spiral results store"),
            (["plot", _stores.Sweep, "--kind", "beliefs", "-o", Path.Combine(dir, "c.jpg")], ".png or .svg"),
            (["plot", _stores.Sweep, "--kind", "pie", "-o", Path.Combine(dir, "d.png")], "pie"),
            (["plot", _stores.Sweep, "--kind", "war-vs-parameter", "-o", Path.Combine(dir, "e.png")], "--parameter"),
            (["plot", _stores.Sweep, "--kind", "war-vs-parameter", "--parameter", "world.nope", "-o", Path.Combine(dir, "f.png")], "not an axis"),
            (["plot", _stores.Sweep, "--kind", "trajectories", "--state", "Atlantis", "-o", Path.Combine(dir, "g.png")], "no such state"),
            (["plot", _stores.Sweep, "--kind", "beliefs", "-o", Path.Combine(dir, "no", "h.png")], "does not exist"),
            (["plot", _stores.Sweep, "--kind", "beliefs"], "--out"),
        };
        foreach (var (args, message) in cases)
        {
            var r = CliRunner.Run(args);
            Assert.True(r.ExitCode == 2, $"{string.Join(' ', args)} → {r.ExitCode}: {r.Error}");
            Assert.Contains(message, r.Error);
        }
        Assert.Equal([notAStore], Directory.GetFiles(dir));
    }

    [Fact]
    public void Report_OfASweep_IsSelfContainedHtml()
    {
        var file = Path.Combine(_stores.NewDir(), "report.html");
        var r = CliRunner.Run("report", _stores.Sweep, "-o", file, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("four-worlds", r.Json.GetProperty("charts").EnumerateArray().Select(c => c.GetString()));
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotMatch(new Regex("https?://", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<script|<link\\b|<img\\b|@import", RegexOptions.IgnoreCase), html);
        Assert.Contains("jervis-doubly-dangerous", html);
        Assert.Contains("<code>7</code>", html); // the master seed
        Assert.Contains("<svg", html);
        Assert.Contains("grid-test", html);
        Assert.Contains("replications: 4", html); // the sweep file as run
    }

    [Fact]
    public void Report_OfACompare_HasTheDifferences()
    {
        var file = Path.Combine(_stores.NewDir(), "report.html");
        var r = CliRunner.Run("report", _stores.Compare, "-o", file);
        Assert.True(r.ExitCode == 0, r.Error);
        var html = File.ReadAllText(file);
        Assert.Contains("hotline:india,china", html);
        Assert.Contains("india-china-lac", html);
        Assert.Contains("<svg", html);
    }

    [Fact]
    public void Report_BadInput_Exits2_AndWritesNothing()
    {
        var dir = _stores.NewDir();
        var r1 = CliRunner.Run("report", _stores.Sweep, "-o", Path.Combine(dir, "report.pdf"));
        Assert.Equal(2, r1.ExitCode);
        Assert.Contains(".html", r1.Error);
        var r2 = CliRunner.Run("report", Path.Combine(dir, "missing.duckdb"), "-o", Path.Combine(dir, "r.html"));
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("no such file", r2.Error);
        Assert.Empty(Directory.GetFiles(dir));
    }
}
