using System.Globalization;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Calibration;
using Spiral.Numerics.Text;

namespace Spiral.IO.Calibration;

/// <summary>
/// The observed crisis record of the library's real cases, from <c>data/observed_crises.csv</c> (MID 5.0, ICB v14 and
/// UCDP/PRIO codings, later episodes coded from cited sources with MID rules; see data/README.md). An episode counts
/// for a scenario when at least two of its states are scenario states and it overlaps the window; it counts once, at
/// its highest hostility level. Level 1 rows (no militarized action) and summary rows (an aggregate of other rows'
/// disputes) are left out.
/// </summary>
public static class ObservedCrises
{
    /// <summary>The shipped file.</summary>
    public const string File = "data/observed_crises.csv";

    /// <summary>The library scenarios with an observed record, and the file's cases each one covers.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Cases { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["india-china-lac"] = ["india-china", "india-pakistan"],
        ["south-china-sea"] = ["south-china-sea"],
        ["russia-ukraine-nato"] = ["russia-ukraine-nato"],
        ["west-asia"] = ["west-asia"],
        ["anglo-german-naval-race"] = ["great-powers-1900-1914"],
        ["cold-war-hotline"] = ["cold-war-usa-ussr-1955-1975"],
        ["afghanistan-2021"] = ["afghanistan-neighbours"],
    };

    /// <summary>Names the file uses for a scenario state (the scenario's name matches too).</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = ["United States"],
        ["UK"] = ["United Kingdom"],
        ["USSR"] = ["Soviet Union"],
        ["Viet Nam"] = ["Vietnam"],
    };

    /// <summary>The first year the real cases hold out for backtests: a default window ends before it.</summary>
    public const int FirstHeldOutYear = 2020;

    /// <summary>
    /// The default window of a scenario's record: its <c>calibration.train</c> years when it has a calibration section,
    /// else its years up to <see cref="FirstHeldOutYear"/> − 1.
    /// </summary>
    public static YearRange DefaultYears(string fileOrName, Scenario scenario)
    {
        try
        {
            if (CalibrationSetup.Load(fileOrName).Train is { } train)
            {
                return train;
            }
        }
        catch (Scenarios.ScenarioException)
        {
            // no calibration section
        }
        var last = Core.Recording.TimeConvention.LastYear(scenario.StartYear, scenario.Steps);
        return new YearRange(scenario.StartYear, Math.Min(last, Math.Max(scenario.StartYear, FirstHeldOutYear - 1)));
    }

    /// <summary>Whether the scenario (by name) has an observed record.</summary>
    public static bool Covers(Scenario scenario) => Cases.ContainsKey(scenario.Name);

    /// <summary>The record of <paramref name="scenario"/> in <paramref name="years"/>.</summary>
    /// <exception cref="ObservedDataException">The scenario has no observed record or the file is unreadable.</exception>
    public static ObservedCrisisRecord Record(Scenario scenario, YearRange years) => Record(ObservedData.ReadText(File), scenario, years);

    /// <summary>The record of <paramref name="scenario"/> in <paramref name="years"/> from the text of the file.</summary>
    public static ObservedCrisisRecord Record(string csvText, Scenario scenario, YearRange years)
    {
        if (!Cases.TryGetValue(scenario.Name, out var cases))
        {
            throw new ObservedDataException($"scenario '{scenario.Name}' has no observed crisis record in {File}; records exist for: {string.Join(", ", Cases.Keys)}");
        }
        var rows = Csv.Parse(csvText);
        var header = rows[0].Select(h => h.Trim()).ToArray();
        int Column(string name)
        {
            var k = Array.IndexOf(header, name);
            return k >= 0 ? k : throw new ObservedDataException($"{File}: no column '{name}'");
        }
        int caseCol = Column("case"), idCol = Column("episode_id"), nameCol = Column("episode"), startCol = Column("start_year"),
            endCol = Column("end_year"), statesCol = Column("states"), levelCol = Column("highest_hostlev");
        var counts = new int[4];
        var episodes = new List<string>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (Csv.IsBlank(row) || row.Length != header.Length || !cases.Contains(row[caseCol], StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            if (row[nameCol].Contains("(summary)", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!int.TryParse(row[startCol], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(row[levelCol], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
            {
                throw new ObservedDataException($"{File}:{r + 1}: start_year or highest_hostlev is not a number");
            }
            var end = int.TryParse(row[endCol], NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e : int.MaxValue; // "ongoing"
            if (level < 2 || level > 5 || start > years.Last || end < years.First)
            {
                continue;
            }
            var involved = row[statesCol].Split(';').Select(s => s.Trim()).Count(s => scenario.States.Any(st => Matches(st.Name, s)));
            if (involved < 2)
            {
                continue;
            }
            counts[level - 2]++;
            episodes.Add(row[idCol]);
        }
        return new ObservedCrisisRecord(years, counts, episodes, $"{File} (cases {string.Join(", ", cases)})");
    }

    private static bool Matches(string state, string fileName)
    {
        var bare = fileName.Split(" (")[0].Trim();
        return string.Equals(state, bare, StringComparison.OrdinalIgnoreCase)
            || (Aliases.TryGetValue(state, out var names) && names.Contains(bare, StringComparer.OrdinalIgnoreCase));
    }
}
