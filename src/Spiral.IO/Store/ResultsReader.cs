using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.Experiments.Sensitivity;
using Spiral.Numerics.Sensitivity;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Store;

/// <summary>The experiment row of a results store.</summary>
public sealed record StoredExperiment(
    string Kind,
    string Name,
    string ScenarioName,
    string ScenarioHash,
    string? ScenarioText,
    string? SweepText,
    ulong MasterSeed,
    int Points,
    int Replications,
    long TotalRuns,
    int Steps,
    int StartYear,
    int StateCount,
    string DetailMode,
    int DetailSample,
    string SpiralVersion,
    int SchemaVersion,
    string? CreatedUtc);

/// <summary>A sweep axis as stored.</summary>
public sealed record StoredAxis(int Axis, string Path, string Kind, bool Numeric, int ValueCount);

/// <summary>Quantiles over runs of one series variable for one state at one step.</summary>
public sealed record SeriesBand(int State, int Step, int Year, long Runs, double Mean, double P05, double P25, double Median,
    double P75, double P95);

/// <summary>Quantiles over runs of one observer's belief about one target at one step.</summary>
public sealed record BeliefBand(int Observer, int Target, int Step, int Year, long Runs, double Mean, double P05, double P25,
    double Median, double P75, double P95);

/// <summary>An outcome at one value of a swept parameter: the mean (a probability for 0/1 outcomes) with a 95% interval.</summary>
public sealed record OutcomeAt(string Value, double? NumericValue, long Runs, double Mean, double Low, double High);

/// <summary>An outcome at one cell of a two-axis grid (for heat maps).</summary>
public sealed record OutcomeCell(double X, double Y, long Runs, double Mean, double Low, double High);

/// <summary>One sweep point's summary: its axis values and every run outcome (<see cref="OutcomeRegistry.Runs"/>) over its runs.</summary>
public sealed record PointSummary(int Point, IReadOnlyList<string> Values, long Runs, IReadOnlyList<OutcomeStatistics> Outcomes)
{
    public OutcomeStatistics this[Outcome outcome] => Outcomes[outcome.Index];
}

/// <summary>One state's outcomes (<see cref="OutcomeRegistry.States"/>) over the stored runs.</summary>
public sealed record StoredStateOutcomes(int State, IReadOnlyList<OutcomeStatistics> Outcomes)
{
    public OutcomeStatistics this[Outcome outcome] => Outcomes[outcome.Index];
}

/// <summary>One stored paired-comparison outcome (a tornado-chart bar).</summary>
public sealed record StoredComparison(string Intervention, string Outcome, int Runs, double Baseline, double Treated,
    double Difference, double Low, double High);

/// <summary>Median and 10th–90th percentiles over runs of milex and security of one state in one year.</summary>
public sealed record TrajectoryQuantiles(int State, int Year, long Runs, double MilexMedian, double MilexP10, double MilexP90,
    double SecurityMedian, double SecurityP10, double SecurityP90);

/// <summary>A stored run's identity: where it sits in the experiment and the seed and scenario that reproduce it.</summary>
public sealed record StoredRunHead(long RunId, int Point, int Replication, ulong Seed, string ScenarioHash);

/// <summary>How many times one event kind occurs in the stored events, and how many of those the timeline scripted (history).</summary>
public sealed record EventCount(string Kind, long Count, long Scripted)
{
    /// <summary>The events the model produced.</summary>
    public long Model => Count - Scripted;
}

/// <summary>
/// One stored event (an <c>events</c> row): when, what (EventKind name), who, the Kahn rung, the value, the concept,
/// the MID hostility level (0 when not a crisis event), whether the timeline scripted it, and a war's route
/// (WarRoute name; null for other events).
/// </summary>
public sealed record StoredEvent(long RunId, int Seq, int Step, int Year, string Kind, int Actor, int? Target, int Rung, double Value,
    string Concept, int Mid, bool Scripted, string? Route);

/// <summary>How many stored events are tagged with one concept (a <c>Concept</c> name of the model).</summary>
public sealed record ConceptCount(string Concept, long Count);

