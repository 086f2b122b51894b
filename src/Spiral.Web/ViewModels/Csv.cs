using System.Globalization;
using System.Text;
using Spiral.Experiments.Classroom;
using Spiral.Experiments.Counterfactuals;
using Spiral.Experiments.Metrics;

namespace Spiral.Web.ViewModels;

/// <summary>
/// The results a page shows, as CSV for a download link (RFC 4180: comma-separated, quoted when needed, invariant
/// numbers with full precision): the Scenario page's outcomes and breakdown, the Compare table, the four-worlds cells.
/// </summary>
public static class Csv
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The Scenario page: every outcome of the summary (name, label, unit, mean, 95% interval), then the breakdown rows and ratios.</summary>
    public static string Of(EnsembleView view)
    {
        var sb = new StringBuilder("outcome,label,unit,mean,low,high\n");
        foreach (var o in view.Summary.Outcomes)
        {
            Row(sb, o.Outcome.Name, o.Outcome.Label, o.Outcome.Unit, N(o.Estimate.Mean), N(o.Estimate.Low), N(o.Estimate.High));
        }
        foreach (var (label, value) in view.Ratios)
        {
            Row(sb, "ratio", label, "ratio (over all runs)", N(value), "", "");
        }
        return sb.ToString();
    }

    /// <summary>The Compare table: each outcome and ratio without and with the intervention, and the paired difference with its 95% interval.</summary>
    public static string Of(ComparisonResult result)
    {
        var sb = new StringBuilder("outcome,unit,baseline,treated,difference,low,high\n");
        foreach (var o in result.Outcomes)
        {
            Row(sb, o.Outcome.Label, o.Outcome.Unit, N(o.Baseline), N(o.Treated), N(o.Difference.Mean), N(o.Difference.Low), N(o.Difference.High));
        }
        foreach (var r in result.Ratios)
        {
            Row(sb, r.Ratio.Label, "ratio (over all runs)", N(r.Baseline), N(r.Treated), N(r.Difference.Mean), N(r.Difference.Low), N(r.Difference.High));
        }
        return sb.ToString();
    }

    /// <summary>The four-worlds map: one row per cell with every map outcome's mean and 95% interval.</summary>
    public static string Of(FourWorldsGrid grid)
    {
        var sb = new StringBuilder("offenseAdvantage,distinguishability,quadrant");
        foreach (var o in FourWorldsGrid.MapOutcomes)
        {
            sb.Append(Inv, $",{o.Name},{o.Name}Low,{o.Name}High");
        }
        sb.Append('\n');
        foreach (var c in grid.Cells)
        {
            var cells = new List<string> { N(c.OffenseAdvantage), N(c.Distinguishability), FourWorldsGrid.Quadrant(c.OffenseAdvantage, c.Distinguishability) };
            foreach (var o in FourWorldsGrid.MapOutcomes)
            {
                var e = c.Of(o);
                cells.AddRange([N(e.Mean), N(e.Low), N(e.High)]);
            }
            Row(sb, [.. cells]);
        }
        return sb.ToString();
    }

    /// <summary>A classroom game's grading export: one row per seat and year (<see cref="ClassroomDebrief.CsvHeader"/>).</summary>
    public static string Of(ClassroomDebrief debrief)
    {
        var sb = new StringBuilder();
        Row(sb, [.. ClassroomDebrief.CsvHeader]);
        foreach (var row in debrief.CsvRows())
        {
            Row(sb, [.. row]);
        }
        return sb.ToString();
    }

    /// <summary>A <c>data:</c> address holding the CSV, for an <c>&lt;a download&gt;</c> link (no server round trip).</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    private static string N(double v) => v.ToString("R", Inv);

    private static void Row(StringBuilder sb, params string[] cells)
    {
        sb.Append(string.Join(",", cells.Select(Quote)));
        sb.Append('\n');
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
