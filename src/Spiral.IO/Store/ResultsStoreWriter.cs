using System.Globalization;
using DuckDB.NET.Data;
using Spiral.Core.Events;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.Experiments.Sensitivity;
using Spiral.Numerics.Random;
using Spiral.IO.Files;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Store;

/// <summary>Which runs keep their per-step detail (series, beliefs, events): all, none, or the first N replications of every point.</summary>
public sealed record DetailSelection(string Mode, int Sample)
{
    public static DetailSelection All { get; } = new("all", 0);
    public static DetailSelection None { get; } = new("none", 0);
    public static DetailSelection SampleOf(int replications) => new("sample", replications);
    /// <summary>The default of <c>spiral sweep</c>: the first 10 replications of every point.</summary>
    public static DetailSelection Default { get; } = SampleOf(10);

    public bool Includes(int replication) => Mode switch
    {
        "all" => true,
        "none" => false,
        _ => replication < Sample,
    };

    /// <summary>Parses <c>all</c>, <c>none</c>, <c>sample N</c> or <c>sample:N</c>.</summary>
    public static DetailSelection Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "all") return All;
        if (t == "none") return None;
        var parts = t.Split([' ', ':', '='], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[0] == "sample" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return SampleOf(n);
        }
        throw new ArgumentException($"'{text}' is not a series choice; expected all, none or sample N (N ≥ 1)");
    }

    public override string ToString() => Mode == "sample" ? $"sample {Sample}" : Mode;
}

/// <summary>What the store records about the experiment besides its runs.</summary>
public sealed record StoreHeader(
    string Kind,
    string ScenarioText,
    string? SweepText,
    DetailSelection Detail,
    string SpiralVersion,
    string? CreatedUtc = null);

/// <summary>A results store exists but belongs to another experiment, or cannot be opened for writing.</summary>
public sealed class ResultsStoreException(string message) : Exception(message);

/// <summary>
/// Streams an experiment's runs into a DuckDB file (docs/reference/results-store.md) with the appender API (series
/// and beliefs in bulk through <see cref="ColumnAppender"/>, issue 18), one transaction per runner chunk: a chunk's runs, runs' states, detail rows, new points and its <c>chunks</c> row
/// commit together or not at all. Memory is bounded by one chunk (DuckDB's own memory is capped); a killed writer
/// leaves whole chunks, and <see cref="OpenOrCreate"/> with resume reports the finished jobs so the runner skips them.
/// One writer per file.
/// </summary>
public sealed class ResultsStoreWriter : IRunSink, IDisposable
{

    /// <summary>DuckDB's write-ahead log beside a store: <c>FILE.duckdb.wal</c>.</summary>
    public const string WalSuffix = ".wal";

    private readonly DuckDBConnection _connection;
    private readonly IExperiment _experiment;
    private readonly SweepExperiment? _sweep;
    private readonly DetailSelection _detail;
    private readonly StoredRuns _done;
    private readonly HashSet<int> _pointWritten;
    private readonly bool[] _axisNumeric;
    private DuckDBTransaction? _transaction;
    private DuckDBAppender? _runs, _runStates, _events, _points, _pointValues;
    private ColumnAppender? _series, _beliefs;
    private readonly System.Diagnostics.Stopwatch _sinceCommit = new();
    private readonly List<(long First, int Count)> _pendingChunks = [];
    private readonly KillHook? _killHook;
    private int _hashPoint = -1;
    private string _hash = "";
    private bool _disposed;

    private ResultsStoreWriter(DuckDBConnection connection, IExperiment experiment, DetailSelection detail, StoredRuns done, HashSet<int> pointWritten)
    {
        _connection = connection;
        _experiment = experiment;
        _sweep = experiment as SweepExperiment;
        _detail = detail;
        _done = done;
        _pointWritten = pointWritten;
        _axisNumeric = _sweep?.Axes.Select(a => a.IsNumeric).ToArray() ?? [];
        CompletedRuns = done.Count;
        _killHook = KillHook.FromEnvironment();
    }

    /// <summary>Runs already in the store when it was opened.</summary>
    public long CompletedRuns { get; }

    public string Path { get; private init; } = "";

    /// <summary>True when job <paramref name="job"/> is already stored (pass to the runner on resume).</summary>
    public bool IsDone(long job) => _done.Contains(job);

