using Spiral.Cli.Tests.Analytic;
using Spiral.Core.Parameters;

namespace Spiral.Cli.Tests;

/// <summary><c>spiral params</c>, and the located errors every path that sets a parameter gives (issue: one definition for every parameter).</summary>
public sealed class ParamsCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-cli-params-");

    public void Dispose() => _dir.Delete(true);

    private string Sweep(string axes)
    {
        var file = Path.Combine(_dir.FullName, "s.yaml");
        File.WriteAllText(file, "name: s\nscenario: jervis-doubly-dangerous\nreplications: 2\nsteps: 5\naxes:\n" + axes);
        return file;
    }

    [Fact]
    public void Params_Json_ListsEveryCatalogParameterWithRangeDefaultAndSource()
    {
        var r = CliRunner.Run("params", "--json");
        Assert.Equal(0, r.ExitCode);
        var items = r.Json.EnumerateArray().ToList();
        Assert.Equal(ParameterCatalog.All.Count, items.Count);
        var warRung = items.Single(p => p.GetProperty("path").GetString() == "model.warRung");
        Assert.Equal("integer", warRung.GetProperty("type").GetString());
        Assert.Equal(1, warRung.GetProperty("min").GetDouble());
        Assert.Equal(44, warRung.GetProperty("max").GetDouble());
        Assert.Equal(12, warRung.GetProperty("default").GetDouble());
        Assert.Equal("Kahn 1965", warRung.GetProperty("source").GetString());
        foreach (var scope in new[] { "scenario", "world", "model", "state", "dyad", "alliance", "policy" })
        {
            Assert.Contains(items, p => p.GetProperty("scope").GetString() == scope);
        }
        var reaction = items.Single(p => p.GetProperty("path").GetString() == "states[NAME].policy.reaction (Richardson)");
        Assert.Equal(0.1, reaction.GetProperty("default").GetDouble());
    }

    [Fact]
    public void Params_Filter_TableWithMeanings()
    {
        var r = CliRunner.Run("params", "hotline");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("dyads[A,B].hotline", r.Output);
        Assert.Contains("model.hotlineDeEscalation", r.Output);
        Assert.DoesNotContain("world.offenseAdvantage", r.Output);
        Assert.Contains("dyads[A,B].hotline: H: strength of a crisis communication channel.", r.Output);
    }

    [Fact]
    public void Params_Markdown_EqualsTheCheckedInReferencePage()
    {
        var r = CliRunner.Run("params", "--markdown");
        Assert.Equal(0, r.ExitCode);
        var page = CliRunner.DataFile("x").Replace(Path.Combine("data", "x"), Path.Combine("docs", "reference", "parameters.md"), StringComparison.Ordinal);
        Assert.True(r.Output == File.ReadAllText(page),
            "docs/reference/parameters.md is out of date: run `spiral params --markdown > docs/reference/parameters.md`");
    }

    /// <summary>The ODD protocol's parameter tables are the reference page's tables, each heading one level lower (docs/explanation/odd.md).</summary>
    [Fact]
    public void Params_Markdown_TablesEqualTheOddProtocolParameterBlock()
    {
        var r = CliRunner.Run("params", "--markdown");
        Assert.Equal(0, r.ExitCode);
        var odd = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "docs", "explanation", "odd.md"));
        var begin = odd.IndexOf("\n<!-- parameters:begin", StringComparison.Ordinal);
        var open = odd.IndexOf('\n', begin + 1) + 1;
        var close = odd.IndexOf("\n<!-- parameters:end -->", open, StringComparison.Ordinal) + 1;
        Assert.True(begin >= 0 && close > open && open > begin + 1, "docs/explanation/odd.md has no parameters:begin/end block");
        var tables = r.Output[(r.Output.IndexOf("\n## ", StringComparison.Ordinal) + 1)..];
        var expected = string.Join('\n', tables.Split('\n').Select(line => line.StartsWith("## ", StringComparison.Ordinal) ? "#" + line : line));
        Assert.StartsWith("### Scenario\n", expected);
        Assert.True(odd[open..close] == expected,
            "docs/explanation/odd.md's parameter tables are out of date: regenerate them with the command in its Parameters section");
    }

    /// <summary>Every parameter the ODD protocol's submodel table names is in the catalog, so the table stays true when the catalog changes.</summary>
    [Fact]
    public void OddProtocol_SubmodelTable_NamesOnlyCatalogParameters()
    {
        var odd = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "docs", "explanation", "odd.md"));
        var start = odd.IndexOf("## 7. Submodels", StringComparison.Ordinal);
        var section = odd[start..odd.IndexOf("## Parameters", start, StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| submodel", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, rows.Count);
        var names = rows.SelectMany(row => System.Text.RegularExpressions.Regex.Matches(row.Split('|')[4], "`([A-Za-z]+)`").Select(m => m.Groups[1].Value)).ToList();
        Assert.True(names.Count > 40, $"{names.Count} parameter names");
        var catalog = ParameterCatalog.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(names, n => Assert.True(catalog.Contains(n), $"docs/explanation/odd.md names '{n}', which is not a catalog parameter"));
    }

    [Fact]
    public void Params_UnknownFilter_Exit2()
    {
        var r = CliRunner.Run("params", "gravity");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no parameter path contains 'gravity'", r.Error);
    }

    [Theory]
    [InlineData("  - path: world.depreciation\n    values: [0, 0.1]\n", "s.yaml:7:14: axes[0].values[0]: 'world.depreciation': 0 is out of range; expected a number in (0, 1)")]
    [InlineData("  - path: model.beliefFloor\n    values: [0.1, 0.6]\n", "s.yaml:7:19: axes[0].values[1]: 'model.beliefFloor': 0.6 is out of range; expected a number in (0, 0.5)")]
    [InlineData("  - path: model.warRung\n    values: [10.5]\n", "'model.warRung': 10.5 is not an integer; expected an integer in [1, 44]")]
    [InlineData("  - path: model.minMilitaryShare\n    values: [0.01, 0.5]\n", "expected minMilitaryShare ≤ developmentMilitaryShare ≤ maxMilitaryShare")]
    public void Sweep_InvalidPoint_Exit2NothingWritten(string axes, string expected)
    {
        var store = Path.Combine(_dir.FullName, "s.duckdb");
        var r = CliRunner.Run("sweep", Sweep(axes), "--out", store);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.False(File.Exists(store));
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void Sweep_IntegerModelAxis_Runs()
    {
        var store = Path.Combine(_dir.FullName, "s.duckdb");
        var r = CliRunner.Run("sweep", Sweep("  - path: model.warRung\n    values: [10, 12]\n"), "--out", store, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(4, r.Json.GetProperty("storedRuns").GetInt64());
    }

    [Fact]
    public void Compare_IntegerModelIntervention_Runs()
    {
        var r = CliRunner.Run("compare", "jervis-doubly-dangerous", "-i", "model.warRung=10", "--runs", "20", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
    }

    [Theory]
    [InlineData("model.warRung=10.5", "'model.warRung': 10.5 is not an integer")]
    [InlineData("world.offenseAdvantage=1e308", "'world.offenseAdvantage': 1E+308 is out of range")]
    [InlineData("model.minMilitaryShare=0.5", "model.developmentMilitaryShare: shares out of order")]
    public void Compare_InvalidIntervention_Exit2(string intervention, string expected)
    {
        var r = CliRunner.Run("compare", "jervis-doubly-dangerous", "-i", intervention, "--runs", "20");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.Empty(r.Output);
    }
}
