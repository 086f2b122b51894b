using System.CommandLine;
using Spiral.Cli.Commands.Analytic;
using Spiral.IO.Files;
using Spiral.IO.Store;

namespace Spiral.Cli.Commands.Experiments;

/// <summary><c>spiral export</c>: one Parquet or CSV file per table of a results store.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var store = new Argument<string>("store") { Description = "A results store written by spiral sweep or spiral compare --out." };
        var parquet = new Option<string?>("--parquet") { Description = "Write one Parquet file per table into this new folder.", HelpName = "DIR" };
        var csv = new Option<string?>("--csv") { Description = "Write one CSV file per table into this new folder.", HelpName = "DIR" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("export", "Export a results store to Parquet or CSV (one file per table; runs has one row per run).")
        {
            store, parquet, csv, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(store)!;
            var (p, c) = (parse.GetValue(parquet), parse.GetValue(csv));
            if ((p is null) == (c is null))
            {
                throw new UsageException("give exactly one of --parquet DIR or --csv DIR");
            }
            var option = p is not null ? "--parquet" : "--csv";
            CliPaths.OutputFolder(option, p ?? c!);
            IReadOnlyList<string> files;
            try
            {
                files = ResultsExport.Export(path, p ?? c!, p is not null ? ExportFormat.Parquet : ExportFormat.Csv);
            }
            catch (FileNotFoundException)
            {
                throw new UsageException($"{path}: no such results store");
            }
            catch (ResultsStoreException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (OutputPathException ex)
            {
                throw CliPaths.Usage(option, ex);
            }
            catch (DuckDB.NET.Data.DuckDBException ex)
            {
                throw new UsageException($"{path}: not a readable results store ({ex.Message})");
            }
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new { store = Path.GetFullPath(path), files });
            }
            else
            {
                var o = AnalyticCli.Out(parse);
                foreach (var f in files)
                {
                    o.WriteLine(f);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
