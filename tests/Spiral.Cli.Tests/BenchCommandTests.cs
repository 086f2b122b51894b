using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public void Bench_World190TwoStepsJson_ReportsTheScenarioSecondsPerRunInWallAndCpuTimeAndMemory()
    {
        var (code, output, err) = Run("bench", "--scenario", "world-190", "--steps", "2", "--runs", "1", "--threads", "1", "--json");

        Assert.True(code == ExitCodes.Ok, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("world-190", json.GetProperty("scenario").GetString());
        Assert.Equal(190, json.GetProperty("states").GetInt32());
        Assert.Equal(2, json.GetProperty("steps").GetInt32());
        Assert.True(json.GetProperty("secondsPerRun").GetDouble() > 0);
        Assert.True(json.GetProperty("cpuSecondsPerRun").GetDouble() > 0);
        Assert.True(json.GetProperty("allocatedBytesPerRun").GetDouble() >= 0);
        foreach (var generation in new[] { "gen0Collections", "gen1Collections", "gen2Collections" })
        {
            Assert.True(json.GetProperty(generation).GetInt32() >= 0, generation);
        }
    }

    [Fact]
    public void Bench_UnknownScenario_ExitsWithUsageError()
    {
        var (code, _, err) = Run("bench", "--scenario", "world-7", "--runs", "1");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--scenario world-7: expected bench-10x50 or world-190", err);
    }
}
