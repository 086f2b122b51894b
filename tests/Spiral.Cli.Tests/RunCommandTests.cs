using System.Globalization;
using Spiral.Cli.Tests.Analytic;
using Spiral.Experiments.Metrics;

namespace Spiral.Cli.Tests;

/// <summary><c>spiral run</c>: its JSON, tables and CSV files spell every outcome as the registry does, and date by the time convention.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-run-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Run_Json_EveryOutcomeUnderItsSummaryNameAndTheYears()
    {
        var r = CliRunner.Run("run", "india-china-lac", "--runs", "30", "--seed", "4", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var json = r.Json;
        Assert.Equal(2010, json.GetProperty("startYear").GetInt32());
        Assert.Equal(2024, json.GetProperty("endYear").GetInt32());
        var war = json.GetProperty("warProbability");
        Assert.InRange(war.GetProperty("mean").GetDouble(), war.GetProperty("ci95")[0].GetDouble(), war.GetProperty("ci95")[1].GetDouble());
        Assert.InRange(json.GetProperty("maxRungMax").GetInt32(), 1, 12);
        Assert.True(json.GetProperty("warGivenCrisis").GetDouble() >= 0);
        foreach (var o in OutcomeRegistry.Runs)
        {
            Assert.True(json.TryGetProperty(o.SummaryName, out _), o.SummaryName);
        }
        var india = json.GetProperty("states")[0];
        Assert.Equal("India", india.GetProperty("name").GetString());
        Assert.InRange(india.GetProperty("greedyShare").GetDouble(), 0, 1);
        var belief = india.GetProperty("beliefs")[0];
        Assert.InRange(belief.GetProperty("belief").GetDouble(), 0, 1);
        Assert.InRange(belief.GetProperty("beliefError").GetDouble(), 0, 1);
    }

    [Fact]
    public void Run_Table_OneRowPerOutcomeLabel()
    {
        var r = CliRunner.Run("run", "india-china-lac", "--runs", "10");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("2010–2024 (15 years)", r.Output);
        foreach (var o in OutcomeRegistry.Runs)
        {
            Assert.Contains(o.Label, r.Output);
        }
        Assert.Contains("wars per crisis", r.Output);
    }

    [Fact]
    public void Run_Out_RunsCsvColumnsFromTheRegistryAndEventsDatedByStep()
    {
        var dir = Path.Combine(_dir.FullName, "out");
        var r = CliRunner.Run("run", "india-china-lac", "--runs", "5", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        var runs = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
        Assert.Equal("run,seed,scenario_hash," + string.Join(",", OutcomeRegistry.Runs.Select(o => o.Column)), runs[0]);
        Assert.Equal(6, runs.Length);
        Assert.StartsWith("run,seed,scenario_hash,had_war,had_war_between_security_seekers,wars,", runs[0], StringComparison.Ordinal);
        var events = File.ReadAllLines(Path.Combine(dir, "events.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(2009 + int.Parse(e[3], CultureInfo.InvariantCulture), int.Parse(e[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Run_Narrate_TellsTheScenarioYearsOnly()
    {
        var r = CliRunner.Run("run", "india-china-lac", "--runs", "1", "--narrate", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var years = r.Json.GetProperty("narration").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToList();
        Assert.Equal(2010, years[0]);
        Assert.Equal(2024, years[^1]);
    }
}
