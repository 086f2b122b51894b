using DuckDB.NET.Data;
using DuckDBType = DuckDB.NET.Native.DuckDBType;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Experiments.Metrics;

namespace Spiral.IO.Store;

/// <summary>
/// Appends a run's values to rows of the results store in the column order of <see cref="StoreSchema.CreateTables"/>:
/// outcomes from <see cref="OutcomeRegistry"/> (typed by kind, NULL when undefined), detail rows dated by
/// <see cref="TimeConvention"/>.
/// </summary>
public static class StoreRows
{
    private static readonly string[] KindNames = Enum.GetNames<EventKind>();
    private static readonly string[] ConceptNames = Enum.GetNames<Concept>();
    private static readonly string[] RouteNames = Enum.GetNames<WarRoute>();

    /// <summary>Appends one value per run outcome, after the identity columns of <c>runs</c>.</summary>
    public static IDuckDBAppenderRow AppendRunOutcomes(IDuckDBAppenderRow row, RunSummary s)
    {
        foreach (var o in OutcomeRegistry.Runs)
        {
            row = Append(row, o, o.Of(s));
        }
        return row;
    }

    /// <summary>Appends one value per state outcome of state <paramref name="state"/>, after <c>run_id, state</c>.</summary>
    public static IDuckDBAppenderRow AppendStateOutcomes(IDuckDBAppenderRow row, RunSummary s, int state)
    {
        foreach (var o in OutcomeRegistry.States)
        {
            row = Append(row, o, o.Of(s, state));
        }
        return row;
    }

    /// <summary>The column types of <c>series</c>, in table order, for its <see cref="ColumnAppender"/>.</summary>
    public static readonly DuckDBType[] SeriesColumns =
    [
        DuckDBType.BigInt, DuckDBType.SmallInt, DuckDBType.SmallInt, DuckDBType.SmallInt,
        DuckDBType.Double, DuckDBType.Double, DuckDBType.Double, DuckDBType.Double,
        DuckDBType.Double, DuckDBType.Double, DuckDBType.Double, DuckDBType.Double,
    ];

    /// <summary>The column types of <c>beliefs</c>, in table order, for its <see cref="ColumnAppender"/>.</summary>
    public static readonly DuckDBType[] BeliefsColumns =
        [DuckDBType.BigInt, DuckDBType.SmallInt, DuckDBType.SmallInt, DuckDBType.SmallInt, DuckDBType.SmallInt, DuckDBType.Double];

    /// <summary>
    /// Appends the run's series, beliefs and events rows. Series and beliefs (nearly all of a store's rows) go through
    /// <see cref="ColumnAppender"/>s, copied from the record's arrays without a per-value call; events through the
    /// row appender.
    /// </summary>
    public static void AppendDetail(RunRecord r, long runId, ColumnAppender series, ColumnAppender beliefs, DuckDBAppender events)
    {
        var n = r.N;
        for (var t = 0; t <= r.Steps; t++)
        {
            var step = (short)t;
            var year = (short)r.Year(t);
            for (var i = 0; i < n; i++)
            {
                var k = r.Row(t, i);
                var row = series.NextRow();
                series.Longs(0)[row] = runId;
                series.Shorts(1)[row] = step;
                series.Shorts(2)[row] = year;
                series.Shorts(3)[row] = (short)i;
                series.Doubles(4)[row] = r.Gdp[k];
                series.Doubles(5)[row] = r.MilitaryShare[k];
                series.Doubles(6)[row] = r.Milex[k];
                series.Doubles(7)[row] = r.Offense[k];
                series.Doubles(8)[row] = r.Defense[k];
                series.Doubles(9)[row] = r.Posture[k];
                series.Doubles(10)[row] = r.Security[k];
                series.Doubles(11)[row] = r.InternalThreat[k];
            }
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j)
                    {
                        var row = beliefs.NextRow();
                        beliefs.Longs(0)[row] = runId;
                        beliefs.Shorts(1)[row] = step;
                        beliefs.Shorts(2)[row] = year;
                        beliefs.Shorts(3)[row] = (short)i;
                        beliefs.Shorts(4)[row] = (short)j;
                        beliefs.Doubles(5)[row] = r.BeliefAt(t, i, j);
                    }
                }
            }
        }
        var seq = 0;
        foreach (ref readonly var e in r.Events.Items)
        {
            var info = EventCatalog.Of(e.Kind);
            events.CreateRow()
                .AppendValue(runId).AppendValue(seq++).AppendValue((short)e.Step).AppendValue((short)e.Year)
                .AppendValue(KindNames[(int)e.Kind]).AppendValue(e.Actor).AppendValue(e.Target >= 0 ? e.Target : (short?)null)
                .AppendValue(e.Rung).AppendValue(e.Value).AppendValue(ConceptNames[(int)e.Concept])
                .AppendValue(info.CameoCode).AppendValue(info.Goldstein)
                .AppendValue((short)e.Mid).AppendValue(e.Scripted).AppendValue(e.Route == WarRoute.None ? null : RouteNames[(int)e.Route])
                .EndRow();
        }
    }

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, Outcome o, double v) => o.Kind switch
    {
        _ when double.IsNaN(v) => row.AppendNullValue(),
        OutcomeKind.Indicator => row.AppendValue(v != 0),
        OutcomeKind.Count or OutcomeKind.Level => row.AppendValue((int)v),
        _ => row.AppendValue(v),
    };
}