    /// <summary>What <see cref="OpenOrCreate"/> repaired in the store it reopened (empty when nothing was needed).</summary>
    public string Repaired { get; private init; } = "";

    /// <summary>
    /// Creates the store at <paramref name="path"/>, or with <paramref name="resume"/> reopens an existing one of the
    /// same experiment (a missing file is then created). Throws <see cref="ResultsStoreException"/> when the file exists
    /// without <paramref name="resume"/>, belongs to another experiment, is not an intact Spiral store
    /// (<see cref="StoreIntegrity"/>), or is locked by another writer.
    /// </summary>
    /// <exception cref="OutputPathException">The path cannot be written (see <see cref="OutputPath.CheckFile"/>).</exception>
    public static ResultsStoreWriter OpenOrCreate(string path, IExperiment experiment, StoreHeader header, bool resume)
    {
        var definitionHash = DefinitionHash(experiment);
        if (File.Exists(path) && !resume)
        {
            throw new ResultsStoreException($"'{path}' exists; use --resume to continue it, or remove it, or choose another --out");
        }
        var full = OutputPath.CheckFile(path, ExistingOutput.Reopen, WalSuffix);
        if (File.Exists(full) && new FileInfo(full).Length == 0)
        {
            // Killed before DuckDB wrote its header: nothing is stored, so the store starts afresh.
            File.Delete(full);
        }
        if (File.Exists(full))
        {
            StoreIntegrity.CheckFile(full);
        }
        DuckDBConnection connection;
        try
        {
            connection = new DuckDBConnection($"Data Source={full}");
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            throw StoreIntegrity.OpenFailed(ex, path);
        }
        try
        {
            Execute(connection, "SET memory_limit = '512MB'");
            Execute(connection, "SET threads = 1");
            Execute(connection, "SET preserve_insertion_order = true");
            // No vacuum at checkpoints: each commit leaves a partly filled row group per detail table, and merging them
            // rewrote (decompressed and compressed again) rows already on disk, about 8% of DuckDB's work on a
            // sweep's store (issue 18, docs/reference/performance.md "Store"). Rows and their order are unchanged.
            Execute(connection, "SET max_vacuum_tasks = 0");
            // A file killed before its header committed has no tables: it is treated as new. Any other file must be an
            // intact store (a foreign or damaged one is refused, never written into).
            var fresh = StoreIntegrity.IsEmpty(connection);
            if (!fresh)
            {
                StoreIntegrity.Verify(connection, path);
            }
            // Resume bookkeeping holds what is stored (runs as ranges, points as a set), never the whole grid.
            var done = new StoredRuns();
            var pointWritten = new HashSet<int>();
            var repaired = "";
            StoreHeader effective = header;
            if (fresh)
            {
                CreateSchema(connection, experiment, header, definitionHash);
            }
            else
            {
                var stored = Scalar(connection, $"SELECT {S.Experiment.DefinitionHash} FROM {S.Experiment.Table}")?.ToString();
                if (stored != definitionHash)
                {
                    throw new ResultsStoreException(
                        $"'{path}' holds another experiment (definition {stored}, this one {definitionHash}); resume needs the same sweep file, seed and sizes");
                }
                var storedDetail = ReadDetail(connection);
                effective = header with { Detail = storedDetail };
                // Counts per chunk and per run: rows left outside any committed chunk are removed, a store whose
                // committed runs are incomplete is refused. Then the write-ahead log of the last writer is folded in.
                repaired = StoreIntegrity.VerifyRuns(connection, path, repair: true);
                Execute(connection, "CHECKPOINT");
                using (var cmd = connection.CreateCommand())
                {
                    cmd.CommandText = $"SELECT {S.Runs.RunId} FROM {S.Runs.Table} ORDER BY {S.Runs.RunId}";
                    using var r = cmd.ExecuteReader();
                    while (r.Read())
                    {
                        done.Add(r.GetInt64(0));
                    }
                }
                using (var cmd = connection.CreateCommand())
                {
                    cmd.CommandText = $"SELECT {S.Points.Point} FROM {S.Points.Table}";
                    using var r = cmd.ExecuteReader();
                    while (r.Read())
                    {
                        pointWritten.Add(r.GetInt32(0));
                    }
                }
            }
            return new ResultsStoreWriter(connection, experiment, effective.Detail, done, pointWritten) { Path = full, Repaired = repaired };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The detail selection a store was written with (on resume it wins over the command line).</summary>
    public DetailSelection Detail => _detail;

    /// <summary>
    /// Chunks are grouped into one transaction until this much time has passed since the last commit (default 1 s):
    /// a crash loses at most that much work, and a sweep pays a durable commit about once a second rather than once a
    /// chunk. Zero commits every chunk.
    /// </summary>
    public TimeSpan CommitEvery { get; set; } = DefaultCommitEvery;

    /// <summary>The default of <see cref="CommitEvery"/>: one second.</summary>
    public static readonly TimeSpan DefaultCommitEvery = TimeSpan.FromSeconds(1);

    public void ChunkStarting(long firstJob, int count)
    {
        if (_transaction is not null)
        {
            return;
        }
        _transaction = _connection.BeginTransaction();
        _sinceCommit.Restart();
        _runs = _connection.CreateAppender(S.Runs.Table);
        _runStates = _connection.CreateAppender(S.RunStates.Table);
        _points = _connection.CreateAppender(S.Points.Table);
        _pointValues = _connection.CreateAppender(S.PointValues.Table);
        if (_detail.Mode != "none")
        {
            _series = new ColumnAppender(_connection, S.Series.Table, StoreRows.SeriesColumns);
            _beliefs = new ColumnAppender(_connection, S.Beliefs.Table, StoreRows.BeliefsColumns);
            _events = _connection.CreateAppender(S.Events.Table);
        }
    }

    /// <summary>Transactions this writer committed (each holds one or more whole chunks).</summary>
    public int Commits { get; private set; }

    /// <summary>Commits the chunks delivered so far (call after a cancelled run, before disposing, to keep them).</summary>
    public void Flush()
    {
        if (_transaction is null)
        {
            return;
        }
        CloseAppenders();
        if (_pendingChunks.Count > 0)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"INSERT INTO {S.Chunks.Table} VALUES " + string.Join(", ", _pendingChunks.Select(c => $"({c.First}, {c.Count})"));
            cmd.ExecuteNonQuery();
            _pendingChunks.Clear();
        }
        _killHook?.AtCommit();
        _transaction.Commit();
        Commits++;
        _killHook?.AfterCommit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Accept(in CompletedRun run)
    {
        if (!_pointWritten.Contains(run.Point))
        {
            WritePoint(run.Point);
        }
        var s = run.Summary;
        var r = run.Record;
        var n = r.N;
        var detail = _detail.Includes(run.Replication);
        var row = _runs!.CreateRow()
            .AppendValue(run.Job)
            .AppendValue(run.Point)
            .AppendValue(run.Replication)
            .AppendValue(RandomStream.RunSeed(_experiment.Seed, run.RunIndex))
            .AppendValue(PointHash(run.Point))
            .AppendValue(detail);
        row = StoreRows.AppendRunOutcomes(row, s);
        if (_sweep is not null)
        {
            var values = _sweep.ValuesAt(run.Point);
            for (var a = 0; a < values.Length; a++)
            {
                row = _axisNumeric[a]
                    ? row.AppendValue(double.Parse(values[a], CultureInfo.InvariantCulture))
                    : row.AppendValue(values[a]);
            }
        }
        row.EndRow();

        for (var i = 0; i < n; i++)
        {
            StoreRows.AppendStateOutcomes(_runStates!.CreateRow().AppendValue(run.Job).AppendValue((short)i), s, i).EndRow();
        }
        if (!detail || _series is null)
        {
            return;
        }
        StoreRows.AppendDetail(r, run.Job, _series, _beliefs!, _events!);
    }

    public void ChunkCompleted(long firstJob, int count)
    {
        _pendingChunks.Add((firstJob, count));
        if (_sinceCommit.Elapsed >= CommitEvery)
        {
            Flush();
        }
    }

    /// <summary>Commits what is pending and checkpoints the file (folds the write-ahead log in). Call after the last chunk, or after a cancelled run.</summary>
    public void Complete()
    {
        Flush();
        Execute(_connection, "CHECKPOINT");
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_transaction is not null)
        {
            // Uncommitted chunks (an error, or no Flush after cancellation): drop them so the store holds whole chunks only.
            DisposeAppenders();
            try
            {
                _transaction.Rollback();
            }
            catch (DuckDBException)
            {
            }
            _transaction.Dispose();
        }
        _connection.Dispose();
    }

    /// <summary>Writes a finished paired comparison into a new store (<c>spiral compare --out</c>).</summary>
    public static void WriteComparisons(string path, PairedCounterfactual experiment, StoreHeader header,
        IReadOnlyList<Spiral.Experiments.Counterfactuals.ComparisonResult> results) =>
        WriteFinished(path, connection =>
        {
            CreateSchema(connection, experiment, header, DefinitionHash(experiment));
            using var app = connection.CreateAppender(S.Comparisons.Table);
            foreach (var c in results)
            {
                foreach (var o in c.Outcomes)
                {
                    app.CreateRow().AppendValue(c.Intervention).AppendValue(o.Outcome.Name).AppendValue(c.Runs).AppendValue(o.Baseline)
                        .AppendValue(o.Treated).AppendValue(o.Difference.Mean).AppendValue(o.Difference.Low).AppendValue(o.Difference.High)
                        .EndRow();
                }
                foreach (var r in c.Ratios)
                {
                    app.CreateRow().AppendValue(c.Intervention).AppendValue(r.Ratio.Name).AppendValue(c.Runs).AppendValue(r.Baseline)
                        .AppendValue(r.Treated).AppendValue(r.Difference.Mean).AppendValue(r.Difference.Low).AppendValue(r.Difference.High)
                        .EndRow();
                }
            }
            app.Close();
        });

    /// <summary>
    /// Writes a finished sensitivity analysis into a new store (<c>spiral sensitivity --out</c>): the experiment row (kind
    /// 'sensitivity'), the factors as axes, each design point's factor values, the output at each point, and the indices
    /// with their intervals. The runs behind the points are not stored, only the point outputs the estimators used.
    /// </summary>
    /// <exception cref="ResultsStoreException">The file exists.</exception>
    public static void WriteSensitivity(string path, IExperiment experiment, StoreHeader header, SensitivityResult result)
    {
        var d = result.Factors.Count;
        var method = result.Options.Method == SensitivityMethod.Sobol ? "sobol" : "morris";
        WriteFinished(path, connection =>
        {
            CreateSchema(connection, experiment, header, DefinitionHash(experiment) + "-" + method);
            using var tx = connection.BeginTransaction();
            foreach (var ddl in S.CreateSensitivityTables())
            {
                Execute(connection, ddl);
            }
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"INSERT INTO {S.SensitivityAnalysis.Table} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
                object[] values =
                [
                    method, result.Output, result.OutputLabel, result.Options.Samples, result.Options.RunsPerPoint, result.Options.Bootstrap,
                    result.Options.Level, result.OutputMean, result.OutputVariance, result.NoiseShare,
                ];
                foreach (var v in values)
                {
                    cmd.Parameters.Add(new DuckDBParameter(v));
                }
                cmd.ExecuteNonQuery();
            }
            using (var app = connection.CreateAppender(S.Axes.Table))
            {
                for (var i = 0; i < d; i++)
                {
                    app.CreateRow().AppendValue(i).AppendValue(result.Factors[i].Factor.Path).AppendValue(method).AppendValue(true)
                        .AppendValue((int)result.Points).EndRow();
                }
            }
            using (var app = connection.CreateAppender(S.Sensitivity.Table))
            {
                for (var i = 0; i < d; i++)
                {
                    var f = result.Factors[i];
                    app.CreateRow().AppendValue(i).AppendValue(f.Factor.Path).AppendValue(f.Factor.Min).AppendValue(f.Factor.Max)
                        .AppendValue(f.Factor.Integer)
                        .AppendValue(f.First?.Estimate).AppendValue(f.First?.Low).AppendValue(f.First?.High)
                        .AppendValue(f.Total?.Estimate).AppendValue(f.Total?.Low).AppendValue(f.Total?.High)
                        .AppendValue(f.MuStar?.Estimate).AppendValue(f.MuStar?.Low).AppendValue(f.MuStar?.High)
                        .AppendValue(f.Mu).AppendValue(f.Sigma).EndRow();
                }
            }
            using (var points = connection.CreateAppender(S.Points.Table))
            using (var pointValues = connection.CreateAppender(S.PointValues.Table))
            using (var outputs = connection.CreateAppender(S.SensitivityPoints.Table))
            {
                for (var p = 0; p < result.PointOutputs.Count; p++)
                {
                    points.CreateRow().AppendValue(p).AppendValue(ScenarioHash.Of(experiment.ScenarioAt(p))).EndRow();
                    outputs.CreateRow().AppendValue(p).AppendValue(result.PointOutputs[p]).EndRow();
                    for (var i = 0; i < d; i++)
                    {
                        var value = result.PointValues[p * d + i];
                        pointValues.CreateRow().AppendValue(p).AppendValue(i).AppendValue(result.Factors[i].Factor.Path)
                            .AppendValue(value.ToString("R", CultureInfo.InvariantCulture)).AppendValue(value).EndRow();
                    }
                }
            }
            tx.Commit();
        });
    }

