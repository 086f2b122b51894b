using static Spiral.Cli.Tests.CliTestRunner;
using System.Text.Json;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

public class CalibrationCommandsTests
{
    [Fact]
    public void Calibrate_IndiaChinaLacJson_ReportsEveryParameterAndALowerLoss()
    {
        var (code, output, err) = Run("calibrate", "india-china-lac", "--runs", "4", "--iterations", "8", "--threads", "1", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("2010-2019", root.GetProperty("train").GetString());
        Assert.Equal(2, root.GetProperty("parameters").GetArrayLength());
        Assert.True(root.GetProperty("loss").GetDouble() <= root.GetProperty("initialLoss").GetDouble());
    }

    [Fact]
    public void Calibrate_Out_WritesAFileThatLoadsWithTheCalibratedBlock()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spiral-cal-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, _, err) = Run("calibrate", "india-china-lac", "--train", "2010-2015", "--runs", "2", "--iterations", "4", "--out", path);
            Assert.True(code == ExitCodes.Ok, err);
            var text = File.ReadAllText(path);
            Assert.Contains("calibrated:", text);
            Assert.Contains("train: \"2010-2015\"", text);
            Assert.Equal(ExitCodes.Ok, Run("scenarios", "validate", path).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Backtest_Json_HasTheModelTheUnconditionedEnsembleAndThreeBaselinesPerState()
    {
        var (code, output, err) = Run("backtest", "india-china-lac", "--train", "2010-2019", "--test", "2020-2024", "--runs", "8", "--threads", "1", "--json");
        Assert.True(code == ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(2019, root.GetProperty("origins")[0].GetInt32());
        foreach (var method in new[] { "model", "unconditioned", "persistence", "trend", "richardson" })
        {
            var m = root.GetProperty("methods").GetProperty(method);
            foreach (var state in new[] { "India", "China", "Pakistan" })
            {
                var s = m.GetProperty("byState").GetProperty(state);
                Assert.True(s.GetProperty("mase").GetDouble() >= 0);
                Assert.True(s.GetProperty("crps").GetDouble() >= 0);
                Assert.Equal(5, s.GetProperty("points").GetInt32());
            }
            Assert.Equal(15, m.GetProperty("pooled").GetProperty("points").GetInt32());
        }
        Assert.InRange(root.GetProperty("methods").GetProperty("model").GetProperty("pooled").GetProperty("coverage80").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("dieboldMariano").GetProperty("persistence").GetProperty("pValue").GetDouble(), 0, 1);
    }

    [Fact]
    public void Backtest_RollingOrigins_TableNamesEveryOrigin()
    {
        var (code, output, err) = Run("backtest", "india-china-lac", "--train", "2010-2014", "--test", "2015-2019", "--origins", "rolling", "--runs", "8", "--threads", "1");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("origins 2014, 2015, 2016, 2017, 2018", output);
        Assert.Contains("Diebold-Mariano", output);
    }

    [Fact]
    public void Backtest_TestBeforeTrain_ExitsWith2()
    {
        var (code, _, err) = Run("backtest", "india-china-lac", "--train", "2015-2020", "--test", "2012-2014");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--test 2012-2014: the held-out years must come after the training years", err);
    }

    [Fact]
    public void Backtest_YearsOutsideTheScenario_ExitsWith2AndNamesTheOption()
    {
        var (code, _, err) = Run("backtest", "india-china-lac", "--test", "2020-2030");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--test 2020-2030: expected years within the scenario's 2010-2024", err);
    }

    [Fact]
    public void Backtest_YearsWithoutObservedFigures_ExitsWith2AndNamesTheOption()
    {
        var (code, _, err) = Run("backtest", "west-asia", "--test", "2025-2026");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--test 2025-2026: no observed figure in these years", err);
    }

    [Fact]
    public void Backtest_UnknownOrigins_ExitsWith2()
    {
        var (code, _, err) = Run("backtest", "india-china-lac", "--origins", "weekly");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--origins weekly: expected last or rolling", err);
    }

    [Fact]
    public void Calibrate_ScenarioWithoutCalibrationSection_ExitsWith2AndSaysWhy()
    {
        var (code, _, err) = Run("calibrate", "cold-war-hotline");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("has no calibration section", err);
    }

    [Fact]
    public void ScenariosShow_LibraryScenario_PrintsItsDocPage()
    {
        var (code, output, _) = Run("scenarios", "show", "anglo-german-naval-race");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("## Things to try", output);
        Assert.Contains("spiral run anglo-german-naval-race", output);
    }
}
