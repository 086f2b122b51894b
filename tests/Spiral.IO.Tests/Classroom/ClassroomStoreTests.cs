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