    /// <summary>
    /// Creates a new store at <paramref name="path"/> from a finished analysis: <paramref name="write"/> fills an open
    /// connection to a temporary file beside it, which is checkpointed and moved into place, so a reader never sees half
    /// a store and nothing is left behind on failure.
    /// </summary>
    /// <exception cref="ResultsStoreException">The file exists.</exception>
    private static void WriteFinished(string path, Action<DuckDBConnection> write)
    {
        if (File.Exists(path))
        {
            throw new ResultsStoreException($"'{path}' exists; remove it or choose another --out");
        }
        var full = OutputPath.CheckFile(path, ExistingOutput.Refuse);
        var tmp = OutputPath.TemporaryBeside(full);
        try
        {
            using (var connection = new DuckDBConnection($"Data Source={tmp}"))
            {
                connection.Open();
                write(connection);
                Execute(connection, "CHECKPOINT");
            }
            File.Move(tmp, full);
        }
        finally
        {
            File.Delete(tmp);
            File.Delete(tmp + WalSuffix);
        }
    }

    private static string DefinitionHash(IExperiment experiment) => experiment switch
    {
        SweepExperiment sweep => sweep.DefinitionHash(),
        _ => ScenarioHash.Of(experiment.ScenarioAt(0)) + "-" + experiment.Seed.ToString(CultureInfo.InvariantCulture) + "-"
             + experiment.PointCount.ToString(CultureInfo.InvariantCulture) + "x" + experiment.Replications.ToString(CultureInfo.InvariantCulture),
    };

