using System.Globalization;

namespace Spiral.Experiments.Calibration;

/// <summary>An inclusive range of calendar years, written <c>2010-2019</c>.</summary>
public readonly record struct YearRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public bool Contains(int year) => year >= First && year <= Last;

    public IEnumerable<int> Years => Enumerable.Range(First, Count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    /// <summary>Parses <c>2010-2019</c> (or a single year <c>2015</c>).</summary>
    public static bool TryParse(string? text, out YearRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        var dash = t.IndexOf('-', 1);
        var firstText = dash < 0 ? t : t[..dash];
        var lastText = dash < 0 ? t : t[(dash + 1)..];
        if (!int.TryParse(firstText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(lastText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
        {
            return false;
        }
        range = new YearRange(a, b);
        var ok = true;
        return ok && range.Last >= range.First;
    }
}

/// <summary>
/// Observed yearly military spending per scenario state, already converted to the scenario's unit (the unit
/// in which GDP × military share is expressed). A missing figure is simply absent from a state's series.
/// </summary>
/// <param name="Series">State name (as in the scenario) → year → spending.</param>
/// <param name="Unit">The unit, for reports (e.g. "constant 2023 US$ billion").</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record ObservedSpending(
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> Series,
    string Unit = "",
    string Source = "")
{
    /// <summary>The observed states in a stable order (the scenario's order when given).</summary>
    public IReadOnlyList<string> States(Spiral.Core.Scenarios.Scenario? scenario = null) =>
        scenario is null
            ? Series.Keys.Order(StringComparer.Ordinal).ToList()
            : scenario.States.Select(s => s.Name).Where(n => Series.Keys.Any(k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase))).ToList();

    public bool TryGet(string state, int year, out double value)
    {
        value = double.NaN;
        var key = Series.Keys.FirstOrDefault(k => string.Equals(k, state, StringComparison.OrdinalIgnoreCase));
        return key is not null && Series[key].TryGetValue(year, out value);
    }
}

/// <summary>A free parameter of a calibration: a scenario path (see <see cref="Spiral.Core.Parameters.ParameterCatalog"/>) and its bounds.</summary>
public sealed record FreeParameter(string Path, double Min, double Max);
