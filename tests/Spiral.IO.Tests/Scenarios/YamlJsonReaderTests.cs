using System.Diagnostics;
using Spiral.IO.Scenarios;
using Spiral.IO.Sweeps;

namespace Spiral.IO.Tests.Scenarios;

/// <summary>
/// Issue 14: the YAML reader is bounded while it reads. Deep nesting (a stack overflow in the scanner and the reader)
/// and alias bombs (memory) stop at the node that crossed the limit, with one located error; device and oversized
/// files are refused before reading.
/// </summary>
public sealed class YamlJsonReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-yaml-");

    public void Dispose() => _dir.Delete(true);

    private static ScenarioError Single(string yaml)
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(yaml, "bad.yaml");
        Assert.Null(scenario);
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_TenThousandNestedBrackets_OneErrorAtLevelSixtyFive(bool closed)
    {
        var yaml = "name: x\nstates: " + new string('[', 10_000) + (closed ? new string(']', 10_000) : "");
        var e = Single(yaml);
        // Under the root mapping, the k-th '[' opens level k + 1, so level 65 is the 64th '[', at column 8 + 64.
        Assert.Equal((2, 72), (e.Line, e.Column));
        Assert.Equal($"sequences and mappings are nested deeper than {YamlJsonReader.MaxDepth} levels here; expected at most {YamlJsonReader.MaxDepth} levels", e.Message);
    }

    [Fact]
    public void Read_NestingOfSixtyFourLevels_IsRead()
    {
        var doc = YamlJsonReader.Read("a: " + new string('[', 63) + "1" + new string(']', 63));
        Assert.Empty(doc.Errors);
        Assert.False(doc.Fatal);
    }

    [Fact]
    public void Read_DeepBlockMappings_RefusedLikeFlow()
    {
        var yaml = string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + $"k{i}:\n")) + new string(' ', 200) + "v";
        var e = Single(yaml);
        Assert.Equal(65, e.Line);
        Assert.Contains("nested deeper than 64 levels", e.Message);
    }

    [Fact]
    public void Read_AliasBomb_RefusedAtTheAliasThatCrossesTheLimit_Quickly()
    {
        // a0 has 11 nodes; each a{i} repeats a{i-1} ten times: a5 alone expands to more than a million nodes.
        var lines = new List<string> { "name: bomb", "a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }
        lines.Add("states: *a9");
        var clock = Stopwatch.StartNew();
        var e = Single(string.Join("\n", lines));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(7, e.Line);
        Assert.Equal("the document has more than 1,000,000 nodes (aliases expanded); expected a smaller file (nested aliases that repeat a node millions of times are refused)", e.Message);
    }

    [Fact]
    public void Read_AliasesThatNestTooDeep_Refused()
    {
        var lines = new List<string> { "name: deep", "a0: &a0 " + new string('[', 40) + "1" + new string(']', 40) };
        lines.Add("a1: &a1 " + new string('[', 40) + "*a0" + new string(']', 40));
        lines.Add("states: *a1");
        var e = Single(string.Join("\n", lines));
        Assert.Equal((3, 49), (e.Line, e.Column));
        Assert.Contains("the alias '*a0' nests the document deeper than 64 levels", e.Message);
    }

    [Fact]
    public void Read_ModestAliases_StillWork()
    {
        var doc = YamlJsonReader.Read("base: &b {gdp: 100, growth: 0.02}\nstates:\n  - *b\n  - *b\n");
        Assert.Empty(doc.Errors);
        Assert.Equal(100, doc.Root!["states"]![1]!["gdp"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/full")]
    public void LoadFile_Device_OneErrorWithoutReading(string device)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(device));
        Assert.Equal($"{device}: is a character device, not a regular file; expected a scenario YAML file", Assert.Single(ex.Errors).ToString());
        Assert.Equal($"{device}: is a character device, not a regular file; expected a scenario YAML file", Assert.Throws<ScenarioException>(() => ScenarioLoader.Resolve(device)).Message);
    }

    [Fact]
    public void LoadFile_OverTenMebibytes_Refused()
    {
        var path = Path.Combine(_dir.FullName, "big.yaml");
        using (var f = File.Create(path))
        {
            f.SetLength(Spiral.IO.Files.InputFile.MaxBytes + 1);
        }
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Resolve(path));
        Assert.Contains("larger than 10 MiB", Assert.Single(ex.Errors).Message);
    }

    [Fact]
    public void SweepLoader_ScenarioOnDevZero_LocatedAtTheScenarioKey()
    {
        var path = Path.Combine(_dir.FullName, "zero.yaml");
        File.WriteAllText(path, "scenario: /dev/zero\nreplications: 2\naxes:\n  - path: world.offenseAdvantage\n    values: [1]\n");
        var ex = Assert.Throws<ScenarioException>(() => SweepLoader.LoadFile(path));
        var e = Assert.Single(ex.Errors);
        Assert.Equal((1, 11, "scenario"), (e.Line, e.Column, e.Path));
        Assert.Contains("/dev/zero: is a character device, not a regular file", e.Message);
    }

    [Fact]
    public void SweepLoader_SweepFileOnDevice_Refused()
    {
        var ex = Assert.Throws<ScenarioException>(() => SweepLoader.LoadFile("/dev/zero"));
        Assert.Equal("/dev/zero: is a character device, not a regular file; expected a sweep YAML file", ex.Message);
    }
}