    private static void CreateSchema(DuckDBConnection connection, IExperiment experiment, StoreHeader header, string definitionHash)
    {
        var sweep = experiment as SweepExperiment;
        var axes = sweep?.Axes.Select(a => (a.Path, a.IsNumeric)).ToList() ?? [];
        var scenario = sweep?.Definition.BaseScenario ?? experiment.ScenarioAt(0);
        using var tx = connection.BeginTransaction();
        foreach (var ddl in S.CreateTables(axes))
        {
            Execute(connection, ddl);
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"INSERT INTO {S.Experiment.Table} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
            object?[] values =
            [
                header.Kind, experiment.Name, scenario.Name, ScenarioHash.Of(scenario), header.ScenarioText, header.SweepText,
                definitionHash, experiment.Seed, experiment.PointCount, experiment.Replications, experiment.TotalRuns(),
                experiment.Steps ?? scenario.Steps, scenario.StartYear, scenario.States.Count, header.Detail.Mode, header.Detail.Sample,
                header.SpiralVersion, S.Version, header.CreatedUtc,
            ];
            foreach (var v in values)
            {
                cmd.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
            }
            cmd.ExecuteNonQuery();
        }
        using (var app = connection.CreateAppender(S.States.Table))
        {
            for (var i = 0; i < scenario.States.Count; i++)
            {
                app.CreateRow().AppendValue((short)i).AppendValue(scenario.States[i].Name).EndRow();
            }
        }
        if (sweep is not null)
        {
            using var app = connection.CreateAppender(S.Axes.Table);
            for (var a = 0; a < sweep.Axes.Count; a++)
            {
                var axis = sweep.Axes[a];
                var kind = axis.Kind switch { AxisKind.Values => "values", AxisKind.Range => "range", _ => "latinHypercube" };
                app.CreateRow().AppendValue(a).AppendValue(axis.Path).AppendValue(kind).AppendValue(axis.IsNumeric)
                    .AppendValue(sweep.ValueCount(a)).EndRow();
            }
        }
        tx.Commit();
    }

