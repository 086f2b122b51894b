using System.Globalization;
using DuckDB.NET.Data;
using Spiral.IO.Files;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Store;

/// <summary>
/// Checks, when a results store is opened, that it is one: a regular file with DuckDB's header (bytes 8-11 are
/// <c>DUCK</c>, DuckDB storage format), holding Spiral's tables, and intact. DuckDB checksums every block but verifies
/// a block only when it reads it, so a store damaged in a block no query happened to touch opens and answers some
/// queries; <see cref="Verify"/> reads every column of every table once, which makes a damaged block fail here, with
/// one clear error, rather than in the middle of a report or after a resume has trusted the store.
/// </summary>
public static class StoreIntegrity
{
    private const int MagicOffset = 8;
    private static readonly byte[] Magic = "DUCK"u8.ToArray();

    /// <summary>The tables without which a file is not a Spiral results store.</summary>
    public static readonly IReadOnlyList<string> Required = [S.Experiment.Table, S.Runs.Table, S.States.Table];

    /// <summary>
    /// Checks that <paramref name="path"/> is a regular file that DuckDB wrote (or is empty: DuckDB then says it is not
    /// a database). Throws <see cref="FileNotFoundException"/> when nothing is there.
    /// </summary>
    /// <exception cref="ResultsStoreException">A folder, device or other file that is not a DuckDB database.</exception>
    public static void CheckFile(string path)
    {
        var kind = FileKinds.Of(path, followLinks: true);
        if (kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"results store '{path}' not found", path);
        }
        if (kind != FileKind.RegularFile)
        {
            throw new ResultsStoreException($"'{path}' is {FileKinds.Describe(kind)}, not a Spiral results store; expected a .duckdb file written by spiral sweep or spiral compare --out");
        }
        var header = new byte[MagicOffset + Magic.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (stream.Length == 0)
            {
                return;
            }
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read < header.Length || !header.AsSpan(MagicOffset).SequenceEqual(Magic))
        {
            throw new ResultsStoreException($"'{path}' is not a Spiral results store (not a DuckDB file); expected a .duckdb file written by spiral sweep or spiral compare --out");
        }
    }

    /// <summary>True when the open database has no tables at all (a new file, or one killed before its header committed).</summary>
    public static bool IsEmpty(DuckDBConnection connection) => Tables(connection).Count == 0;

    /// <summary>
    /// Checks that the open database holds Spiral's tables, reads every column of every table, so that any block
    /// whose checksum does not match fails now, and checks that it was written in this program's schema
    /// (<see cref="StoreSchema.Version"/>): a store of another version has other columns and is refused, never read
    /// or resumed.
    /// </summary>
    /// <exception cref="ResultsStoreException">Not a Spiral results store, damaged, or of another schema version.</exception>
    public static void Verify(DuckDBConnection connection, string path)
    {
        var tables = Tables(connection);
        var missing = Required.Where(t => !tables.Contains(t)).ToList();
        if (missing.Count > 0)
        {
            throw new ResultsStoreException($"'{path}' is a DuckDB file but not a Spiral results store (no table {string.Join(", ", missing)})");
        }
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            try
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT bit_xor(hash(t)) FROM {S.Quote(table)} AS t";
                cmd.ExecuteScalar();
            }
            catch (DuckDBException ex)
            {
                throw new ResultsStoreException(
                    $"'{path}' is damaged: reading table {table} failed ({FirstLine(ex.Message)}); expected an intact store (remove it and run the experiment again)");
            }
        }
        CheckVersion(connection, path);
    }

    /// <summary>
    /// Checks that the runs of an intact store form whole chunks (issue 14): the <c>runs</c> rows are as many as the
    /// committed <c>chunks</c> say, every run has one <c>run_states</c> row per state, every detailed run has a full
    /// series and beliefs grid (steps 0..T for every state and directed dyad), and no row of <c>run_states</c>,
    /// <c>series</c>, <c>beliefs</c>, <c>events</c>, <c>points</c> or <c>point_values</c> lies outside a stored run or
    /// point. Rows outside are what an interrupted commit could leave; with <paramref name="repair"/> they are deleted
    /// (one transaction), so the runs they belonged to are run again. Incomplete committed runs cannot be repaired and
    /// are refused. Returns what was repaired ("" when nothing).
    /// </summary>
    /// <exception cref="ResultsStoreException">Committed runs are incomplete, or orphan rows were found and <paramref name="repair"/> is false.</exception>
    public static string VerifyRuns(DuckDBConnection connection, string path, bool repair)
    {
        string R(string t) => S.Quote(t);
        long Count(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }
        var runs = Count($"SELECT count(*) FROM {R(S.Runs.Table)}");
        var chunked = Count($"SELECT CAST(coalesce(sum({S.Chunks.RunCount}), 0) AS BIGINT) FROM {R(S.Chunks.Table)}");
        var problems = new List<string>();
        if (runs != chunked)
        {
            problems.Add($"{runs:N0} runs stored but the committed chunks hold {chunked:N0}");
        }
        var states = Count($"SELECT {S.Experiment.StateCount} FROM {R(S.Experiment.Table)}");
        var shortStates = Count($"""
            SELECT count(*) FROM {R(S.Runs.Table)} r
            LEFT JOIN (SELECT {S.RunStates.RunId} AS id, count(*) AS k FROM {R(S.RunStates.Table)} GROUP BY 1) s ON s.id = r.{S.Runs.RunId}
            WHERE coalesce(s.k, 0) <> {states}
            """);
        if (shortStates > 0)
        {
            problems.Add($"{shortStates:N0} runs without one run_states row per state");
        }
        var shortDetail = Count($"""
            SELECT count(*) FROM {R(S.Runs.Table)} r
            LEFT JOIN (SELECT {S.Series.RunId} AS id, count(*) AS k, min({S.Series.Step}) AS lo, max({S.Series.Step}) AS hi
                       FROM {R(S.Series.Table)} GROUP BY 1) s ON s.id = r.{S.Runs.RunId}
            LEFT JOIN (SELECT {S.Beliefs.RunId} AS id, count(*) AS k FROM {R(S.Beliefs.Table)} GROUP BY 1) b ON b.id = r.{S.Runs.RunId}
            WHERE r.{S.Runs.HasDetail} AND (s.k IS NULL OR s.lo <> 0 OR s.k <> (s.hi + 1) * {states}
                  OR coalesce(b.k, 0) <> (s.hi + 1) * {states} * {states - 1})
            """);
        if (shortDetail > 0)
        {
            problems.Add($"{shortDetail:N0} detailed runs without their full series and beliefs");
        }
        if (problems.Count > 0)
        {
            throw new ResultsStoreException(
                $"'{path}' holds incomplete runs ({string.Join("; ", problems)}); expected whole chunks only (remove it and run the experiment again)");
        }
        var orphanSql = new List<(string Table, string Where)>
        {
            (S.RunStates.Table, $"{S.RunStates.RunId} NOT IN (SELECT {S.Runs.RunId} FROM {R(S.Runs.Table)})"),
            (S.Series.Table, $"{S.Series.RunId} NOT IN (SELECT {S.Runs.RunId} FROM {R(S.Runs.Table)} WHERE {S.Runs.HasDetail})"),
            (S.Beliefs.Table, $"{S.Beliefs.RunId} NOT IN (SELECT {S.Runs.RunId} FROM {R(S.Runs.Table)} WHERE {S.Runs.HasDetail})"),
            (S.Events.Table, $"{S.Events.RunId} NOT IN (SELECT {S.Runs.RunId} FROM {R(S.Runs.Table)} WHERE {S.Runs.HasDetail})"),
            (S.Points.Table, $"{S.Points.Point} NOT IN (SELECT {S.Runs.Point} FROM {R(S.Runs.Table)})"),
            (S.PointValues.Table, $"{S.PointValues.Point} NOT IN (SELECT {S.Runs.Point} FROM {R(S.Runs.Table)})"),
        };
        var found = orphanSql.Select(o => (o.Table, o.Where, Rows: Count($"SELECT count(*) FROM {R(o.Table)} WHERE {o.Where}")))
            .Where(o => o.Rows > 0).ToList();
        if (found.Count == 0)
        {
            return "";
        }
        var text = string.Join(", ", found.Select(o => $"{o.Rows:N0} {o.Table} rows"));
        if (!repair)
        {
            throw new ResultsStoreException($"'{path}' holds rows outside its committed runs ({text}); expected whole chunks only (resume repairs it)");
        }
        using (var tx = connection.BeginTransaction())
        {
            foreach (var (table, where, _) in found)
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"DELETE FROM {R(table)} WHERE {where}";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return $"removed {text} outside the committed runs";
    }

    /// <summary>Refuses a store written in another schema version than <see cref="StoreSchema.Version"/>, naming both versions.</summary>
    /// <exception cref="ResultsStoreException">The store's schema version is not this program's.</exception>
    public static void CheckVersion(DuckDBConnection connection, string path)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {S.Experiment.SchemaVersion}, {S.Experiment.SpiralVersion} FROM {S.Experiment.Table}";
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            throw new ResultsStoreException($"'{path}' has no experiment row; expected a store written by spiral sweep or spiral compare --out");
        }
        var version = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture);
        if (version != S.Version)
        {
            var writer = r.IsDBNull(1) ? "another spiral" : "spiral " + Convert.ToString(r.GetValue(1), CultureInfo.InvariantCulture);
            throw new ResultsStoreException(
                $"'{path}' was written with store schema {version} by {writer}; this spiral reads schema {S.Version} (run the experiment again to write a store it can read)");
        }
    }

    /// <summary>A DuckDB error from opening a file, as a store error: another process holds the write lock, or the file is damaged.</summary>
    public static ResultsStoreException OpenFailed(DuckDBException ex, string path) =>
        ex.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
            ? new ResultsStoreException($"'{path}' is in use by another process (one writer per file); wait for it or choose another file")
            : new ResultsStoreException($"'{path}' cannot be opened as a results store ({FirstLine(ex.Message)}); expected an intact .duckdb file written by spiral sweep or spiral compare --out");

    private static HashSet<string> Tables(DuckDBConnection connection)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            tables.Add(Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!);
        }
        return tables;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.StartsWith("DuckDBOpen failed: ", StringComparison.Ordinal) ? line["DuckDBOpen failed: ".Length..] : line;
    }
}
