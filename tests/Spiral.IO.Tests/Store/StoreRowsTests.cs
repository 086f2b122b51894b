using DuckDB.NET.Data;
using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.IO.Store;
using Spiral.Testing;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Tests.Store;

/// <summary>
/// The detail rows of a run (issue 18): the bulk path (<see cref="ColumnAppender"/>) stores exactly the rows, values
/// and order that DuckDB.NET's row appender stored before it.
/// </summary>
public sealed class StoreRowsTests : IDisposable
{
    private static readonly Scenario World = ScenarioBuilder.Stylized(states: 6, steps: 50);

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public StoreRowsTests()
    {
        _connection.Open();
        Execute("SET threads = 1");
        foreach (var ddl in S.CreateTables([]))
        {
            Execute(ddl);
        }
        Execute($"CREATE TABLE series_rows AS SELECT * FROM {S.Series.Table} LIMIT 0");
        Execute($"CREATE TABLE beliefs_rows AS SELECT * FROM {S.Beliefs.Table} LIMIT 0");
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The series and beliefs rows as the writer appended them before issue 18, one row call per value.</summary>
    private static void AppendByRow(RunRecord r, long runId, DuckDBAppender series, DuckDBAppender beliefs)
    {
        for (var t = 0; t <= r.Steps; t++)
        {
            var year = (short)r.Year(t);
            for (var i = 0; i < r.N; i++)
            {
                var k = r.Row(t, i);
                series.CreateRow()
                    .AppendValue(runId).AppendValue((short)t).AppendValue(year).AppendValue((short)i)
                    .AppendValue(r.Gdp[k]).AppendValue(r.MilitaryShare[k]).AppendValue(r.Milex[k]).AppendValue(r.Offense[k])
                    .AppendValue(r.Defense[k]).AppendValue(r.Posture[k]).AppendValue(r.Security[k]).AppendValue(r.InternalThreat[k])
                    .EndRow();
            }
            for (var i = 0; i < r.N; i++)
            {
                for (var j = 0; j < r.N; j++)
                {
                    if (i != j)
                    {
                        beliefs.CreateRow().AppendValue(runId).AppendValue((short)t).AppendValue(year).AppendValue((short)i)
                            .AppendValue((short)j).AppendValue(r.BeliefAt(t, i, j)).EndRow();
                    }
                }
            }
        }
    }

    [Fact]
    public void AppendDetail_EightRunsOfSixStatesOverFiftySteps_SameRowsInSameOrderAsRowAppender()
    {
        using (var series = new ColumnAppender(_connection, S.Series.Table, StoreRows.SeriesColumns))
        using (var beliefs = new ColumnAppender(_connection, S.Beliefs.Table, StoreRows.BeliefsColumns))
        using (var events = _connection.CreateAppender(S.Events.Table))
        using (var seriesRows = _connection.CreateAppender("series_rows"))
        using (var beliefsRows = _connection.CreateAppender("beliefs_rows"))
        {
            for (var run = 0; run < 8; run++)
            {
                var record = new RunRecord(World.States.Count, World.Steps);
                Simulation.Run(World, 42, run, record);
                StoreRows.AppendDetail(record, 1000 + run, series, beliefs, events);
                AppendByRow(record, 1000 + run, seriesRows, beliefsRows);
            }
        }
        // 8 runs × 51 rows × 6 states and × 30 directed dyads: more than one 2,048-row chunk each.
        Assert.Equal(8 * 51 * 6, Count($"SELECT count(*) FROM {S.Series.Table}"));
        Assert.Equal(8 * 51 * 30, Count($"SELECT count(*) FROM {S.Beliefs.Table}"));
        foreach (var (bulk, rows) in new[] { (S.Series.Table, "series_rows"), (S.Beliefs.Table, "beliefs_rows") })
        {
            // Row by row in insertion order, every column equal (a NaN equals a NaN in DuckDB).
            Assert.Equal(0, Count($"""
                SELECT count(*) FROM (SELECT s AS r, row_number() OVER () AS n FROM {bulk} s) a
                FULL JOIN (SELECT s AS r, row_number() OVER () AS n FROM {rows} s) b ON a.n = b.n
                WHERE a.n IS NULL OR b.n IS NULL OR a.r IS DISTINCT FROM b.r
                """));
        }
    }
}
