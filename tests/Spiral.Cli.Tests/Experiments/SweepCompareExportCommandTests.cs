using System.Text.Json;
using Spiral.Cli.Tests.Analytic;
using Spiral.Experiments.Metrics;
using Spiral.IO.Store;

namespace Spiral.Cli.Tests.Experiments;

/// <summary>spiral sweep, compare and export through the command line: outputs, stores and exit codes.</summary>
public sealed class SweepCompareExportCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-cli-sweep-");

    public void Dispose() => _dir.Delete(true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string SweepFile(string body = "scenario: jervis-doubly-dangerous\nseed: 5\nreplications: 4\nsteps: 8\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 3]\n  - path: world.distinguishability\n    range: {from: 0, to: 0.9, step: 0.9}\n")
    {
        var file = PathOf("small.yaml");
        File.WriteAllText(file, body);
        return file;
    }

    [Fact]
    public void Sweep_SmallGridJson_FourPointsSixteenRunsStored()
    {
        var store = PathOf("small.duckdb");
        var r = CliRunner.Run("sweep", SweepFile(), "--out", store, "--json", "--threads", "2");
        Assert.True(r.ExitCode == 0, r.Error);
        var json = r.Json;
        Assert.Equal(16, json.GetProperty("storedRuns").GetInt64());
        Assert.Equal(4, json.GetProperty("points").GetArrayLength());
        Assert.Equal("3", json.GetProperty("points")[3].GetProperty("values").GetProperty("world.offenseAdvantage").GetString());
        Assert.Equal("sample 10", json.GetProperty("series").GetString());
        var war = json.GetProperty("points")[0].GetProperty("warProbability");
        var ci = war.GetProperty("ci95");
        Assert.InRange(war.GetProperty("mean").GetDouble(), ci[0].GetDouble(), ci[1].GetDouble());
        using var reader = ResultsReader.Open(store);
        Assert.Equal(16, reader.RunCount());
        Assert.Equal("sweep", reader.Experiment().Kind);
        Assert.Contains("replications: 4", reader.Experiment().SweepText);
    }

    [Fact]
    public void Sweep_Table_PrintsAxesAndWarProbability()
    {
        var r = CliRunner.Run("sweep", SweepFile(), "--out", PathOf("t.duckdb"), "--series", "none");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("4 points × 4 replications = 16 runs of jervis-doubly-dangerous", r.Output);
        Assert.Contains("world.offenseAdvantage", r.Output);
        Assert.Contains("P(war)", r.Output);
        Assert.Contains("series: none", r.Output);
    }

    [Fact]
    public void Sweep_SeriesSampleTwo_AsTwoTokens()
    {
        var store = PathOf("s2.duckdb");
        var r = CliRunner.Run("sweep", SweepFile(), "--out", store, "--series", "sample", "2", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var reader = ResultsReader.Open(store);
        Assert.Equal(8, reader.Scalar<long>("SELECT count(*) FROM runs WHERE has_detail"));
    }

    [Fact]
    public void Sweep_InvalidFile_ExitTwoWithLocationAndNoStore()
    {
        var store = PathOf("bad.duckdb");
        var r = CliRunner.Run("sweep", SweepFile("scenario: jervis-doubly-dangerous\nreplications: 0\naxes:\n  - path: world.offenseAdvantage\n    values: [1]\n"), "--out", store);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("small.yaml:2:15: replications:", r.Error);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void Sweep_StoreExistsWithoutResume_ExitTwo()
    {
        var store = PathOf("twice.duckdb");
        Assert.Equal(0, CliRunner.Run("sweep", SweepFile(), "--out", store, "--json").ExitCode);
        var r = CliRunner.Run("sweep", SweepFile(), "--out", store);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--resume", r.Error);
    }

    [Fact]
    public void Sweep_ResumeOfFinishedStore_RunsNothingMore()
    {
        var store = PathOf("done.duckdb");
        Assert.Equal(0, CliRunner.Run("sweep", SweepFile(), "--out", store, "--json").ExitCode);
        var r = CliRunner.Run("sweep", SweepFile(), "--out", store, "--resume", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal((16L, 0L), (r.Json.GetProperty("resumedFrom").GetInt64(), r.Json.GetProperty("executed").GetInt64()));
    }

    [Fact]
    public void Sweep_BadSeriesChoice_ExitTwo()
    {
        var r = CliRunner.Run("sweep", SweepFile(), "--out", PathOf("x.duckdb"), "--series", "most");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--series", r.Error);
    }

    [Fact]
    public void Compare_HotlineOnLac_PairedDifferencesWithIntervals()
    {
        var r = CliRunner.Run("compare", "india-china-lac", "--intervention", "hotline:india,china", "--runs", "60", "--seed", "3", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var cmp = r.Json.GetProperty("comparisons");
        Assert.Equal(1, cmp.GetArrayLength());
        Assert.Equal("hotline:india,china", cmp[0].GetProperty("intervention").GetString());
        var outcomes = cmp[0].GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Contains(outcomes, o => o.GetProperty("outcome").GetString() == "hadWar");
        Assert.All(outcomes, o =>
        {
            Assert.Equal(o.GetProperty("treated").GetDouble() - o.GetProperty("baseline").GetDouble(), o.GetProperty("difference").GetDouble(), 9);
            Assert.True(o.GetProperty("low").GetDouble() <= o.GetProperty("high").GetDouble());
        });
        Assert.NotEqual(r.Json.GetProperty("baselineHash").GetString(), cmp[0].GetProperty("treatedHash").GetString());
    }

    [Fact]
    public void Compare_TwoInterventionsTable_OneTableEach()
    {
        var r = CliRunner.Run("compare", "india-china-lac", "-i", "institutions=0.6", "-i", "cbm:india,china@2012", "--runs", "30");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Intervention: institutions=0.6", r.Output);
        Assert.Contains("Intervention: cbm:india,china@2012", r.Output);
        Assert.Contains("P(war)", r.Output);
    }

    [Theory]
    [InlineData("hotline:india,atlantis", "atlantis")]
    [InlineData("world.offenceAdvantage=2", "offenceAdvantage")]
    [InlineData("teleport:india", "unknown intervention 'teleport'")]
    [InlineData("institutions=1.5", "institutions")]
    public void Compare_BadSpec_ExitTwoWithTheMessage(string spec, string part)
    {
        var r = CliRunner.Run("compare", "india-china-lac", "--intervention", spec, "--runs", "10");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--intervention {spec}:", r.Error);
        Assert.Contains(part, r.Error);
    }

    [Fact]
    public void Compare_Out_WritesComparisonsTable()
    {
        var store = PathOf("cmp.duckdb");
        var r = CliRunner.Run("compare", "jervis-doubly-dangerous", "-i", "institutions=0.6", "--runs", "20", "--steps", "10", "--out", store, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var reader = ResultsReader.Open(store);
        Assert.Equal(OutcomeRegistry.Compared.Count + OutcomeRegistry.Ratios.Count, reader.Comparisons().Count);
    }

    [Fact]
    public void Export_CsvAndParquet_OneFilePerTable()
    {
        var store = PathOf("e.duckdb");
        Assert.Equal(0, CliRunner.Run("sweep", SweepFile(), "--out", store, "--json").ExitCode);
        var csv = CliRunner.Run("export", store, "--csv", PathOf("csv"), "--json");
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.Equal(StoreSchema.Tables.Count, csv.Json.GetProperty("files").GetArrayLength());
        Assert.Equal(17, File.ReadAllLines(Path.Combine(PathOf("csv"), "runs.csv")).Length);
        var pq = CliRunner.Run("export", store, "--parquet", PathOf("pq"));
        Assert.True(pq.ExitCode == 0, pq.Error);
        Assert.True(File.Exists(Path.Combine(PathOf("pq"), "runs.parquet")));
    }

    [Theory]
    [InlineData("--csv", "x", "--parquet", "y")]
    [InlineData()]
    public void Export_NotExactlyOneFormat_ExitTwo(params string[] extra)
    {
        var r = CliRunner.Run(["export", PathOf("missing.duckdb"), .. extra]);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Export_MissingStore_ExitTwo()
    {
        var r = CliRunner.Run("export", PathOf("missing.duckdb"), "--csv", PathOf("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such results store", r.Error);
    }

    /// <summary>The runner's options are validated once, by RunnerOptions; every command reports its error located at the option, exit 2, nothing written.</summary>
    [Theory]
    [InlineData("sweep", "--threads", "-1", "--threads -1: threads must be 0 (all cores) or a count up to 1024")]
    [InlineData("sweep", "--chunk", "-3", "--chunk -3: chunk size must be 0 (automatic) or a positive count")]
    [InlineData("compare", "--threads", "2000", "--threads 2000: threads must be 0 (all cores) or a count up to 1024")]
    [InlineData("run", "--threads", "-2", "--threads -2: threads must be 0 (all cores) or a count up to 1024")]
    public void RunnerOptions_OutOfRange_Exit2LocatedNothingWritten(string command, string option, string value, string expected)
    {
        var store = PathOf("bad.duckdb");
        string[] args = command switch
        {
            "sweep" => ["sweep", SweepFile(), "--out", store, option, value],
            "compare" => ["compare", "jervis-doubly-dangerous", "-i", "world.institutions=0.5", "--runs", "5", "--out", store, option, value],
            _ => ["run", "jervis-doubly-dangerous", "--runs", "5", "--out", store, option, value],
        };
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.False(File.Exists(store) || Directory.Exists(store));
    }
}
