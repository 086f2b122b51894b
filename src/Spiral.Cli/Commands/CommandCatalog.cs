using System.CommandLine;

namespace Spiral.Cli.Commands;

/// <summary>Every top-level command, in the order <c>spiral --help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Create();
        yield return BenchCommand.Create();
        yield return Experiments.SweepCommand.Create();
        yield return SiloCommand.Create();
        yield return Experiments.CompareCommand.Create();
        yield return Experiments.ExportCommand.Create();
        yield return Plots.PlotCommand.Create();
        yield return Plots.ReportCommand.Create();
        yield return ValidateCommand.Create();
        yield return Analytic.RichardsonCommand.Create();
        yield return Analytic.GameCommand.Create();
        yield return Analytic.TournamentCommand.Create();
        yield return Analytic.MoranCommand.Create();
        yield return Analytic.KyddCommand.Create();
        yield return Analytic.FearonCommand.Create();
        yield return ScenariosCommand.Build();
        yield return CalibrationCommands.Calibrate();
        yield return CalibrationCommands.Backtest();
        yield return EstimateCommand.Create();
        yield return InferCommand.Create();
        yield return SensitivityCommand.Create();
        yield return ServeCommand.Create();
        yield return ExplainCommand.Create();
        yield return ParamsCommand.Create();
        yield break;
    }
}
