using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Spiral.IO.Classroom;

/// <summary>A stored classroom game: how to rebuild it (scenario text and settings, seed, seats, horizon) and its secrets' hashes.</summary>
/// <remarks>ScenarioText: the scenario's YAML as the game was created from it, so a restart rebuilds exactly that scenario.</remarks>
/// <remarks>Settings: the PATH=VALUE assignments applied to the scenario, one per line.</remarks>
public sealed record StoredGame(
    string Id,
    string ScenarioName,
    string ScenarioText,
    string Settings,
    ulong Seed,
    int Years,
    int DecisionSeconds,
    byte[] TeacherSecretHash,
    DateTimeOffset Created,
    bool Finished);

/// <summary>A seat of a stored game: the state it plays and the SHA-256 hash of its token (never the token).</summary>
public sealed record StoredSeat(string GameId, int State, byte[] TokenHash);

/// <summary>One record of a game's append-only log, in the order it was committed.</summary>
public sealed record StoredRecord(long Sequence, string Kind, string Json);

/// <summary>
/// The classroom's SQLite store (DESIGN.md section 11): one file per server in WAL mode holding games, seats (token
/// hashes), and each game's append-only log of accepted moves, messages and teacher actions. Every append is committed
/// (synchronous=FULL) before it returns, so a move is on disk before the API acknowledges it; appends that arrive together
/// share one transaction (<see cref="Append"/>). One connection guarded by a lock: SQLite serialises writers anyway. All of the classroom's SQL is in this class.
/// </summary>
public sealed class ClassroomStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly Lock _queueGate = new();
    private readonly List<PendingAppend> _queue = [];

    /// <summary>Opens (or creates) the store at <paramref name="path"/>, whose folder must exist.</summary>
    public ClassroomStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new IOException($"{Path}: the folder {folder} does not exist; expected the classroom store's folder to exist");
        }
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        _connection.Open();
        // Wait for another server's connection to the same file rather than fail (set first: switching to WAL needs the lock).
        Execute("PRAGMA busy_timeout=5000;");
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("PRAGMA foreign_keys=ON;");
        Execute("""
            CREATE TABLE IF NOT EXISTS games (
                id TEXT PRIMARY KEY,
                scenario_name TEXT NOT NULL,
                scenario_text TEXT NOT NULL,
                settings TEXT NOT NULL,
                seed TEXT NOT NULL,
                years INTEGER NOT NULL,
                decision_seconds INTEGER NOT NULL,
                teacher_secret_hash BLOB NOT NULL,
                created TEXT NOT NULL,
                finished INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS seats (
                game_id TEXT NOT NULL REFERENCES games(id),
                state INTEGER NOT NULL,
                token_hash BLOB NOT NULL,
                PRIMARY KEY (game_id, state));
            CREATE TABLE IF NOT EXISTS log (
                game_id TEXT NOT NULL REFERENCES games(id),
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (game_id, seq));
            """);
    }

    public string Path { get; }

    /// <summary>Stores a new game and its seats in one transaction.</summary>
    public void CreateGame(StoredGame game, IReadOnlyList<StoredSeat> seats)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using (var cmd = Command("""
                INSERT INTO games (id, scenario_name, scenario_text, settings, seed, years, decision_seconds, teacher_secret_hash, created, finished)
                VALUES ($id, $name, $text, $settings, $seed, $years, $seconds, $teacher, $created, 0)
                """, tx))
            {
                cmd.Parameters.AddWithValue("$id", game.Id);
                cmd.Parameters.AddWithValue("$name", game.ScenarioName);
                cmd.Parameters.AddWithValue("$text", game.ScenarioText);
                cmd.Parameters.AddWithValue("$settings", game.Settings);
                cmd.Parameters.AddWithValue("$seed", game.Seed.ToString(CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue("$years", game.Years);
                cmd.Parameters.AddWithValue("$seconds", game.DecisionSeconds);
                cmd.Parameters.AddWithValue("$teacher", game.TeacherSecretHash);
                cmd.Parameters.AddWithValue("$created", game.Created.ToString("O", CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
            }
            foreach (var seat in seats)
            {
                using var cmd = Command("INSERT INTO seats (game_id, state, token_hash) VALUES ($game, $state, $hash)", tx);
                cmd.Parameters.AddWithValue("$game", seat.GameId);
                cmd.Parameters.AddWithValue("$state", seat.State);
                cmd.Parameters.AddWithValue("$hash", seat.TokenHash);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>
    /// Appends a record to a game's log and returns its sequence number once it is committed. Appends that arrive while
    /// another commit is under way are committed together in the next transaction (group commit: one sync to disk for all
    /// of them), and each caller returns only after the transaction holding its record has committed.
    /// </summary>
    public long Append(string gameId, string kind, string json)
    {
        var append = new PendingAppend(gameId, kind, json);
        lock (_queueGate)
        {
            _queue.Add(append);
        }
        lock (_gate)
        {
            if (!append.Done)
            {
                List<PendingAppend> batch;
                lock (_queueGate)
                {
                    batch = [.. _queue];
                    _queue.Clear();
                }
                CommitBatch(batch);
            }
        }
        return append.Error is { } error ? throw error : append.Sequence;
    }

    /// <summary>Commits the batch in one transaction; if that fails, each record in its own, so one bad record fails only its caller.</summary>
    private void CommitBatch(List<PendingAppend> batch)
    {
        try
        {
            using var tx = _connection.BeginTransaction();
            var sequences = batch.Select(a => Insert(a, tx)).ToList();
            tx.Commit();
            for (var k = 0; k < batch.Count; k++)
            {
                batch[k].Sequence = sequences[k];
                batch[k].Done = true;
            }
        }
        catch (SqliteException) when (batch.Count > 1)
        {
            foreach (var a in batch)
            {
                CommitBatch([a]);
            }
        }
        catch (Exception e)
        {
            batch[0].Error = e;
            batch[0].Done = true;
        }
    }

    private long Insert(PendingAppend a, SqliteTransaction tx)
    {
        using var cmd = Command("""
            INSERT INTO log (game_id, seq, kind, json)
            VALUES ($game, (SELECT COALESCE(MAX(seq), 0) + 1 FROM log WHERE game_id = $game), $kind, $json)
            RETURNING seq
            """, tx);
        cmd.Parameters.AddWithValue("$game", a.GameId);
        cmd.Parameters.AddWithValue("$kind", a.Kind);
        cmd.Parameters.AddWithValue("$json", a.Json);
        return (long)cmd.ExecuteScalar()!;
    }

    private sealed class PendingAppend(string gameId, string kind, string json)
    {
        public string GameId { get; } = gameId;
        public string Kind { get; } = kind;
        public string Json { get; } = json;
        public long Sequence { get; set; }
        public bool Done { get; set; }
        public Exception? Error { get; set; }
    }

    /// <summary>Marks a game finished: it is not loaded again at start.</summary>
    public void MarkFinished(string gameId)
    {
        lock (_gate)
        {
            using var cmd = Command("UPDATE games SET finished = 1 WHERE id = $game");
            cmd.Parameters.AddWithValue("$game", gameId);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The stored games (only unfinished ones when <paramref name="unfinishedOnly"/>), oldest first.</summary>
    public IReadOnlyList<StoredGame> Games(bool unfinishedOnly)
    {
        lock (_gate)
        {
            using var cmd = Command($"""
                SELECT id, scenario_name, scenario_text, settings, seed, years, decision_seconds, teacher_secret_hash, created, finished
                FROM games {(unfinishedOnly ? "WHERE finished = 0" : "")} ORDER BY created, id
                """);
            using var r = cmd.ExecuteReader();
            var games = new List<StoredGame>();
            while (r.Read())
            {
                games.Add(new StoredGame(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    ulong.Parse(r.GetString(4), CultureInfo.InvariantCulture), r.GetInt32(5), r.GetInt32(6), (byte[])r[7],
                    DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture), r.GetInt64(9) != 0));
            }
            return games;
        }
    }

    public IReadOnlyList<StoredSeat> Seats(string gameId) =>
        Query("SELECT game_id, state, token_hash FROM seats WHERE game_id = $game ORDER BY state", gameId,
            r => new StoredSeat(r.GetString(0), r.GetInt32(1), (byte[])r[2]));

    /// <summary>A game's log in commit order.</summary>
    public IReadOnlyList<StoredRecord> Log(string gameId) =>
        Query("SELECT seq, kind, json FROM log WHERE game_id = $game ORDER BY seq", gameId,
            r => new StoredRecord(r.GetInt64(0), r.GetString(1), r.GetString(2)));

    /// <summary>The rows of a query about one game, each read by <paramref name="read"/>.</summary>
    private List<T> Query<T>(string sql, string gameId, Func<SqliteDataReader, T> read)
    {
        lock (_gate)
        {
            using var cmd = Command(sql);
            cmd.Parameters.AddWithValue("$game", gameId);
            using var r = cmd.ExecuteReader();
            var rows = new List<T>();
            while (r.Read())
            {
                rows.Add(read(r));
            }
            return rows;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }
}
