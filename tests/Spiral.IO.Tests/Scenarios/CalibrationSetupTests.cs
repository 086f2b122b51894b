using Spiral.Experiments.Calibration;
using Spiral.IO.Calibration;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Scenarios;

public class CalibrationSetupTests
{
    public static readonly TheoryData<string> RealScenariosWithData = new()
    {
        "india-china-lac", "anglo-german-naval-race", "south-china-sea", "russia-ukraine-nato", "west-asia", "afghanistan-2021",
    };

    [Theory]
    [MemberData(nameof(RealScenariosWithData))]
    public void Load_RealScenario_EveryObservedStateHasEveryTrainingYear(string name)
    {
        var setup = CalibrationSetup.Load(name);
        var observed = setup.LoadObserved();
        Assert.NotNull(setup.Train);
        Assert.NotNull(setup.Test);
        Assert.NotEmpty(setup.Parameters);
        foreach (var state in observed.States(setup.Scenario))
        {
            Assert.All(setup.Train!.Value.Years, y => Assert.True(observed.TryGet(state, y, out var v) && v > 0, $"{name}: {state} {y}"));
        }
    }

    [Theory]
    [MemberData(nameof(RealScenariosWithData))]
    public void Backtest_RealScenario_ScoresEveryObservedStateForEveryMethod(string name)
    {
        var setup = CalibrationSetup.Load(name);
        var observed = setup.LoadObserved();
        var r = Backtest.Run(setup.Scenario, observed, setup.Train!.Value, setup.Test!.Value, new BacktestOptions(Runs: 4, Seed: 3, Threads: 1));
        Assert.Equal(observed.States(setup.Scenario), r.States);
        foreach (var method in new[] { r.Model, r.Unconditioned, r.Persistence, r.Trend, r.Richardson })
        {
            Assert.All(method.ByState, s => Assert.True(double.IsFinite(s.Mase) && double.IsFinite(s.Crps) && s.Points == setup.Test!.Value.Count,
                $"{name} {method.Method} {s.Series}"));
        }
    }

    [Fact]
    public void LoadObserved_SouthChinaSea_LeavesVietNamOutBecauseSipriHasNoFigures2019To2024()
    {
        var setup = CalibrationSetup.Load("south-china-sea");
        Assert.DoesNotContain("Viet Nam", setup.States.Keys);
        var all = ObservedData.Read(ObservedData.ReadText("data/sipri_milex_2010_2024.csv"), "sipri", "country", "year",
            "constant_2023_usd_m", 1, new Dictionary<string, string> { ["Viet Nam"] = "Viet Nam" });
        Assert.True(all.TryGet("Viet Nam", 2018, out _));
        Assert.All(Enumerable.Range(2019, 6), y => Assert.False(all.TryGet("Viet Nam", y, out _)));
    }

    [Fact]
    public void LoadObserved_AngloGerman_ConvertsThousandPoundsToMillions()
    {
        var observed = CalibrationSetup.Load("anglo-german-naval-race").LoadObserved();
        Assert.True(observed.TryGet("Germany", 1909, out var germany));
        Assert.Equal(58.567, germany, 9);
    }

    [Fact]
    public void WriteCalibrated_FittedValues_LoadBackOverTheFile()
    {
        var text = ScenarioLibrary.Text("india-china-lac");
        var setup = CalibrationSetup.Load("india-china-lac");
        var fitted = new CalibrationResult(setup.Scenario,
            [new FittedParameter("model.budgetAdjustment", 0.05, 0.6, 0.2, 0.0421), new FittedParameter("model.burdenThreatElasticity", 0, 2, 0.5, 0.8)],
            0.3, 0.05, 10, false, new YearRange(2010, 2019), 8, 1);
        var written = CalibrationSetup.WriteCalibrated(text, fitted);
        var again = CalibrationSetup.WriteCalibrated(written, fitted);
        Assert.Equal(written, again); // a second calibration replaces the block, it does not add one
        var loaded = ScenarioLoader.LoadText(written, "calibrated.yaml");
        Assert.Equal(0.0421, loaded.Model.BudgetAdjustment);
        Assert.Equal(0.8, loaded.Model.BurdenThreatElasticity);
        Assert.Contains("# SIPRI 2010: 2.889% of GDP", written); // comments and sources are kept
    }

    [Fact]
    public void Load_CalibrationErrors_ReportLineColumnAndPath()
    {
        const string yaml = """
            name: t
            startYear: 2000
            steps: 10
            states: [{name: A, gdp: 10}]
            calibration:
              observed: {file: data/sipri_milex_2010_2024.csv, entity: country, value: constant_2023_usd_m, states: {B: China}}
              train: 1990-2001
              parameters:
                - {path: model.noSuchThing, min: 0, max: 1}
                - {path: model.burdenThreatElasticity, min: 0.9, max: 0.5}
                - {path: "states[A].growth", min: 0, max: 0.1}
            """;
        var (_, errors) = ScenarioLoader.TryLoadText(yaml, "t.yaml");
        var lines = errors.Select(e => e.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("t.yaml:6:", StringComparison.Ordinal) && l.Contains("calibration.observed.states.B: unknown state 'B'"));
        Assert.Contains(lines, l => l.StartsWith("t.yaml:7:", StringComparison.Ordinal) && l.Contains("outside the scenario's 2000-2009"));
        Assert.Contains(lines, l => l.Contains("calibration.parameters[0].path") && l.Contains("noSuchThing"));
        Assert.Contains(lines, l => l.Contains("calibration.parameters[1].max") && l.Contains("expected min < max"));
        Assert.Contains(lines, l => l.StartsWith("t.yaml:11:", StringComparison.Ordinal) && l.Contains("calibration.parameters[2].path") && l.Contains("GDP growth, an observed input"));
    }
}
