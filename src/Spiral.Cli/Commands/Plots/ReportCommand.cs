using System.CommandLine;
using Spiral.Cli.Commands.Analytic;
using Spiral.IO.Files;
using Spiral.Reporting.Reports;

namespace Spiral.Cli.Commands.Plots;

/// <summary><c>spiral report FILE.duckdb -o report.html</c>: one self-contained HTML report of a results store.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var store = new Argument<string>("store") { Description = "A results store written by spiral sweep or spiral compare --out (.duckdb)." };
        var output = new Option<string>("--out", "-o") { Description = "The report to write (.html): inline charts, no scripts, no network.", Required = true, HelpName = "FILE.html" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("report", "Write one self-contained HTML report (scenario, seeds, version, outcome tables, charts) of a results store.")
        {
            store, output, json,
        };
        command.SetAction(parse => Execute(parse, parse.GetValue(store)!, parse.GetValue(output)!, parse.GetValue(json)));
        return command;
    }

    private static int Execute(ParseResult parse, string storePath, string output, bool json)
    {
        CliPaths.OutputFile("--out", output, ExistingOutput.Replace);
        try
        {
            HtmlReport.CheckOutput(output);
        }
        catch (ReportException ex)
        {
            throw new UsageException(ex.Message);
        }
        ReportSummary summary;
        try
        {
            summary = HtmlReport.Write(storePath, output, HtmlReport.ProgramVersion(typeof(ReportCommand).Assembly));
        }
        catch (ReportException ex)
        {
            throw new UsageException(ex.Message);
        }
        if (json)
        {
            AnalyticCli.WriteJson(parse, summary);
        }
        else
        {
            var o = AnalyticCli.Out(parse);
            o.WriteLine($"Report of {summary.Experiment} ({summary.Scenario}, {summary.Runs:N0} runs) written to {summary.File}");
            o.WriteLine($"Charts: {(summary.Charts.Count == 0 ? "none" : string.Join(", ", summary.Charts))}");
            foreach (var omitted in summary.Omitted)
            {
                o.WriteLine($"Not drawn: {omitted}");
            }
        }
        return ExitCodes.Ok;
    }
}
