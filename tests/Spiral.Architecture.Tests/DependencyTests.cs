using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Spiral.Architecture.Tests;

/// <summary>
/// DESIGN.md section 7: dependencies point down only (Cli/Web → Reporting → IO → Experiments → Core, Analytic → Numerics;
/// Cli → Distributed → Experiments, beside IO), the
/// model projects read no global randomness or clock (section 8), and Numerics, Core and Analytic do no I/O; Core
/// starts no threads.
/// </summary>
public class DependencyTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Spiral.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>What each src project may reference directly.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Spiral.Numerics"] = [],
        ["Spiral.Core"] = ["Spiral.Numerics"],
        ["Spiral.Analytic"] = ["Spiral.Numerics"],
        ["Spiral.Experiments"] = ["Spiral.Core", "Spiral.Analytic", "Spiral.Numerics"],
        ["Spiral.IO"] = ["Spiral.Experiments", "Spiral.Core", "Spiral.Analytic", "Spiral.Numerics"],
        ["Spiral.Distributed"] = ["Spiral.Experiments", "Spiral.Core", "Spiral.Numerics"],
        ["Spiral.Reporting"] = ["Spiral.IO", "Spiral.Experiments", "Spiral.Core", "Spiral.Numerics"],
        ["Spiral.Cli"] = ["Spiral.Web", "Spiral.Reporting", "Spiral.IO", "Spiral.Distributed", "Spiral.Experiments", "Spiral.Core", "Spiral.Analytic", "Spiral.Numerics"],
        ["Spiral.Web"] = ["Spiral.Reporting", "Spiral.IO", "Spiral.Experiments", "Spiral.Core", "Spiral.Analytic", "Spiral.Numerics"],
    };

    /// <summary>Layer of each project: a project may reference only lower layers.</summary>
    private static readonly Dictionary<string, int> Layer = new()
    {
        ["Spiral.Numerics"] = 0, ["Spiral.Core"] = 1, ["Spiral.Analytic"] = 1, ["Spiral.Experiments"] = 2, ["Spiral.IO"] = 3,
        ["Spiral.Distributed"] = 3,
        ["Spiral.Reporting"] = 4, ["Spiral.Web"] = 5, ["Spiral.Cli"] = 6,
    };

    private static IEnumerable<string> SrcProjects() =>
        Directory.GetDirectories(Path.Combine(Root, "src"))
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .OrderBy(p => p, StringComparer.Ordinal);

    public static IEnumerable<string> References(string csproj)
    {
        var doc = XDocument.Load(csproj);
        return doc.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Select(inc => Path.GetFileNameWithoutExtension(inc.Replace('\\', '/')));
    }

    [Fact]
    public void Src_HasTheExpectedProjects()
    {
        var names = SrcProjects().Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var required in new[] { "Spiral.Numerics", "Spiral.Core", "Spiral.Analytic", "Spiral.Experiments", "Spiral.IO", "Spiral.Reporting", "Spiral.Cli" })
        {
            Assert.Contains(required, names);
        }
    }

    [Fact]
    public void ProjectReferences_PointDownOnly()
    {
        var problems = new List<string>();
        foreach (var csproj in SrcProjects())
        {
            var name = Path.GetFileNameWithoutExtension(csproj);
            if (!Allowed.TryGetValue(name, out var allowed))
            {
                problems.Add($"{name} is not a known layer; add it to the architecture test");
                continue;
            }
            foreach (var reference in References(csproj))
            {
                if (!allowed.Contains(reference))
                {
                    problems.Add($"{name} → {reference} is not allowed (allowed: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed))})");
                }
                else if (Layer[reference] >= Layer[name])
                {
                    problems.Add($"{name} → {reference} points sideways or up");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Numerics_ReferencesNothingOfOurs()
    {
        Assert.Empty(References(Path.Combine(Root, "src", "Spiral.Numerics", "Spiral.Numerics.csproj")));
    }

    [Theory]
    [InlineData("Spiral.Core")]
    [InlineData("Spiral.Analytic")]
    public void CoreAndAnalytic_ReferenceOnlyNumerics(string name)
    {
        Assert.All(References(Path.Combine(Root, "src", name, name + ".csproj")), r => Assert.Equal("Spiral.Numerics", r));
    }

    [Fact]
    public void Reporting_ReferencesIO()
    {
        Assert.Contains("Spiral.IO", References(Path.Combine(Root, "src", "Spiral.Reporting", "Spiral.Reporting.csproj")));
    }

    [Fact]
    public void Cli_ReferencesIO()
    {
        Assert.Contains("Spiral.IO", References(Path.Combine(Root, "src", "Spiral.Cli", "Spiral.Cli.csproj")));
    }

    [Theory]
    [InlineData("<ProjectReference Include=\"../Spiral.Cli/Spiral.Cli.csproj\" />", "Spiral.Core", false)]
    [InlineData("<ProjectReference Include=\"..\\Spiral.IO\\Spiral.IO.csproj\" />", "Spiral.Experiments", false)]
    [InlineData("<ProjectReference Include=\"../Spiral.Core/Spiral.Core.csproj\" />", "Spiral.Experiments", true)]
    [InlineData("<ProjectReference Include=\"../Spiral.Core/Spiral.Core.csproj\" />", "Spiral.Analytic", false)]
    [InlineData("<ProjectReference Include=\"../Spiral.Core/Spiral.Core.csproj\" />", "Spiral.Numerics", false)]
    [InlineData("<ProjectReference Include=\"../Spiral.Reporting/Spiral.Reporting.csproj\" />", "Spiral.IO", false)]
    [InlineData("<ProjectReference Include=\"../Spiral.Web/Spiral.Web.csproj\" />", "Spiral.Reporting", false)]
    [InlineData("<ProjectReference Include=\"../Spiral.Reporting/Spiral.Reporting.csproj\" />", "Spiral.Web", true)]
    public void Checker_CatchesAnUpwardReference(string item, string project, bool ok)
    {
        var path = Path.Combine(Path.GetTempPath(), $"arch-{Guid.NewGuid():N}.csproj");
        File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{item}</ItemGroup></Project>");
        try
        {
            var allowed = Allowed[project];
            Assert.Equal(ok, References(path).All(allowed.Contains));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<(string File, int Line, string Text)> SourceLines(string project) =>
        Directory.GetFiles(Path.Combine(Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (Path.GetRelativePath(Root, f), i + 1, text)))
            .Where(l => !l.Item3.TrimStart().StartsWith("//", StringComparison.Ordinal));

    private static void AssertNone(string project, params string[] patterns)
    {
        var hits = SourceLines(project)
            .Where(l => patterns.Any(p => Regex.IsMatch(l.Text, p)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(hits.Count == 0, string.Join(Environment.NewLine, hits));
    }

    [Theory]
    [InlineData("Spiral.Numerics")]
    [InlineData("Spiral.Core")]
    [InlineData("Spiral.Analytic")]
    [InlineData("Spiral.Experiments")]
    public void ModelProjects_UseNoGlobalRandomOrClock(string project) =>
        AssertNone(project, @"new\s+(System\.)?Random\s*\(", @"Random\.Shared", @"DateTime\.Now", @"DateTime\.UtcNow", @"DateTimeOffset\.(Utc)?Now");

    [Theory]
    [InlineData("Spiral.Numerics")]
    [InlineData("Spiral.Core")]
    [InlineData("Spiral.Analytic")]
    public void ModelProjects_DoNoIO(string project) =>
        AssertNone(project, @"\bSystem\.IO\b", @"\bFile\.", @"\bDirectory\.", @"\bConsole\.", @"\bPath\.", @"\b(Stream|Text)(Reader|Writer)\b",
            @"\bFile(Stream|Info)\b");

    [Fact]
    public void Core_StartsNoThreads()
    {
        AssertNone("Spiral.Core", @"\bSystem\.Threading\b", @"\bParallel\.", @"\bTask\.Run\b", @"new\s+Thread\s*\(");
    }

    /// <summary>Issue 10: experiments run only through the one runner, and IO holds no explorer view models (they live in Spiral.Web).</summary>
    [Theory]
    [InlineData("Spiral.IO")]
    [InlineData("Spiral.Web")]
    [InlineData("Spiral.Cli")]
    public void OutsideExperiments_NoSimulationLoopOrSecondOptionsRecord(string project) =>
        AssertNone(project, @"Simulation\.Run\(.*RunMetrics", @"EnsembleOptions", @"namespace\s+Spiral\.IO\.Explorer", @"IProgress<int>");
}
