using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

public class ScenariosCommandTests
{
    private static string TempFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spiral-cli-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Validate_BadFile_ExitsWith2AndPrintsFileLineColumn()
    {
        var path = TempFile("name: t\nstates:\n  - name: A\n    gdp: -3\n");
        try
        {
            var (code, _, err) = Run("scenarios", "validate", path);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains($"{path}:4:10: states[0].gdp: -3 is out of range; expected a number in (0, 1000000000000]", err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_BadFileJson_ListsTheErrors()
    {
        var path = TempFile("name: t\nstates: [{name: A, gdp: 1, colour: red}]\n");
        try
        {
            var (code, output, _) = Run("scenarios", "validate", path, "--json");
            Assert.Equal(ExitCodes.BadInput, code);
            using var doc = JsonDocument.Parse(output);
            Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
            var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal((2, 28, "states[0].colour"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32(), error.GetProperty("path").GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_MissingFile_ExitsWith2()
    {
        var (code, _, err) = Run("scenarios", "validate", "/nonexistent/scenario.yaml");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("/nonexistent/scenario.yaml", err);
    }

    [Fact]
    public void Validate_LibraryScenario_PrintsOk()
    {
        var (code, output, _) = Run("scenarios", "validate", "india-china-lac");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("OK india-china-lac", output);
    }

    [Fact]
    public void List_Json_HasEveryLibraryScenario()
    {
        var (code, output, _) = Run("scenarios", "list", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(output);
        var names = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("jervis-doubly-dangerous", names);
        Assert.Contains("india-china-lac", names);
        var lac = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "india-china-lac");
        Assert.Equal((2010, 2024), (lac.GetProperty("startYear").GetInt32(), lac.GetProperty("endYear").GetInt32()));
    }

    [Fact]
    public void List_Table_NamesTheScenarios()
    {
        var (code, output, _) = Run("scenarios", "list");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("jervis-doubly-stable", output);
    }

    [Fact]
    public void Show_LibraryScenario_PrintsTheDescription()
    {
        var (code, output, _) = Run("scenarios", "show", "jervis-doubly-dangerous");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("doubly dangerous", output);
    }

    [Fact]
    public void Show_UnknownScenario_ExitsWith2()
    {
        var (code, _, err) = Run("scenarios", "show", "atlantis");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no such file, and no library scenario", err);
    }

    [Fact]
    public void Schema_PrintsTheDraft202012Schema()
    {
        var (code, output, _) = Run("scenarios", "schema");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
    }
}
