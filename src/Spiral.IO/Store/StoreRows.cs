using DuckDB.NET.Data;
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

    /// <summary>Appends the run's series, beliefs and events rows.</summary>
    public static void AppendDetail(RunRecord r, long runId, DuckDBAppender series, DuckDBAppender beliefs, DuckDBAppender events)
    {
        var n = r.N;
        for (var t = 0; t <= r.Steps; t++)
        {
            var year = (short)r.Year(t);
            for (var i = 0; i < n; i++)
            {
                var k = r.Row(t, i);
                series.CreateRow()
                    .AppendValue(runId).AppendValue((short)t).AppendValue(year).AppendValue((short)i)
                    .AppendValue(r.Gdp[k]).AppendValue(r.MilitaryShare[k]).AppendValue(r.Milex[k]).AppendValue(r.Offense[k])
                    .AppendValue(r.Defense[k]).AppendValue(r.Posture[k]).AppendValue(r.Security[k]).AppendValue(r.InternalThreat[k])
                    .EndRow();
            }
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j)
                    {
                        beliefs.CreateRow()
                            .AppendValue(runId).AppendValue((short)t).AppendValue(year).AppendValue((short)i).AppendValue((short)j)
                            .AppendValue(r.BeliefAt(t, i, j)).EndRow();
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