    private void WritePoint(int point)
    {
        _points!.CreateRow().AppendValue(point).AppendValue(PointHash(point)).EndRow();
        if (_sweep is not null)
        {
            var values = _sweep.ValuesAt(point);
            for (var a = 0; a < values.Length; a++)
            {
                var numeric = double.TryParse(values[a], NumberStyles.Float, CultureInfo.InvariantCulture, out var v);
                _pointValues!.CreateRow().AppendValue(point).AppendValue(a).AppendValue(_sweep.Axes[a].Path).AppendValue(values[a])
                    .AppendValue(numeric ? v : (double?)null).EndRow();
            }
        }
        _pointWritten.Add(point);
    }

    private string PointHash(int point)
    {
        if (point != _hashPoint)
        {
            _hash = ScenarioHash.Of(_experiment.ScenarioAt(point));
            _hashPoint = point;
        }
        return _hash;
    }

    private void CloseAppenders()
    {
        foreach (var a in new[] { _runs, _runStates, _points, _pointValues, _events })
        {
            a?.Close();
        }
        _series?.Close();
        _beliefs?.Close();
        DisposeAppenders();
    }

    private void DisposeAppenders()
    {
        foreach (var a in new[] { _runs, _runStates, _points, _pointValues, _events })
        {
            try
            {
                a?.Dispose();
            }
            catch (DuckDBException)
            {
            }
        }
        foreach (var a in new[] { _series, _beliefs })
        {
            try
            {
                a?.Dispose();
            }
            catch (ResultsStoreException)
            {
            }
        }
        _runs = _runStates = _points = _pointValues = _events = null;
        _series = _beliefs = null;
    }

