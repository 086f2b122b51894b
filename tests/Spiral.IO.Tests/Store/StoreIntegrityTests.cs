using System.Security.Cryptography;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Running;
using Spiral.IO.Store;
using Spiral.Testing;

namespace Spiral.IO.Tests.Store;

/// <summary>
/// Issue 14: a damaged or foreign file is refused when it is opened, for reading and for resuming, with one clear
/// error; it is never written into. DuckDB verifies a block's checksum only when a query reads the block, so these
/// tests damage every block in turn.
/// </summary>
public sealed class StoreIntegrityTests : IDisposable
{
    /// <summary>DuckDB's storage layout: three 4 KiB headers, then blocks of 256 KiB.</summary>
    private const int HeaderBytes = 3 * 4096;
    private const int BlockBytes = 256 * 1024;

    private static readonly Scenario Base = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2, distinguishability: 0.1,
        greedProbability: 0.2, steps: 30, rivalry: 0.3);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-integrity-");

    public void Dispose() => _dir.Delete(true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private static SweepExperiment Sweep() => new(new SweepDefinition("integrity", Base,
        [SweepAxis.OfValues("world.offenseAdvantage", 0.5, 1, 2, 3)], 60, Seed: 5));

    private static StoreHeader Header() => new("sweep", "name: t", "sweep: t", DetailSelection.All, "test", "2026-01-01T00:00:00Z");

    private string WriteStore()
    {
        var path = PathOf("good.duckdb");
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, Sweep(), Header(), resume: false))
        {
            ExperimentRunner.Run(Sweep(), new RunnerOptions(2, 16), writer, isDone: writer.IsDone);
            writer.Complete();
        }
        return path;
    }

    private static string Damage(string source, string target, long offset)
    {
        var bytes = File.ReadAllBytes(source);
        for (var k = 0; k < 64; k++)
        {
            bytes[offset + k] ^= 0x5A;
        }
        File.WriteAllBytes(target, bytes);
        return target;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void Sql(string path, string sql)
    {
        using var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void OpenOrCreate_ResumeWithRowsOutsideCommittedRuns_RemovesThemAndKeepsTheRest()
    {
        var path = WriteStore();
        string before;
        using (var r = ResultsReader.Open(path))
        {
            before = r.ContentHash(StoreSchema.Series.Table);
        }
        // What an interrupted commit could leave: detail rows of a run that is not stored.
        Sql(path, "INSERT INTO series SELECT 999999 AS run_id, * EXCLUDE (run_id) FROM series WHERE run_id = 0");
        Sql(path, "INSERT INTO run_states SELECT 999999 AS run_id, * EXCLUDE (run_id) FROM run_states WHERE run_id = 0");
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, Sweep(), Header(), resume: true))
        {
            Assert.Equal("removed 4 run_states rows, 124 series rows outside the committed runs", writer.Repaired);
            Assert.Equal(240, writer.CompletedRuns);
        }
        using (var r = ResultsReader.Open(path))
        {
            Assert.Equal(before, r.ContentHash(StoreSchema.Series.Table));
        }
        Assert.False(File.Exists(path + ResultsStoreWriter.WalSuffix));
    }

    [Fact]
    public void OpenOrCreate_ResumeWithACommittedRunIncomplete_RefusedAndTheFileUntouched()
    {
        var path = WriteStore();
        Sql(path, "DELETE FROM beliefs WHERE run_id = 17 AND step = (SELECT max(step) FROM beliefs WHERE run_id = 17)");
        Sql(path, "CHECKPOINT");
        var hash = Hash(path);
        var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(path, Sweep(), Header(), resume: true));
        Assert.Equal($"'{path}' holds incomplete runs (1 detailed runs without their full series and beliefs); expected whole chunks only (remove it and run the experiment again)", ex.Message);
        Assert.Equal(hash, Hash(path));
    }

    [Fact]
    public void OpenOrCreate_ResumeWithMoreRunsThanChunks_Refused()
    {
        var path = WriteStore();
        Sql(path, "DELETE FROM chunks WHERE first_run = 16");
        var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(path, Sweep(), Header(), resume: true));
        Assert.Contains("240 runs stored but the committed chunks hold 224", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EachBlockDamagedInTurn_RefusedWithOneClearErrorOrUnharmed()
    {
        var good = WriteStore();
        var blocks = (new FileInfo(good).Length - HeaderBytes) / BlockBytes;
        Assert.True(blocks >= 3, $"only {blocks} blocks");
        var damagedData = 0;
        for (var b = 0; b < blocks; b++)
        {
            var copy = Damage(good, PathOf($"block{b}.duckdb"), HeaderBytes + b * (long)BlockBytes + 4096);
            try
            {
                using var reader = ResultsReader.Open(copy);
                // A block no table uses (free space): every table still reads in full.
                Assert.Equal(240, reader.RunCount());
            }
            catch (ResultsStoreException ex)
            {
                Assert.StartsWith($"'{copy}' ", ex.Message);
                Assert.Matches("(is damaged: reading table [a-z_]+ failed|cannot be opened as a results store).*Corrupt database file", ex.Message);
                damagedData += ex.Message.Contains("is damaged", StringComparison.Ordinal) ? 1 : 0;
            }
        }
        // At least one damaged block holds table data that only a full read finds.
        Assert.True(damagedData > 0);
    }

    [Fact]
    public void OpenOrCreate_ResumeOnADamagedStore_RefusedAndTheFileUntouched()
    {
        var good = WriteStore();
        var blocks = (new FileInfo(good).Length - HeaderBytes) / BlockBytes;
        for (var b = 0; b < blocks; b++)
        {
            var copy = Damage(good, PathOf($"resume{b}.duckdb"), HeaderBytes + b * (long)BlockBytes + 4096);
            bool opens;
            try
            {
                using var reader = ResultsReader.Open(copy);
                opens = true;
            }
            catch (ResultsStoreException)
            {
                opens = false;
            }
            if (opens)
            {
                continue;
            }
            var before = Hash(copy);
            var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(copy, Sweep(), Header(), resume: true));
            Assert.Contains("Corrupt database file", ex.Message);
            Assert.Equal(before, Hash(copy));
            Assert.False(File.Exists(copy + ResultsStoreWriter.WalSuffix));
        }
    }

    [Fact]
    public void OpenOrCreate_ResumeOnAForeignDuckDbFile_RefusedAndNotWrittenInto()
    {
        var foreign = PathOf("foreign.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={foreign}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); CHECKPOINT;";
            cmd.ExecuteNonQuery();
        }
        var before = Hash(foreign);
        var ex = Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(foreign, Sweep(), Header(), resume: true));
        Assert.Equal($"'{foreign}' is a DuckDB file but not a Spiral results store (no table experiment, runs, states)", ex.Message);
        Assert.Equal(before, Hash(foreign));
    }

    [Fact]
    public void Open_TextFileOrFolder_NotAStore()
    {
        File.WriteAllText(PathOf("notes.duckdb"), "hello, not a database");
        Assert.Contains("is not a Spiral results store (not a DuckDB file)", Assert.Throws<ResultsStoreException>(() => ResultsReader.Open(PathOf("notes.duckdb"))).Message);
        Assert.Contains("is not a Spiral results store (not a DuckDB file)",
            Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(PathOf("notes.duckdb"), Sweep(), Header(), resume: true)).Message);
        Assert.Equal("hello, not a database", File.ReadAllText(PathOf("notes.duckdb")));
        Assert.Contains("is a folder, not a Spiral results store", Assert.Throws<ResultsStoreException>(() => ResultsReader.Open(_dir.FullName)).Message);
        Assert.Contains("is a character device, not a Spiral results store", Assert.Throws<ResultsStoreException>(() => ResultsReader.Open("/dev/zero")).Message);
    }

    [Fact]
    public void Open_StoreOfAnotherSchemaVersion_RefusedForReadingAndResumingNamingBothVersions()
    {
        var old = PathOf("schema2.duckdb");
        File.Copy(WriteStore(), old);
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={old}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"UPDATE {StoreSchema.Experiment.Table} SET {StoreSchema.Experiment.SchemaVersion} = 2; CHECKPOINT";
            cmd.ExecuteNonQuery();
        }
        var before = Hash(old);
        var expected = $"'{old}' was written with store schema 2 by spiral test; this spiral reads schema {StoreSchema.Version}";
        Assert.StartsWith(expected, Assert.Throws<ResultsStoreException>(() => ResultsReader.Open(old)).Message);
        Assert.StartsWith(expected, Assert.Throws<ResultsStoreException>(() => ResultsStoreWriter.OpenOrCreate(old, Sweep(), Header(), resume: true)).Message);
        Assert.Equal(before, Hash(old));
        Assert.Equal(3, StoreSchema.Version);
    }

    [Fact]
    public void OpenOrCreate_ResumeOnAnIntactStore_KeepsEveryRun()
    {
        var good = WriteStore();
        using var writer = ResultsStoreWriter.OpenOrCreate(good, Sweep(), Header(), resume: true);
        Assert.Equal(240, writer.CompletedRuns);
    }

    [Fact]
    public void OpenOrCreate_ResumeOnAnEmptyFile_StartsAfresh()
    {
        var path = PathOf("empty.duckdb");
        File.WriteAllBytes(path, []);
        using (var writer = ResultsStoreWriter.OpenOrCreate(path, Sweep(), Header(), resume: true))
        {
            Assert.Equal(0, writer.CompletedRuns);
            ExperimentRunner.Run(Sweep(), new RunnerOptions(2, 16), writer, isDone: writer.IsDone);
            writer.Complete();
        }
        using var reader = ResultsReader.Open(path);
        Assert.Equal(240, reader.RunCount());
    }
}
