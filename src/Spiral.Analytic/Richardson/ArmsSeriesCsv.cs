using System.Globalization;
using Spiral.Numerics.Text;

namespace Spiral.Analytic.Richardson;

/// <summary>Two aligned yearly series, each the sum of one or more named columns.</summary>
public sealed record ArmsSeries(IReadOnlyList<int> Years, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// Reads yearly armament series from CSV text (the caller reads the file). Two layouts are accepted:
/// wide (a year column and one column per series, e.g. <c>year,FRN,RUS,GMY,AUH</c>) and
/// long (one row per series and year, e.g. the Correlates of War layout <c>stateabb,year,milex_thousands</c>),
/// recognised by a key column named <c>stateabb</c>, <c>state</c>, <c>series</c> or <c>name</c>.
/// </summary>
public static class ArmsSeriesCsv
{
    private static readonly string[] KeyColumns = ["stateabb", "state", "series", "name"];

    /// <summary>The series in <paramref name="csvText"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    public static ArmsSeries Parse(
        string csvText, string sourceName, IReadOnlyList<string> xColumns, IReadOnlyList<string> yColumns,
        string yearColumn = "year", int? from = null, int? to = null, double scale = 1.0, string? valueColumn = null)
    {
        if (xColumns.Count == 0 || yColumns.Count == 0)
        {
            throw new ModelInputException("Name at least one column for each side (for example --x FRN,RUS --y GMY,AUH).");
        }
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ModelInputException($"scale must be a positive number, got {scale}.");
        }
        var records = Csv.Parse(csvText);
        if (records.Count == 0)
        {
            throw new ModelInputException($"{sourceName} is empty; expected a header row.");
        }
        var header = records[0].Select(h => h.Trim()).ToArray();
        var yearIndex = IndexOf(header, yearColumn)
            ?? throw new ModelInputException($"{sourceName} has no '{yearColumn}' column; its columns are: {string.Join(", ", header)}.");
        var rows = records.Skip(1).Where(r => !Csv.IsBlank(r)).ToList();

        var wanted = xColumns.Concat(yColumns).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var table = wanted.All(c => IndexOf(header, c) is not null)
            ? ReadWide(header, rows, yearIndex, wanted, sourceName)
            : ReadLong(header, rows, yearIndex, wanted, sourceName, valueColumn);

        var years = table.Keys.Where(y => (from is null || y >= from) && (to is null || y <= to)).Order().ToArray();
        if (years.Length == 0)
        {
            throw new ModelInputException($"{sourceName} has no rows in the years {from?.ToString(CultureInfo.InvariantCulture) ?? "start"}..{to?.ToString(CultureInfo.InvariantCulture) ?? "end"}.");
        }
        for (var i = 1; i < years.Length; i++)
        {
            if (years[i] != years[i - 1] + 1)
            {
                throw new ModelInputException($"{sourceName}: the years must be consecutive, but {years[i - 1]} is followed by {years[i]}.");
            }
        }
        double Sum(int year, IReadOnlyList<string> columns)
        {
            var total = 0.0;
            foreach (var c in columns)
            {
                if (!table[year].TryGetValue(c, out var v))
                {
                    throw new ModelInputException($"{sourceName} has no value for '{c}' in {year}.");
                }
                total += v;
            }
            return total * scale;
        }
        return new ArmsSeries(years, years.Select(y => Sum(y, xColumns)).ToArray(), years.Select(y => Sum(y, yColumns)).ToArray());
    }

    private static Dictionary<int, Dictionary<string, double>> ReadWide(string[] header, List<string[]> rows, int yearIndex, string[] wanted, string source)
    {
        var table = new Dictionary<int, Dictionary<string, double>>();
        foreach (var row in rows)
        {
            var year = ParseYear(Cell(row, yearIndex), source);
            var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in wanted)
            {
                var cell = Cell(row, IndexOf(header, c)!.Value);
                if (cell.Length > 0)
                {
                    values[c] = ParseNumber(cell, c, year, source);
                }
            }
            if (!table.TryAdd(year, values))
            {
                throw new ModelInputException($"{source}: year {year} appears twice; a wide CSV has one row per year.");
            }
        }
        return table;
    }

    private static Dictionary<int, Dictionary<string, double>> ReadLong(string[] header, List<string[]> rows, int yearIndex, string[] wanted, string source, string? valueColumn)
    {
        var keyIndex = KeyColumns.Select(k => IndexOf(header, k)).FirstOrDefault(i => i is not null);
        if (keyIndex is null)
        {
            var missing = wanted.Where(c => IndexOf(header, c) is null);
            throw new ModelInputException(
                $"{source} has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; its columns are: {string.Join(", ", header)}. " +
                "Expected a wide CSV (a year column and one column per series) or a long CSV with a 'stateabb' column.");
        }
        int valueIndex;
        if (valueColumn is not null)
        {
            valueIndex = IndexOf(header, valueColumn)
                ?? throw new ModelInputException($"{source} has no value column '{valueColumn}'; its columns are: {string.Join(", ", header)}.");
        }
        else
        {
            var candidates = Enumerable.Range(0, header.Length)
                .Where(i => i != yearIndex && i != keyIndex && rows.All(r => double.TryParse(Cell(r, i), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                .ToArray();
            if (candidates.Length == 0)
            {
                throw new ModelInputException($"{source} looks like a long CSV but has no numeric value column.");
            }
            valueIndex = candidates[0];
        }
        var present = new HashSet<string>(rows.Select(r => Cell(r, keyIndex.Value)), StringComparer.OrdinalIgnoreCase);
        var absent = wanted.Where(w => !present.Contains(w)).ToArray();
        if (absent.Length > 0)
        {
            throw new ModelInputException(
                $"{source} has no series {string.Join(", ", absent.Select(a => $"'{a}'"))} in its '{header[keyIndex.Value]}' column; it has: {string.Join(", ", present.Order())}.");
        }
        var table = new Dictionary<int, Dictionary<string, double>>();
        foreach (var row in rows)
        {
            var key = Cell(row, keyIndex.Value);
            if (!wanted.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var year = ParseYear(Cell(row, yearIndex), source);
            if (!table.TryGetValue(year, out var values))
            {
                table[year] = values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            }
            var cell = Cell(row, valueIndex);
            if (cell.Length > 0)
            {
                values[key] = ParseNumber(cell, key, year, source);
            }
        }
        return table;
    }

    private static int? IndexOf(string[] header, string name)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }

    private static string Cell(string[] row, int index) => index < row.Length ? row[index].Trim() : "";

    private static int ParseYear(string cell, string source) =>
        int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new ModelInputException($"{source}: '{cell}' is not a year (expected an integer).");

    private static double ParseNumber(string cell, string column, int year, string source) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new ModelInputException($"{source}: '{cell}' in column '{column}', year {year}, is not a number.");
}
