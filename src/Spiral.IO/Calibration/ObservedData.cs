using System.Globalization;
using System.Text;
using Spiral.Experiments.Calibration;
using Spiral.Numerics.Text;

namespace Spiral.IO.Calibration;

/// <summary>An observed-data file that is missing or unreadable, or a column that is not in it.</summary>
public sealed class ObservedDataException(string message) : Exception(message);

/// <summary>
/// Reads observed yearly spending from a long-format CSV (one row per entity and year; RFC 4180 quoting), such
/// as the SIPRI and COW files in <c>data/</c>. The files in <c>data/</c> are embedded in Spiral.IO, so
/// <c>data/NAME.csv</c> resolves from any working directory; any other name is a path (relative paths are taken
/// from the scenario file's folder, then the working directory).
/// </summary>
public static class ObservedData
{
    private const string Prefix = "data/";

    /// <summary>The data files shipped with Spiral (embedded), e.g. <c>data/sipri_milex_2010_2024.csv</c>.</summary>
    public static IReadOnlyList<string> Embedded { get; } = typeof(ObservedData).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The text of a data file: an embedded <c>data/NAME</c> first, then a path.</summary>
    public static string ReadText(string file, string? relativeTo = null)
    {
        var normalized = file.Replace('\\', '/').TrimStart('.', '/');
        var name = normalized.StartsWith(Prefix, StringComparison.Ordinal) ? normalized : Prefix + Path.GetFileName(normalized);
        if (Embedded.Contains(name, StringComparer.Ordinal) && (normalized == name || !File.Exists(file)))
        {
            using var stream = typeof(ObservedData).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        var candidates = new List<string>();
        if (relativeTo is not null && !Path.IsPathRooted(file))
        {
            candidates.Add(Path.Combine(relativeTo, file));
        }
        candidates.Add(file);
        foreach (var c in candidates)
        {
            if (Files.InputFile.Exists(c))
            {
                try
                {
                    return Files.InputFile.ReadText(c, "a CSV data file");
                }
                catch (Files.InputFileException ex)
                {
                    throw new ObservedDataException(ex.Message);
                }
            }
        }
        throw new ObservedDataException($"{file}: no such data file; expected a file path or one of: {string.Join(", ", Embedded)}");
    }

    /// <summary>
    /// Reads <paramref name="valueColumn"/> for each scenario state from <paramref name="csvText"/>, multiplied by
    /// <paramref name="scale"/>. An empty cell is a missing figure (left out of the series).
    /// </summary>
    public static ObservedSpending Read(string csvText, string fileName, string entityColumn, string yearColumn, string valueColumn,
        double scale, IReadOnlyDictionary<string, string> stateToEntity, string unit = "", string source = "")
    {
        var byEntity = ReadPanel(csvText, fileName, entityColumn, yearColumn, valueColumn, scale);
        var result = new Dictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (state, entity) in stateToEntity)
        {
            result[state] = byEntity.TryGetValue(entity, out var s)
                ? s
                : throw new ObservedDataException($"{fileName}: no rows for '{entity}' in column {entityColumn} (state {state}); expected one of: {string.Join(", ", byEntity.Keys)}");
        }
        return new ObservedSpending(result, unit, source.Length > 0 ? source : fileName);
    }

    /// <summary>The column names of <paramref name="csvText"/>'s header row (trimmed); empty for an empty file.</summary>
    public static IReadOnlyList<string> Columns(string csvText)
    {
        var end = csvText.IndexOf('\n');
        var rows = Csv.Parse(end < 0 ? csvText : csvText[..end]);
        return rows.Count == 0 ? [] : rows[0].Select(h => h.Trim()).ToArray();
    }

    /// <summary>
    /// Every entity's series of <paramref name="valueColumn"/> in <paramref name="csvText"/> (entity → year → value ×
    /// <paramref name="scale"/>); an empty cell is a missing figure (left out).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> ReadPanel(string csvText, string fileName, string entityColumn,
        string yearColumn, string valueColumn, double scale = 1)
    {
        var rows = Csv.Parse(csvText);
        if (rows.Count == 0)
        {
            throw new ObservedDataException($"{fileName}: the file is empty; expected a header row");
        }
        var header = rows[0];
        int Column(string name)
        {
            var k = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.Ordinal));
            return k >= 0 ? k : throw new ObservedDataException($"{fileName}: no column '{name}'; expected one of: {string.Join(", ", header)}");
        }
        int e = Column(entityColumn), y = Column(yearColumn), v = Column(valueColumn);
        var byEntity = new Dictionary<string, SortedDictionary<int, double>>(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (Csv.IsBlank(row))
            {
                continue;
            }
            if (row.Length != header.Length)
            {
                throw new ObservedDataException($"{fileName}:{r + 1}: {row.Length} fields; expected {header.Length} like the header");
            }
            if (!int.TryParse(row[y], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year))
            {
                throw new ObservedDataException($"{fileName}:{r + 1}: '{row[y]}' in column {yearColumn} is not a year");
            }
            var cell = row[v].Trim();
            if (cell.Length == 0)
            {
                continue;
            }
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new ObservedDataException($"{fileName}:{r + 1}: '{cell}' in column {valueColumn} is not a number");
            }
            if (!byEntity.TryGetValue(row[e], out var series))
            {
                byEntity[row[e]] = series = new SortedDictionary<int, double>();
            }
            series[year] = value * scale;
        }
        return byEntity.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<int, double>)kv.Value, StringComparer.Ordinal);
    }
}
