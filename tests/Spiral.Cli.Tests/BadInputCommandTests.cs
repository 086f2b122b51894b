using Spiral.Cli.Tests.Analytic;

namespace Spiral.Cli.Tests;

/// <summary>
/// Issue 14 through the command line: inputs that crashed (exit 134) or ran out of memory get one located error,
/// exit 2, and nothing is run or written.
/// </summary>
public sealed class BadInputCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-cli-bad-");

    public void Dispose() => _dir.Delete(true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string[] Entries() => Directory.GetFileSystemEntries(_dir.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("run", "/dev/zero")]
    [InlineData("compare", "/dev/zero")]
    [InlineData("calibrate", "/dev/zero")]
    [InlineData("scenarios show", "/dev/zero")]
    public void ScenarioOnADevice_OneErrorWithoutReading(string command, string device)
    {
        var args = command.Split(' ').Append(device).ToList();
        if (command == "compare")
        {
            args.AddRange(["-i", "institutions=0.6"]);
        }
        var r = CliRunner.Run([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {device}: is a character device, not a regular file; expected a scenario YAML file", Assert.Single(Lines(r.Error)));
    }

    [Fact]
    public void ScenariosValidate_DevFull_OneErrorExitTwo()
    {
        var r = CliRunner.Run("scenarios", "validate", "/dev/full");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(["/dev/full: is a character device, not a regular file; expected a scenario YAML file", "1 error in /dev/full"], Lines(r.Error));
    }

    [Fact]
    public void ScenariosValidate_TenThousandNestedBrackets_LocatedErrorNotAStackOverflow()
    {
        var file = Write("nest.yaml", "name: x\nstates: " + new string('[', 10_000));
        var r = CliRunner.Run("scenarios", "validate", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"{file}:2:72: sequences and mappings are nested deeper than 64 levels here; expected at most 64 levels", Lines(r.Error)[0]);
    }

    [Fact]
    public void Run_AliasBomb_LocatedErrorNothingRun()
    {
        var lines = new List<string> { "name: bomb", "a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }
        lines.Add("states: *a9");
        var file = Write("bomb.yaml", string.Join("\n", lines));
        var r = CliRunner.Run("run", file, "--runs", "5", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"error: {file}:7:", Assert.Single(Lines(r.Error)));
        Assert.Contains("more than 1,000,000 nodes (aliases expanded)", r.Error);
        Assert.Equal("", r.Output);
    }

    [Fact]
    public void Sweep_ScenarioOnDevZero_LocatedErrorNoStore()
    {
        var sweep = Write("zero.yaml", "scenario: /dev/zero\nreplications: 2\naxes:\n  - path: world.offenseAdvantage\n    values: [1]\n");
        var r = CliRunner.Run("sweep", sweep, "--out", Path.Combine(_dir.FullName, "z.duckdb"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {sweep}:1:11: scenario: the scenario is invalid: /dev/zero: is a character device, not a regular file; expected a scenario YAML file",
            Assert.Single(Lines(r.Error)));
        Assert.Equal(["zero.yaml"], Entries());
    }

    [Fact]
    public void Sweep_RangeOfExactlyAMillionSteps_LocatedErrorNoStore()
    {
        var sweep = Write("r.yaml", "scenario: jervis-doubly-dangerous\nreplications: 1\naxes:\n  - path: world.institutions\n    range: {from: 0, to: 1000000, step: 1}\n");
        var r = CliRunner.Run("sweep", sweep, "--out", Path.Combine(_dir.FullName, "r.duckdb"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {sweep}:5:41: axes[0].range.step: 1 makes more than 1,000,000 values; expected a larger step", Assert.Single(Lines(r.Error)));
        Assert.Equal(["r.yaml"], Entries());
    }

    [Fact]
    public void Sweep_BillionPointGrid_RefusedWithoutAllowLargeNoStore()
    {
        // 1,000 × 1,000 × 1,000 points: 10^9 runs, a 360-hour job; refused before anything is allocated or written.
        var axes = string.Concat(new[] { "world.distinguishability", "world.institutions", "priorBelief" }
            .Select(p => $"  - path: {p}\n    range: {{from: 0, to: 0.999, step: 0.001}}\n"));
        var sweep = Write("big.yaml", "scenario: jervis-doubly-dangerous\nreplications: 1\naxes:\n" + axes);
        var r = CliRunner.Run("sweep", sweep, "--out", Path.Combine(_dir.FullName, "big.duckdb"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {sweep}:2:1: replications: 1,000,000,000 points × 1 replications = 1,000,000,000 runs, more than 10,000,000; expected a smaller sweep, or --allow-large to run it anyway",
            Assert.Single(Lines(r.Error)));
        Assert.Equal(["big.yaml"], Entries());
    }

    [Fact]
    public void Sweep_GridOfFourAxesOf65536Values_RefusedNotZeroPointsWithExitZero()
    {
        var step = (1.0 / 65535).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var axes = string.Concat(new[] { "world.distinguishability", "world.institutions", "priorBelief", "defaultReach" }
            .Select(p => $"  - path: {p}\n    range: {{from: 0, to: 1, step: {step}}}\n"));
        var sweep = Write("g.yaml", "scenario: jervis-doubly-dangerous\nreplications: 1\naxes:\n" + axes);
        var r = CliRunner.Run("sweep", sweep, "--out", Path.Combine(_dir.FullName, "g.duckdb"), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {sweep}:3:1: axes: the axes make more than 2,147,483,647 points (65536 × 65536 × 65536 × 65536); expected at most 2,147,483,647 runs in all",
            Assert.Single(Lines(r.Error)));
        Assert.Equal("", r.Output);
        Assert.Equal(["g.yaml"], Entries());
    }

    [Fact]
    public void RichardsonFit_CsvOnADevice_OneError()
    {
        var r = CliRunner.Run("richardson", "fit", "/dev/zero", "--x", "A", "--y", "B");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: /dev/zero: is a character device, not a regular file; expected a CSV data file", Assert.Single(Lines(r.Error)));
    }
}
