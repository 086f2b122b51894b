using DuckDB.NET.Data;
using Spiral.IO.Files;

namespace Spiral.IO.Store;

public enum ExportFormat
{
    Parquet,
    Csv,
}

/// <summary>
/// Exports every table of a results store to one file per table (<c>runs.parquet</c>, <c>series.csv</c>, …) with
/// DuckDB's <c>COPY … TO</c>. Files are written into a temporary folder beside the target and moved into place at the
/// end, so a failed export leaves nothing half-written.
/// </summary>
public static class ResultsExport
{
    /// <summary>Exports; returns the files written. The target folder must not exist or be empty.</summary>
    /// <exception cref="OutputPathException">The folder cannot be written (see <see cref="OutputPath.CheckFolder"/>).</exception>
    /// <exception cref="ResultsStoreException">The store cannot be read, or the export failed.</exception>
    public static IReadOnlyList<string> Export(string storePath, string directory, ExportFormat format)
    {
        var target = OutputPath.CheckFolder(directory);
        using var reader = ResultsReader.Open(storePath);
        var tmp = OutputPath.TemporaryBeside(target);
        Directory.CreateDirectory(tmp);
        var extension = format == ExportFormat.Parquet ? "parquet" : "csv";
        var files = new List<string>();
        try
        {
            var present = reader.Tables();
            foreach (var table in StoreSchema.Tables.Concat(StoreSchema.SensitivityTables.Where(present.Contains)))
            {
                var file = Path.Combine(tmp, $"{table}.{extension}");
                reader.CopyTable(table, file, format);
                files.Add(Path.Combine(target, Path.GetFileName(file)));
            }
            OutputPath.MoveFolderIntoPlace(tmp, target);
            return files;
        }
        catch (DuckDBException ex)
        {
            throw new ResultsStoreException($"export failed: {ex.Message}");
        }
        finally
        {
            if (Directory.Exists(tmp))
            {
                Directory.Delete(tmp, true);
            }
        }
    }
}
