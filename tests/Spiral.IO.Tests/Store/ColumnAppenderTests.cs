using DuckDB.NET.Data;
using Spiral.IO.Store;
using DuckDBType = DuckDB.NET.Native.DuckDBType;

namespace Spiral.IO.Tests.Store;

/// <summary>The bulk appender of the store's series and beliefs tables (issue 18): rows across chunk boundaries, type checks.</summary>
public sealed class ColumnAppenderTests : IDisposable
{
    private static readonly DuckDBType[] Columns = [DuckDBType.BigInt, DuckDBType.SmallInt, DuckDBType.Double];

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public ColumnAppenderTests()
    {
        _connection.Open();
        Execute("CREATE TABLE t (a BIGINT NOT NULL, b SMALLINT NOT NULL, c DOUBLE NOT NULL)");
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }

    private void Append(ColumnAppender appender, int rows)
    {
        for (var k = 0; k < rows; k++)
        {
            var row = appender.NextRow();
            appender.Longs(0)[row] = 10_000_000_000L + k;
            appender.Shorts(1)[row] = (short)(k % 1000);
            appender.Doubles(2)[row] = k * 0.25;
        }
    }

    [Fact]
    public void NextRow_FiveThousandRowsOverThreeChunks_EveryRowStoredInOrder()
    {
        using (var appender = new ColumnAppender(_connection, "t", Columns))
        {
            Assert.Equal(2048, appender.Capacity);
            Append(appender, 5000);
            appender.Close();
        }
        Assert.Equal(5000L, Scalar<long>("SELECT count(*) FROM t"));
        // Sum of a over k = 0..4999: 5000 · 10^10 + 4999 · 5000 / 2; row k keeps its own b and c.
        Assert.Equal(50_000_012_497_500L, Scalar<long>("SELECT CAST(sum(a) AS BIGINT) FROM t"));
        Assert.Equal(0L, Scalar<long>("SELECT count(*) FROM t WHERE b <> (a - 10000000000) % 1000 OR c <> (a - 10000000000) * 0.25"));
        Assert.Equal(4999 * 0.25, Scalar<double>("SELECT max(c) FROM t"));
    }

    [Fact]
    public void Dispose_WithoutClose_RowsAppended()
    {
        using (var appender = new ColumnAppender(_connection, "t", Columns))
        {
            Append(appender, 3);
        }
        Assert.Equal(3L, Scalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Constructor_ColumnTypesDiffer_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ColumnAppender(_connection, "t", DuckDBType.BigInt, DuckDBType.Double, DuckDBType.Double));
        Assert.Contains("Column 1 of t is SmallInt", ex.Message);
    }

    [Fact]
    public void Constructor_UnknownTable_ThrowsResultsStoreException()
    {
        Assert.Throws<ResultsStoreException>(() => new ColumnAppender(_connection, "missing", Columns));
    }

    [Fact]
    public void NextRow_AfterClose_Throws()
    {
        var appender = new ColumnAppender(_connection, "t", Columns);
        appender.Close();
        Assert.Throws<InvalidOperationException>(() => appender.NextRow());
    }
}
