using System.Xml.Linq;
using Spiral.Reporting.Plots;
using Spiral.Numerics.Statistics;

namespace Spiral.Reporting.Tests.Plots;

/// <summary>Each renderer writes a valid PNG and an SVG that parses as XML and carries its title and axis labels as text (so the shipped font is used).</summary>
public class PlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    internal static void AssertPng(string path, int minWidth = 1000, int minHeight = 600)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path}: only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        // IHDR: width and height, big-endian, at bytes 16..23.
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.True(width >= minWidth && height >= minHeight, $"{path}: {width}×{height}");
    }

    internal static string AssertSvg(string path, params string[] texts)
    {
        var text = File.ReadAllText(path);
        var doc = XDocument.Parse(text);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        var allText = string.Join(" ", doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        foreach (var t in texts)
        {
            Assert.Contains(t, allText);
        }
        Assert.Contains(PlotFonts.Family, text);
        return text;
    }

    private static readonly TrajectoryData Trajectory = new("test-scenario", 50, "US$ bn",
        [new TrajectoryBand("alpha", [2000, 2001, 2002], [1, 2, 3], [0.5, 1.5, 2], [1.5, 2.5, 4]),
         new TrajectoryBand("beta", [2000, 2001, 2002], [2, 2, 2], [1, 1, 1], [3, 3, 3])],
        [new TrajectoryBand("alpha", [2000, 2001, 2002], [0.9, 0.8, 0.7], [0.8, 0.7, 0.5], [1, 0.9, 0.8]),
         new TrajectoryBand("beta", [2000, 2001, 2002], [0.9, 0.9, 0.9], [0.8, 0.8, 0.8], [1, 1, 1])]);

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Trajectories_DrawMilexAndSecurityPanels(string ext)
    {
        var path = Path.Combine(TestStores.TempDir(), "trajectories." + ext);
        TrajectoryPlot.Render(Trajectory, path);
        if (ext == "png")
        {
            AssertPng(path, 1280, 1440);
        }
        else
        {
            AssertSvg(path, "Military spending, test-scenario", "military spending (US$ bn)", "security S", "year", "alpha (median)",
                "10th-90th percentile");
        }
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Beliefs_DrawOneCurvePerDyadAndTheSpiralThreshold(string ext)
    {
        var path = Path.Combine(TestStores.TempDir(), "beliefs." + ext);
        BeliefPlot.Render(new BeliefData("test-scenario", 10,
            [new BeliefCurve("alpha", "beta", [2000, 2001], [0.2, 0.6]), new BeliefCurve("beta", "alpha", [2000, 2001], [0.2, 0.3])]), path);
        if (ext == "png")
        {
            AssertPng(path);
        }
        else
        {
            AssertSvg(path, "Beliefs, test-scenario", "P(rival is greedy)", "alpha about beta", "spiral threshold");
        }
    }

    [Fact]
    public void Beliefs_ManyDyads_AreAveragedByRival()
    {
        var names = Enumerable.Range(0, 6).Select(i => "s" + i).ToArray();
        var curves = (from a in names from b in names where a != b select new BeliefCurve(a, b, [2000, 2001], [0.1, 0.2])).ToList();
        var path = Path.Combine(TestStores.TempDir(), "beliefs.svg");
        BeliefPlot.Render(new BeliefData("six", 3, curves), path);
        var svg = AssertSvg(path, "others about s0", "others about s5");
        Assert.DoesNotContain("s1 about s2", svg);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void WarVsParameter_DrawsPointsWithIntervals(string ext)
    {
        var path = Path.Combine(TestStores.TempDir(), "war." + ext);
        WarVsParameterPlot.Render(new WarVsParameterData("War against offense", "world.offenseAdvantage",
            [new ParameterPoint(0.5, Estimate.Proportion(2, 100), 100), new ParameterPoint(1, Estimate.Proportion(10, 100), 100),
             new ParameterPoint(2, Estimate.Proportion(40, 100), 100)]), path);
        if (ext == "png")
        {
            AssertPng(path);
        }
        else
        {
            AssertSvg(path, "War against offense", "world.offenseAdvantage", "P(war in a run)", "95% interval");
        }
    }

    [Fact]
    public void WarVsParameter_CategoricalAxis_LabelsEachValue()
    {
        var path = Path.Combine(TestStores.TempDir(), "policy.svg");
        WarVsParameterPlot.Render(new WarVsParameterData("War by policy", "states[a].policy",
            [new ParameterPoint(0, Estimate.Proportion(2, 10), 10), new ParameterPoint(1, Estimate.Proportion(5, 10), 10)],
            ["DefensiveRealist", "Grit"]), path);
        AssertSvg(path, "DefensiveRealist", "Grit");
    }

    private static FourWorldsData Grid()
    {
        double[] offense = [0.5, 0.75, 1, 1.25, 1.5, 2];
        double[] dist = [0, 0.2, 0.4, 0.6, 0.8, 1];
        var war = new double[offense.Length, dist.Length];
        for (var i = 0; i < offense.Length; i++)
        {
            for (var j = 0; j < dist.Length; j++)
            {
                war[i, j] = Math.Clamp(0.1 + 0.4 * (offense[i] - 0.5) - 0.3 * dist[j], 0, 1);
            }
        }
        return new FourWorldsData("P(war in a run), four worlds test", offense, dist, war, 100);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void FourWorlds_DrawsTheHeatMapWithJervisQuadrants(string ext)
    {
        var path = Path.Combine(TestStores.TempDir(), "four." + ext);
        FourWorldsPlot.Render(Grid(), path);
        if (ext == "png")
        {
            AssertPng(path, 1280, FourWorldsPlot.Height);
        }
        else
        {
            AssertSvg(path, "four worlds test", "offense advantage", "distinguishability", "P(war in a run)", "doubly dangerous",
                "doubly stable", "offense-distinguishable", "defense-indistinguishable");
        }
    }

    [Fact]
    public void FourWorlds_QuadrantBorderSitsBetweenCells()
    {
        Assert.Equal(2, FourWorldsPlot.Position([0.5, 0.75, 1, 1.25], 1.0), 9);
        Assert.Equal(1.5, FourWorldsPlot.Position([0, 0.2, 0.4, 0.6, 0.8, 1], 0.3), 9);
        Assert.Equal(-1, FourWorldsPlot.Position([1.5, 2], 1.0), 9);
    }

    private static TornadoData Tornado() => new("test-scenario", "hotline:a,b", 500,
    [
        new TornadoBar("hadWar", 0.4, new Estimate(-0.1, -0.15, -0.05)),
        new TornadoBar("crises", 3, new Estimate(-0.2, -0.5, 0.1)),
        new TornadoBar("meanFinalSecurity", 0.8, new Estimate(0.04, 0.02, 0.06)),
        new TornadoBar("cbmsSigned", 0, new Estimate(0, 0, 0)),
    ]);

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Tornado_DrawsSortedEffectsWithIntervals(string ext)
    {
        var path = Path.Combine(TestStores.TempDir(), "tornado." + ext);
        TornadoPlot.Render(Tornado(), path);
        if (ext == "png")
        {
            AssertPng(path);
        }
        else
        {
            AssertSvg(path, "Effect of hotline:a,b", "change relative to baseline (%)", "P(war)", "crises per run", "mean final security",
                "not shown: CBMs signed per run");
        }
    }

    [Fact]
    public void Tornado_SortsByRelativeMagnitude()
    {
        var order = TornadoPlot.Drawn(Tornado()).Select(b => b.Outcome).ToList();
        Assert.Equal(["hadWar", "crises", "meanFinalSecurity"], order);
    }

    [Theory]
    [InlineData("plot.pdf")]
    [InlineData("plot")]
    [InlineData("plot.png.txt")]
    public void BadExtension_IsRefused_AndNothingIsWritten(string name)
    {
        var dir = TestStores.TempDir();
        var path = Path.Combine(dir, name);
        var ex = Assert.Throws<PlotException>(() => TornadoPlot.Render(Tornado(), path));
        Assert.Contains(".png or .svg", ex.Message);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void MissingFolder_IsRefused()
    {
        var path = Path.Combine(TestStores.TempDir(), "no-such-folder", "x.png");
        var ex = Assert.Throws<PlotException>(() => TornadoPlot.Render(Tornado(), path));
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void Font_IsTheShippedOne()
    {
        PlotFonts.Register();
        Assert.True(PlotFonts.IsRegistered);
        Assert.Equal(PlotFonts.Family, ScottPlot.Fonts.Default);
        var typeface = ScottPlot.Fonts.GetTypeface(PlotFonts.Family, false, false);
        Assert.Equal(PlotFonts.Family, typeface.FamilyName);
    }

    [Fact]
    public void StackedSvg_HasUniqueIds()
    {
        var svg = PlotFile.Svg(TrajectoryPlot.Panels(Trajectory), idPrefix: "chart1");
        var doc = XDocument.Parse(svg);
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