    private static DetailSelection ReadDetail(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {S.Experiment.DetailMode}, {S.Experiment.DetailSample} FROM {S.Experiment.Table}";
        using var r = cmd.ExecuteReader();
        r.Read();
        return new DetailSelection(r.GetString(0), r.GetInt32(1));
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary>Sorted, merged ranges of stored run ids: memory grows with the gaps between stored runs, not with the grid.</summary>
    private sealed class StoredRuns
    {
        private readonly List<long> _starts = [];
        private readonly List<long> _ends = [];

        public long Count { get; private set; }

        /// <summary>Adds run ids in increasing order.</summary>
        public void Add(long run)
        {
            if (_ends.Count > 0 && _ends[^1] == run)
            {
                _ends[^1] = run + 1;
            }
            else
            {
                _starts.Add(run);
                _ends.Add(run + 1);
            }
            Count++;
        }

        public bool Contains(long run)
        {
            var k = _starts.BinarySearch(run);
            if (k >= 0)
            {
                return true;
            }
            k = ~k - 1;
            return k >= 0 && run < _ends[k];
        }
    }

    /// <summary>
    /// A test hook for the crash tests (tests/Spiral.Cli.Tests/Experiments/SweepCrashResumeTests.cs): with
    /// <c>SPIRAL_STORE_KILL_AT_COMMIT=N:D</c> the process kills itself (SIGKILL) in its N-th commit: D = -2 once every
    /// row is appended but before DuckDB commits, D = -1 right after the commit returns, D ≥ 0 from another thread D
    /// milliseconds after the commit began (inside it when DuckDB is still writing). Unset, nothing happens.
    /// </summary>
    private sealed class KillHook(int commit, int delayMs)
    {
        public const string Variable = "SPIRAL_STORE_KILL_AT_COMMIT";
        private int _commits;

        public static KillHook? FromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            var parts = text.Split(':');
            return parts.Length == 2
                   && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                   && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
                ? new KillHook(n, d)
                : throw new ResultsStoreException($"{Variable}='{text}'; expected N:D (commit number, then -2, -1 or a delay in ms)");
        }

        public void AtCommit()
        {
            if (++_commits != commit)
            {
                return;
            }
            if (delayMs == -2)
            {
                Die();
            }
            else if (delayMs >= 0)
            {
                new Thread(() =>
                {
                    Thread.Sleep(delayMs);
                    Die();
                }) { IsBackground = true }.Start();
            }
        }

        public void AfterCommit()
        {
            if (_commits == commit && delayMs == -1)
            {
                Die();
            }
        }

        private static void Die() => System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