/// <summary>
/// Read access to a results store (docs/reference/results-store.md). Opens the DuckDB file read-only; every method
/// is one SQL query over the store: plots, reports and exports call these methods and hold no SQL of their own.
/// <see cref="Query"/> and <see cref="Scalar"/> are there for ad-hoc SQL (tests, users).
/// </summary>
public sealed class ResultsReader : IDisposable
{
    private ResultsReader(DuckDBConnection connection) => Connection = connection;

    /// <summary>The open read-only DuckDB connection; query it with the documented SQL.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>
    /// Opens a store for reading, checking that it is an intact Spiral results store (<see cref="StoreIntegrity"/>;
    /// <paramref name="verify"/> false skips reading every block, for a store this process has just written).
    /// Throws <see cref="FileNotFoundException"/> when the file does not exist.
    /// </summary>
    /// <exception cref="ResultsStoreException">Not a results store, damaged, or locked by a writer.</exception>
    public static ResultsReader Open(string path, bool verify = true)
    {
        StoreIntegrity.CheckFile(path);
        var connection = new DuckDBConnection($"Data Source={Path.GetFullPath(path)};ACCESS_MODE=READ_ONLY");
        try
        {
            connection.Open();
            if (verify)
            {
                StoreIntegrity.Verify(connection, path);
            }
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw StoreIntegrity.OpenFailed(ex, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new ResultsReader(connection);
    }

    public StoredExperiment Experiment()
    {
        using var r = Query($"SELECT * FROM {S.Experiment.Table}");
        if (!r.Read())
        {
            throw new InvalidDataException("results store has no experiment row");
        }
        return new StoredExperiment(
            Str(r, S.Experiment.Kind)!, Str(r, S.Experiment.Name)!, Str(r, S.Experiment.ScenarioName)!, Str(r, S.Experiment.ScenarioHash)!,
            Str(r, S.Experiment.ScenarioText), Str(r, S.Experiment.SweepText),
            Convert.ToUInt64(r[S.Experiment.MasterSeed], CultureInfo.InvariantCulture),
            Int(r, S.Experiment.Points), Int(r, S.Experiment.Replications), Convert.ToInt64(r[S.Experiment.TotalRuns], CultureInfo.InvariantCulture),
            Int(r, S.Experiment.Steps), Int(r, S.Experiment.StartYear), Int(r, S.Experiment.StateCount), Str(r, S.Experiment.DetailMode)!,
            Int(r, S.Experiment.DetailSample), Str(r, S.Experiment.SpiralVersion)!, Int(r, S.Experiment.SchemaVersion),
            Str(r, S.Experiment.CreatedUtc));
    }

    public IReadOnlyList<StoredAxis> Axes()
    {
        var list = new List<StoredAxis>();
        using var r = Query($"SELECT {S.Axes.Axis}, {S.Axes.Path}, {S.Axes.Kind}, {S.Axes.Numeric}, {S.Axes.Count} FROM {S.Axes.Table} ORDER BY {S.Axes.Axis}");
        while (r.Read())
        {
            list.Add(new StoredAxis(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetInt32(4)));
        }
        return list;
    }

    /// <summary>State names by state index.</summary>
    public IReadOnlyList<string> States()
    {
        var list = new List<string>();
        using var r = Query($"SELECT {S.States.Name} FROM {S.States.Table} ORDER BY {S.States.State}");
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }
        return list;
    }

    /// <summary>Names of the tables the file holds (a Spiral store holds <see cref="StoreSchema.Tables"/>; another DuckDB file others).</summary>
    public IReadOnlySet<string> Tables()
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using var r = Query("SELECT table_name FROM information_schema.tables");
        while (r.Read())
        {
            tables.Add(r.GetString(0));
        }
        return tables;
    }

    public bool HasTable(string table) => Tables().Contains(table);

    /// <summary>Number of rows in <c>runs</c> (finished runs).</summary>
    public long RunCount() => Scalar<long>($"SELECT count(*) FROM {S.Runs.Table}");

