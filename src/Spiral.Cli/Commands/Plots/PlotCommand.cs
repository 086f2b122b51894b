using System.CommandLine;
using Spiral.Cli.Commands.Analytic;
using Spiral.IO.Files;
using Spiral.Reporting.Plots;

namespace Spiral.Cli.Commands.Plots;

/// <summary><c>spiral plot FILE.duckdb --kind K -o FILE.png|.svg</c>: one chart from a results store.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var store = new Argument<string>("store") { Description = "A results store written by spiral sweep or spiral compare --out (.duckdb)." };
        var kind = new Option<string>("--kind", "-k")
        {
            Description = "What to draw: trajectories (milex and security, median and 10-90% band), beliefs, war-vs-parameter, four-worlds (heat map; alias heatmap), tornado (paired effects).",
            Required = true,
        };
        kind.AcceptOnlyFromAmong([.. PlotKinds.All, "heatmap"]);
        var state = new Option<string?>("--state") { Description = "trajectories: only this state; beliefs: only this state's beliefs about the others." };
        var parameter = new Option<string?>("--parameter") { Description = "war-vs-parameter: the swept parameter path (needed when the sweep has several axes).", HelpName = "PATH" };
        var output = new Option<string>("--out", "-o") { Description = "Output file; .png or .svg decides the format.", Required = true, HelpName = "FILE" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("plot", "Draw a chart from a results store to PNG or SVG.") { store, kind, state, parameter, output, json };
        command.SetAction(parse => Execute(parse, parse.GetValue(store)!, parse.GetValue(kind)!, parse.GetValue(state), parse.GetValue(parameter),
            parse.GetValue(output)!, parse.GetValue(json)));
        return command;
    }

    private static int Execute(ParseResult parse, string storePath, string kind, string? state, string? parameter, string output, bool json)
    {
        if (kind == "heatmap")
        {
            kind = PlotKinds.FourWorlds;
        }
        try
        {
            PlotFile.FormatOf(output);
        }
        catch (PlotException ex)
        {
            throw new UsageException(ex.Message);
        }
        CliPaths.OutputFile("--out", output, ExistingOutput.Replace);
        try
        {
            using var charts = StoreCharts.Open(storePath);
            charts.Render(kind, output, state, parameter);
        }
        catch (PlotException ex)
        {
            throw new UsageException(ex.Message);
        }
        var full = Path.GetFullPath(output);
        if (json)
        {
            AnalyticCli.WriteJson(parse, new { file = full, kind, format = PlotFile.FormatOf(output), bytes = new FileInfo(full).Length });
        }
        else
        {
            AnalyticCli.Out(parse).WriteLine($"{kind} written to {full}");
        }
        return ExitCodes.Ok;
    }
}
