using Microsoft.Data.Sqlite;
using Spiral.IO.Classroom;

namespace Spiral.IO.Tests.Classroom;

public sealed class ClassroomStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spiral-classroom-store-").FullName;

    private string DbPath => Path.Combine(_folder, "classroom.db");

    private static StoredGame Game(string id) => new(id, "jervis-doubly-dangerous", "name: x", "world.offenseAdvantage=2", 42UL, 12, 180,
        [1, 2, 3], new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero), Finished: false);

    [Fact]
    public void Append_Records_AreReadBackInCommitOrderAfterReopening()
    {
        using (var store = new ClassroomStore(DbPath))
        {
            store.CreateGame(Game("g1"), [new StoredSeat("g1", 0, [9, 9]), new StoredSeat("g1", 2, [8, 8])]);
            store.CreateGame(Game("g2"), []);
            Assert.Equal(1, store.Append("g1", "move", "{\"a\":1}"));
            Assert.Equal(1, store.Append("g2", "move", "{\"other\":1}"));
            Assert.Equal(2, store.Append("g1", "control", "{\"b\":2}"));
        }
        using var reopened = new ClassroomStore(DbPath);
        Assert.Equal([new StoredRecord(1, "move", "{\"a\":1}"), new StoredRecord(2, "control", "{\"b\":2}")], reopened.Log("g1"));
        var game = reopened.Games(unfinishedOnly: true).Single(g => g.Id == "g1");
        Assert.Equal((42UL, 12, 180, "world.offenseAdvantage=2"), (game.Seed, game.Years, game.DecisionSeconds, game.Settings));
        Assert.Equal([1, 2, 3], game.TeacherSecretHash);
        Assert.Equal([0, 2], reopened.Seats("g1").Select(s => s.State));
        Assert.Equal([8, 8], reopened.Seats("g1")[1].TokenHash);
    }

    [Fact]
    public void Append_FromManyThreadsAtOnce_CommitsEveryRecordOnceWithConsecutiveSequences()
    {
        using (var store = new ClassroomStore(DbPath))
        {
            store.CreateGame(Game("g1"), []);
            store.CreateGame(Game("g2"), []);
            var sequences = new System.Collections.Concurrent.ConcurrentBag<(string Game, long Seq, int Item)>();
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, k =>
            {
                var game = k % 2 == 0 ? "g1" : "g2";
                sequences.Add((game, store.Append(game, "move", $"{{\"k\":{k}}}"), k));
            });
            foreach (var game in new[] { "g1", "g2" })
            {
                Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), sequences.Where(s => s.Game == game).Select(s => s.Seq).Order());
            }
        }
        using var reopened = new ClassroomStore(DbPath);
        var log = reopened.Log("g1");
        Assert.Equal(200, log.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => 2 * i), log.Select(r => int.Parse(r.Json[5..^1])).Order());
    }

    [Fact]
    public void Append_OneBadRecordAmongOthers_FailsOnlyItsCaller()
    {
        using var store = new ClassroomStore(DbPath);
        store.CreateGame(Game("g1"), []);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            try
            {
                store.Append(k == 13 ? "nope" : "g1", "move", "{}");
                outcomes.Add(true);
            }
            catch (SqliteException)
            {
                outcomes.Add(false);
            }
        });
        Assert.Equal(1, outcomes.Count(ok => !ok));
        Assert.Equal(39, store.Log("g1").Count);
    }

    [Fact]
    public void MarkFinished_Game_IsLeftOutOfTheUnfinished()
    {
        using var store = new ClassroomStore(DbPath);
        store.CreateGame(Game("g1"), []);
        store.CreateGame(Game("g2"), []);
        store.MarkFinished("g1");
        Assert.Equal(["g2"], store.Games(unfinishedOnly: true).Select(g => g.Id));
        Assert.Equal(["g1", "g2"], store.Games(unfinishedOnly: false).Select(g => g.Id));
    }

    [Fact]
    public void Constructor_NewFile_IsInWalModeWithFullSync()
    {
        using var store = new ClassroomStore(DbPath);
        store.CreateGame(Game("g1"), []);
        using var probe = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        probe.Open();
        using var cmd = probe.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void Append_UnknownGame_IsRefusedByTheForeignKey()
    {
        using var store = new ClassroomStore(DbPath);
        Assert.Throws<SqliteException>(() => store.Append("nope", "move", "{}"));
        Assert.Empty(store.Log("nope"));
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsNamingIt()
    {
        var path = Path.Combine(_folder, "missing", "classroom.db");
        var e = Assert.Throws<IOException>(() => new ClassroomStore(path));
        Assert.Contains(Path.Combine(_folder, "missing"), e.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