    /// <summary>
    /// Bands over runs of a series variable (<see cref="StoreSchema.Series.Variables"/>) by state and step, over the runs
    /// with detail; <paramref name="point"/> restricts to one sweep point.
    /// </summary>
    public IReadOnlyList<SeriesBand> SeriesBands(string variable, int? point = null)
    {
        if (!S.Series.Variables.Contains(variable))
        {
            throw new ArgumentException($"unknown series variable '{variable}'; expected one of {string.Join(", ", S.Series.Variables)}", nameof(variable));
        }
        var filter = point is { } p ? $"WHERE s.{S.Series.RunId} IN (SELECT {S.Runs.RunId} FROM {S.Runs.Table} WHERE {S.Runs.Point} = {p})" : "";
        var sql = $"""
            SELECT s.{S.Series.State}, s.{S.Series.Step}, min(s.{S.Series.Year}), count(*), avg(s.{variable}),
                   quantile_cont(s.{variable}, 0.05), quantile_cont(s.{variable}, 0.25), quantile_cont(s.{variable}, 0.5),
                   quantile_cont(s.{variable}, 0.75), quantile_cont(s.{variable}, 0.95)
            FROM {S.Series.Table} s {filter}
            GROUP BY s.{S.Series.State}, s.{S.Series.Step} ORDER BY 1, 2
            """;
        var list = new List<SeriesBand>();
        using var r = Query(sql);
        while (r.Read())
        {
            list.Add(new SeriesBand(Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
                Convert.ToInt32(r[2], CultureInfo.InvariantCulture), Convert.ToInt64(r[3], CultureInfo.InvariantCulture),
                r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9)));
        }
        return list;
    }

    /// <summary>Number of runs with per-step detail (series, beliefs, events).</summary>
    public long DetailedRunCount() => Scalar<long>($"SELECT count(*) FROM {S.Runs.Table} WHERE {S.Runs.HasDetail}");

    /// <summary>The first <paramref name="limit"/> runs in run order.</summary>
    public IReadOnlyList<StoredRunHead> FirstRuns(int limit)
    {
        var list = new List<StoredRunHead>();
        using var r = Query($"""
            SELECT {S.Runs.RunId}, {S.Runs.Point}, {S.Runs.Replication}, {S.Runs.Seed}, {S.Runs.ScenarioHash}
            FROM {S.Runs.Table} ORDER BY {S.Runs.RunId} LIMIT {limit}
            """);
        while (r.Read())
        {
            list.Add(new StoredRunHead(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToUInt64(r.GetValue(3), CultureInfo.InvariantCulture), r.GetString(4)));
        }
        return list;
    }

    /// <summary>Occurrences of each event kind over the stored events, with how many were scripted, most frequent first (ties by kind).</summary>
    public IReadOnlyList<EventCount> EventCounts() =>
        CountEvents(S.Events.Kind, "TRUE").Select(c => new EventCount(c.Value, c.Count, c.Scripted)).ToList();

    /// <summary>Stored events by the concept they are tagged with, most frequent first (ties by concept); untagged events left out.</summary>
    public IReadOnlyList<ConceptCount> ConceptCounts() =>
        CountEvents(S.Events.Concept, $"{S.Events.Concept} <> '{nameof(Concept.None)}'").Select(c => new ConceptCount(c.Value, c.Count)).ToList();

    private List<(string Value, long Count, long Scripted)> CountEvents(string column, string where)
    {
        var list = new List<(string, long, long)>();
        using var r = Query($"SELECT {column}, count(*), count(*) FILTER (WHERE {S.Events.Scripted}) FROM {S.Events.Table} WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1");
        while (r.Read())
        {
            list.Add((r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>The stored events of run <paramref name="runId"/> in the order they happened (empty when the run has no detail).</summary>
    public IReadOnlyList<StoredEvent> Events(long runId)
    {
        var list = new List<StoredEvent>();
        using var r = Query($"""
            SELECT {S.Events.RunId}, {S.Events.Seq}, {S.Events.Step}, {S.Events.Year}, {S.Events.Kind}, {S.Events.Actor}, {S.Events.Target},
                   {S.Events.Rung}, {S.Events.Value}, {S.Events.Concept}, {S.Events.Mid}, {S.Events.Scripted}, {S.Events.Route}
            FROM {S.Events.Table} WHERE {S.Events.RunId} = {runId.ToString(CultureInfo.InvariantCulture)} ORDER BY {S.Events.Seq}
            """);
        while (r.Read())
        {
            int I(int k) => Convert.ToInt32(r.GetValue(k), CultureInfo.InvariantCulture);
            list.Add(new StoredEvent(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), I(1), I(2), I(3), r.GetString(4), I(5),
                r.IsDBNull(6) ? null : I(6), I(7), r.GetDouble(8), r.GetString(9), I(10), r.GetBoolean(11), r.IsDBNull(12) ? null : r.GetString(12)));
        }
        return list;
    }

    /// <summary>The distinct values of a swept parameter over the runs as text, in value order, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> AxisValues(string axisPath, int limit)
    {
        var col = S.Quote(AxisOf(axisPath).Path);
        var values = new List<string>();
        using var r = Query($"SELECT DISTINCT CAST({col} AS VARCHAR) AS v, {col} FROM {S.Runs.Table} ORDER BY 2 LIMIT {limit}");
        while (r.Read())
        {
            values.Add(r.IsDBNull(0) ? "" : r.GetString(0));
        }
        return values;
    }

    /// <summary>
    /// Median and 10th–90th percentiles of milex and security by state and year over the runs with per-step series;
    /// <paramref name="state"/> restricts to one state.
    /// </summary>
    public IReadOnlyList<TrajectoryQuantiles> Trajectories(int? state = null)
    {
        var filter = state is { } i ? $"WHERE {S.Series.State} = {i}" : "";
        var sql = $"""
            SELECT {S.Series.State}, {S.Series.Year}, count(*),
                   quantile_cont({S.Series.Milex}, 0.5), quantile_cont({S.Series.Milex}, 0.1), quantile_cont({S.Series.Milex}, 0.9),
                   quantile_cont({S.Series.Security}, 0.5), quantile_cont({S.Series.Security}, 0.1), quantile_cont({S.Series.Security}, 0.9)
            FROM {S.Series.Table} {filter}
            GROUP BY 1, 2 ORDER BY 1, 2
            """;
        var list = new List<TrajectoryQuantiles>();
        using var r = Query(sql);
        while (r.Read())
        {
            double D(int k) => Convert.ToDouble(r[k], CultureInfo.InvariantCulture);
            list.Add(new TrajectoryQuantiles(Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
                Convert.ToInt64(r[2], CultureInfo.InvariantCulture), D(3), D(4), D(5), D(6), D(7), D(8)));
        }
        return list;
    }

    /// <summary>
    /// Bands over runs of beliefs by observer, target and step (itself included); <paramref name="point"/> restricts to one
    /// sweep point, <paramref name="observer"/> to one observer.
    /// </summary>
    public IReadOnlyList<BeliefBand> BeliefBands(int? point = null, int? observer = null)
    {
        var conditions = new List<string>();
        if (point is { } p)
        {
            conditions.Add($"b.{S.Beliefs.RunId} IN (SELECT {S.Runs.RunId} FROM {S.Runs.Table} WHERE {S.Runs.Point} = {p})");
        }
        if (observer is { } o)
        {
            conditions.Add($"b.{S.Beliefs.Observer} = {o}");
        }
        var filter = conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : "";
        var sql = $"""
            SELECT b.{S.Beliefs.Observer}, b.{S.Beliefs.Target}, b.{S.Beliefs.Step}, count(*), avg(b.{S.Beliefs.Belief}),
                   quantile_cont(b.{S.Beliefs.Belief}, 0.05), quantile_cont(b.{S.Beliefs.Belief}, 0.25), quantile_cont(b.{S.Beliefs.Belief}, 0.5),
                   quantile_cont(b.{S.Beliefs.Belief}, 0.75), quantile_cont(b.{S.Beliefs.Belief}, 0.95)
            FROM {S.Beliefs.Table} b {filter}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """;
        var startYear = StartYear();
        var list = new List<BeliefBand>();
        using var r = Query(sql);
        while (r.Read())
        {
            var step = Convert.ToInt32(r[2], CultureInfo.InvariantCulture);
            list.Add(new BeliefBand(Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
                step, TimeConvention.Year(startYear, step), Convert.ToInt64(r[3], CultureInfo.InvariantCulture),
                r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9)));
        }
        return list;
    }

    /// <summary>
    /// A run outcome (e.g. <see cref="OutcomeRegistry.HadWar"/>, the war probability) by the values of one swept parameter,
    /// averaged over every other axis, with the outcome's 95% interval (<see cref="Outcome.Estimate"/>).
    /// </summary>
    public IReadOnlyList<OutcomeAt> OutcomeBy(Outcome outcome, string axisPath)
    {
        var axis = AxisOf(axisPath);
        var col = S.Quote(axis.Path);
        var list = new List<OutcomeAt>();
        using var r = Query($"""
            SELECT CAST({col} AS VARCHAR), count(*), {Aggregates([outcome])}
            FROM {S.Runs.Table} WHERE {col} IS NOT NULL GROUP BY {col} ORDER BY {col}
            """);
        while (r.Read())
        {
            var text = r.GetString(0);
            var e = ReadStatistics(r, 2, [outcome])[0].Estimate;
            double? num = axis.Numeric ? double.Parse(text, CultureInfo.InvariantCulture) : null;
            list.Add(new OutcomeAt(text, num, r.GetInt64(1), e.Mean, e.Low, e.High));
        }
        return list;
    }

    /// <summary>A run outcome over the grid of two numeric axes (x, y), e.g. the four-worlds heat map of <see cref="OutcomeRegistry.HadWar"/>.</summary>
    public IReadOnlyList<OutcomeCell> OutcomeGrid(Outcome outcome, string xAxisPath, string yAxisPath)
    {
        var x = AxisOf(xAxisPath);
        var y = AxisOf(yAxisPath);
        if (!x.Numeric || !y.Numeric)
        {
            throw new ArgumentException("both grid axes must be numeric");
        }
        var (cx, cy) = (S.Quote(x.Path), S.Quote(y.Path));
        var list = new List<OutcomeCell>();
        using var r = Query($"""
            SELECT {cx}, {cy}, count(*), {Aggregates([outcome])}
            FROM {S.Runs.Table} WHERE {cx} IS NOT NULL AND {cy} IS NOT NULL GROUP BY {cx}, {cy} ORDER BY {cx}, {cy}
            """);
        while (r.Read())
        {
            var e = ReadStatistics(r, 3, [outcome])[0].Estimate;
            list.Add(new OutcomeCell(r.GetDouble(0), r.GetDouble(1), r.GetInt64(2), e.Mean, e.Low, e.High));
        }
        return list;
    }

    /// <summary>Every run outcome over all stored runs (every sweep point pooled).</summary>
    public IReadOnlyList<OutcomeStatistics> RunOutcomes()
    {
        using var r = Query($"SELECT {Aggregates(OutcomeRegistry.Runs)} FROM {S.Runs.Table}");
        r.Read();
        return ReadStatistics(r, 0, OutcomeRegistry.Runs);
    }

    /// <summary>Every state outcome of each state over all stored runs, in state order.</summary>
    public IReadOnlyList<StoredStateOutcomes> StateOutcomes()
    {
        var list = new List<StoredStateOutcomes>();
        using var r = Query($"""
            SELECT {S.RunStates.State}, {Aggregates(OutcomeRegistry.States)}
            FROM {S.RunStates.Table} GROUP BY 1 ORDER BY 1
            """);
        while (r.Read())
        {
            list.Add(new StoredStateOutcomes(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), ReadStatistics(r, 1, OutcomeRegistry.States)));
        }
        return list;
    }

    /// <summary>Per sweep point: axis values, runs and every run outcome over the point's runs, in point order — one SQL query.</summary>
    public IReadOnlyList<PointSummary> PointSummaries()
    {
        var sql = $"""
            WITH v AS (
              SELECT {S.PointValues.Point} AS point, list({S.PointValues.ValueText} ORDER BY {S.PointValues.Axis}) AS vals
              FROM {S.PointValues.Table} GROUP BY 1)
            SELECT r.{S.Runs.Point}, coalesce(any_value(v.vals), []), count(*), {Aggregates(OutcomeRegistry.Runs, "r.")}
            FROM {S.Runs.Table} r LEFT JOIN v ON v.point = r.{S.Runs.Point}
            GROUP BY r.{S.Runs.Point} ORDER BY r.{S.Runs.Point}
            """;
        var list = new List<PointSummary>();
        using var r = Query(sql);
        while (r.Read())
        {
            var values = r.GetValue(1) is System.Collections.IEnumerable e and not string
                ? e.Cast<object?>().Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToList()
                : [];
            list.Add(new PointSummary(r.GetInt32(0), values, r.GetInt64(2), ReadStatistics(r, 3, OutcomeRegistry.Runs)));
        }
        return list;
    }

    /// <summary>SQL select items giving, per outcome, the count of runs defining it, its sum, sample variance and maximum.</summary>
    private static string Aggregates(IEnumerable<Outcome> outcomes, string prefix = "") => string.Join(", ", outcomes.Select(o =>
    {
        var v = $"CAST({prefix}{o.Column} AS DOUBLE)";
        return $"count({v}), coalesce(sum({v}), 0), coalesce(var_samp({v}), 0), max({v})";
    }));

    /// <summary>Reads the columns written by <see cref="Aggregates"/> from column <paramref name="first"/> on.</summary>
    private static IReadOnlyList<OutcomeStatistics> ReadStatistics(DbDataReader r, int first, IReadOnlyList<Outcome> outcomes)
    {
        var list = new List<OutcomeStatistics>(outcomes.Count);
        for (var k = 0; k < outcomes.Count; k++)
        {
            var c = first + 4 * k;
            var n = Convert.ToInt64(r.GetValue(c), CultureInfo.InvariantCulture);
            var sum = Convert.ToDouble(r.GetValue(c + 1), CultureInfo.InvariantCulture);
            var variance = Convert.ToDouble(r.GetValue(c + 2), CultureInfo.InvariantCulture);
            var max = r.IsDBNull(c + 3) ? double.NaN : Convert.ToDouble(r.GetValue(c + 3), CultureInfo.InvariantCulture);
            list.Add(new OutcomeStatistics(outcomes[k], n, sum, max, outcomes[k].Estimate(n, sum, variance)));
        }
        return list;
    }

    /// <summary>Stored paired-comparison outcomes (from <c>spiral compare --out</c>), in stored order.</summary>
    public IReadOnlyList<StoredComparison> Comparisons()
    {
        var list = new List<StoredComparison>();
        using var r = Query($"""
            SELECT {S.Comparisons.Intervention}, {S.Comparisons.Outcome}, {S.Comparisons.Runs}, {S.Comparisons.Baseline}, {S.Comparisons.Treated},
                   {S.Comparisons.Difference}, {S.Comparisons.Low}, {S.Comparisons.High} FROM {S.Comparisons.Table} ORDER BY rowid
            """);
        while (r.Read())
        {
            list.Add(new StoredComparison(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5),
                r.GetDouble(6), r.GetDouble(7)));
        }
        return list;
    }

    /// <summary>
    /// The sensitivity analysis a store of kind 'sensitivity' holds (<c>spiral sensitivity --out</c>), with each point's
    /// output and factor values; null for any other store.
    /// </summary>
    public SensitivityResult? Sensitivity()
    {
        if (!HasTable(S.SensitivityAnalysis.Table))
        {
            return null;
        }
        var e = Experiment();
        string method, outcome, label;
        int samples, runsPerPoint, bootstrap;
        double level, mean, variance, noise;
        using (var r = Query($"""
            SELECT {S.SensitivityAnalysis.Method}, {S.SensitivityAnalysis.Outcome}, {S.SensitivityAnalysis.OutcomeLabel}, {S.SensitivityAnalysis.Samples},
                   {S.SensitivityAnalysis.RunsPerPoint}, {S.SensitivityAnalysis.Bootstrap}, {S.SensitivityAnalysis.Level}, {S.SensitivityAnalysis.OutputMean},
                   {S.SensitivityAnalysis.OutputVariance}, {S.SensitivityAnalysis.NoiseShare} FROM {S.SensitivityAnalysis.Table}
            """))
        {
            if (!r.Read())
            {
                throw new InvalidDataException($"results store has no {S.SensitivityAnalysis.Table} row");
            }
            (method, outcome, label) = (r.GetString(0), r.GetString(1), r.GetString(2));
            (samples, runsPerPoint, bootstrap) = (r.GetInt32(3), r.GetInt32(4), r.GetInt32(5));
            (level, mean, variance, noise) = (r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9));
        }
        var factors = new List<SensitivityFactorResult>();
        using (var r = Query($"""
            SELECT {S.Sensitivity.Path}, {S.Sensitivity.Min}, {S.Sensitivity.Max}, {S.Sensitivity.Integer},
                   {S.Sensitivity.First}, {S.Sensitivity.FirstLow}, {S.Sensitivity.FirstHigh}, {S.Sensitivity.Total}, {S.Sensitivity.TotalLow},
                   {S.Sensitivity.TotalHigh}, {S.Sensitivity.MuStar}, {S.Sensitivity.MuStarLow}, {S.Sensitivity.MuStarHigh}, {S.Sensitivity.Mu},
                   {S.Sensitivity.Sigma} FROM {S.Sensitivity.Table} ORDER BY {S.Sensitivity.Factor}
            """))
        {
            while (r.Read())
            {
                SensitivityInterval? Interval(int at) => r.IsDBNull(at) ? null : new SensitivityInterval(r.GetDouble(at), r.GetDouble(at + 1), r.GetDouble(at + 2));
                factors.Add(new SensitivityFactorResult(new SensitivityFactor(r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetBoolean(3)),
                    First: Interval(4), Total: Interval(7), MuStar: Interval(10), Mu: r.IsDBNull(13) ? null : r.GetDouble(13),
                    Sigma: r.IsDBNull(14) ? null : r.GetDouble(14)));
            }
        }
        var outputs = new List<double>();
        using (var r = Query($"SELECT {S.SensitivityPoints.Output} FROM {S.SensitivityPoints.Table} ORDER BY {S.SensitivityPoints.Point}"))
        {
            while (r.Read())
            {
                outputs.Add(r.GetDouble(0));
            }
        }
        var values = new List<double>();
        using (var r = Query($"SELECT {S.PointValues.ValueNum} FROM {S.PointValues.Table} ORDER BY {S.PointValues.Point}, {S.PointValues.Axis}"))
        {
            while (r.Read())
            {
                values.Add(r.GetDouble(0));
            }
        }
        var options = new SensitivityOptions(method == "sobol" ? SensitivityMethod.Sobol : SensitivityMethod.Morris, samples, runsPerPoint,
            e.MasterSeed, bootstrap, level);
        return new SensitivityResult(e.ScenarioName, outcome, label, options, e.Points, e.TotalRuns, mean, variance, noise, factors)
        {
            PointOutputs = outputs,
            PointValues = values,
        };
    }

    /// <summary>
    /// A content hash (MD5 hex) of a whole table, its rows as text in key order: two stores with the same hash hold the
    /// same rows. Used to check that a resumed sweep equals an uninterrupted one.
    /// </summary>
    public string ContentHash(string table)
    {
        if (!S.Tables.Contains(table) && !S.SensitivityTables.Contains(table))
        {
            throw new ArgumentException($"unknown table '{table}'", nameof(table));
        }
        var order = table switch
        {
            S.Runs.Table => S.Runs.RunId,
            S.RunStates.Table => $"{S.RunStates.RunId}, {S.RunStates.State}",
            S.Series.Table => $"{S.Series.RunId}, {S.Series.Step}, {S.Series.State}",
            S.Beliefs.Table => $"{S.Beliefs.RunId}, {S.Beliefs.Step}, {S.Beliefs.Observer}, {S.Beliefs.Target}",
            S.Events.Table => $"{S.Events.RunId}, {S.Events.Seq}",
            S.Points.Table => S.Points.Point,
            S.PointValues.Table => $"{S.PointValues.Point}, {S.PointValues.Axis}",
            S.Sensitivity.Table => S.Sensitivity.Factor,
            S.SensitivityPoints.Table => S.SensitivityPoints.Point,
            _ => "1",
        };
        return Scalar<string>($"SELECT coalesce(md5(string_agg(CAST(t AS VARCHAR), '\n' ORDER BY {order})), '') FROM {table} t");
    }

    /// <summary>
    /// <see cref="ContentHash(string)"/> of every table, the experiment row without its creation time: two stores with
    /// the same hashes hold the same results, however (threads, resumes, machines) they were computed.
    /// </summary>
    public IReadOnlyDictionary<string, string> ContentHashes()
    {
        var hashes = S.Tables.Where(t => t != S.Experiment.Table).ToDictionary(t => t, ContentHash);
        hashes[S.Experiment.Table] = Scalar<string>(
            $"SELECT md5(string_agg(CAST(t AS VARCHAR), '|')) FROM (SELECT * EXCLUDE ({S.Experiment.CreatedUtc}) FROM {S.Experiment.Table}) t");
        return hashes;
    }

    /// <summary>
    /// Writes one table to <paramref name="file"/> with DuckDB's <c>COPY … TO</c> (Parquet with zstd, or CSV with a header),
    /// rows in key order where the table has a natural one.
    /// </summary>
    public void CopyTable(string table, string file, ExportFormat format)
    {
        if (!S.Tables.Contains(table) && !S.SensitivityTables.Contains(table))
        {
            throw new ArgumentException($"unknown table '{table}'", nameof(table));
        }
        var order = table switch
        {
            S.Runs.Table => $" ORDER BY {S.Runs.RunId}",
            S.RunStates.Table => $" ORDER BY {S.RunStates.RunId}, {S.RunStates.State}",
            S.Points.Table => $" ORDER BY {S.Points.Point}",
            S.PointValues.Table => $" ORDER BY {S.PointValues.Point}, {S.PointValues.Axis}",
            S.Chunks.Table => $" ORDER BY {S.Chunks.FirstRun}",
            S.Sensitivity.Table => $" ORDER BY {S.Sensitivity.Factor}",
            S.SensitivityPoints.Table => $" ORDER BY {S.SensitivityPoints.Point}",
            _ => "",
        };
        var options = format == ExportFormat.Parquet ? "(FORMAT parquet, COMPRESSION zstd)" : "(FORMAT csv, HEADER true)";
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = $"COPY (SELECT * FROM {table}{order}) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' {options}";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs any SQL over the store; dispose the reader.</summary>
    public DbDataReader Query(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteReader();
    }

    public T Scalar<T>(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    public void Dispose() => Connection.Dispose();

    private int StartYear() => Scalar<int>($"SELECT {S.Experiment.StartYear} FROM {S.Experiment.Table}");

    private StoredAxis AxisOf(string path) =>
        Axes().FirstOrDefault(a => a.Path == path)
        ?? throw new ArgumentException($"no axis '{path}' in this store; axes: {string.Join(", ", Axes().Select(a => a.Path))}");

    private static string? Str(DbDataReader r, string column) => r[column] is DBNull ? null : Convert.ToString(r[column], CultureInfo.InvariantCulture);

    private static int Int(DbDataReader r, string column) => Convert.ToInt32(r[column], CultureInfo.InvariantCulture);
}
