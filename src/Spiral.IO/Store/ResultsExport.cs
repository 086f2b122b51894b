using DuckDB.NET.Data;

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
    public static IReadOnlyList<string> Export(string storePath, string directory, ExportFormat format)
    {
        var target = Path.GetFullPath(directory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ResultsStoreException($"'{directory}' exists and is not empty; expected a new or empty folder");
        }
        if (File.Exists(target))
        {
            throw new ResultsStoreException($"'{directory}' is a file; expected a folder");
        }
        using var reader = ResultsReader.Open(storePath);
        var parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        var tmp = Path.Combine(parent, "." + Path.GetFileName(target) + ".tmp-" + Environment.ProcessId);
        if (Directory.Exists(tmp))
        {
            Directory.Delete(tmp, true);
        }
        Directory.CreateDirectory(tmp);
        var extension = format == ExportFormat.Parquet ? "parquet" : "csv";
        var files = new List<string>();
        try
        {
            foreach (var table in StoreSchema.Tables)
            {
                var file = Path.Combine(tmp, $"{table}.{extension}");
                reader.CopyTable(table, file, format);
                files.Add(Path.Combine(target, Path.GetFileName(file)));
            }
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }
            Directory.Move(tmp, target);
            return files;
        }
        catch (DuckDBException ex)
        {
            Directory.Delete(tmp, true);
            throw new ResultsStoreException($"export failed: {ex.Message}");
        }
    }
}
