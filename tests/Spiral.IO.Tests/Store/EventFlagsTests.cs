using Spiral.Core;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Definitions;
using Spiral.Experiments.Metrics;
using Spiral.Experiments.Running;
using Spiral.IO.Results;
using Spiral.IO.Store;
using Spiral.Testing;
using S = Spiral.IO.Store.StoreSchema;

namespace Spiral.IO.Tests.Store;

/// <summary>
/// Model v2 events carry a MID hostility level, a scripted flag and a war route (DESIGN.md 3.1.6): the results store
/// and the CSV writer keep all three, and the reader returns them as recorded.
/// </summary>
public sealed class EventFlagsTests : IDisposable
{
    private static readonly Scenario Tiny = ScenarioBuilder.Stylized(states: 3, steps: 4);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-events-");

    public void Dispose() => _dir.Delete(true);

    /// <summary>Kind, actor, target, rung, value, MID level, scripted, route of each hand-made event.</summary>
    private static readonly SimEvent[] Events =
    [
        new(1, 2001, EventKind.Incident, 0, 1, 1, 0, Concept.Timeline, MidHostility.Threat, Scripted: true),
        new(1, 2001, EventKind.WarStarted, 0, 1, 12, 0.4, Concept.Timeline, MidHostility.War, Scripted: true, Route: WarRoute.Scripted),
        new(2, 2002, EventKind.Demand, 1, 2, 2, 0, Concept.Bargaining, MidHostility.Threat),
        new(2, 2002, EventKind.UseOfForce, 1, 2, 8, 1, Concept.Escalation, MidHostility.UseOfForce),
        new(2, 2002, EventKind.CrisisOutcome, 1, 2, 8, 1, Concept.Escalation, MidHostility.UseOfForce),
        new(3, 2003, EventKind.WarStarted, 2, 0, 12, 0.25, Concept.CommitmentProblem, MidHostility.War, Route: WarRoute.CommitmentProblem),
        new(3, 2003, EventKind.WarStarted, 1, 0, 12, 0.3, Concept.Bargaining, MidHostility.War, Route: WarRoute.PrivateInformation),
        new(4, 2004, EventKind.WarStarted, 0, 2, 12, 0.5, Concept.Preemption, MidHostility.War, Route: WarRoute.Preemption),
        new(4, 2004, EventKind.AllyAbandoned, 2, 1, 0, 0, Concept.AllianceSecurityDilemma),
        new(4, 2004, EventKind.HotlineOpened, 0, 1, 0, 0, Concept.Hotline),
    ];

    /// <summary>A run of <see cref="Tiny"/> whose events are replaced by <see cref="Events"/>.</summary>
    private static CompletedRun HandMade()
    {
        var record = new RunRecord(3, Tiny.Steps);
        Simulation.Run(Tiny, 5, 0, record);
        record.Events.Clear();
        foreach (var e in Events)
        {
            record.Events.Add(e);
        }
        var summary = new RunSummary(3);
        RunMetrics.Summarize(record, EnsembleRunner.InitialReach(Tiny), summary);
        return new CompletedRun(0, 0, 0, 0, record, summary);
    }

    private string WriteStore(CompletedRun run)
    {
        var path = Path.Combine(_dir.FullName, "events.duckdb");
        using var writer = ResultsStoreWriter.OpenOrCreate(path, new EnsembleExperiment(Tiny, 1, 5),
            new StoreHeader("ensemble", "name: tiny", null, DetailSelection.All, "test"), resume: false);
        writer.ChunkStarting(0, 1);
        writer.Accept(run);
        writer.ChunkCompleted(0, 1);
        writer.Complete();
        return path;
    }

    [Fact]
    public void Events_StoredRun_ReturnsMidScriptedAndRouteAsRecorded()
    {
        var path = WriteStore(HandMade());
        using var reader = ResultsReader.Open(path);
        var stored = reader.Events(0);
        Assert.Equal(Events.Length, stored.Count);
        for (var k = 0; k < Events.Length; k++)
        {
            var e = Events[k];
            var s = stored[k];
            Assert.Equal((k, e.Step, e.Year, e.Kind.ToString(), (int)e.Actor, e.Target >= 0 ? (int?)e.Target : null, (int)e.Rung, e.Value, e.Concept.ToString()),
                (s.Seq, s.Step, s.Year, s.Kind, s.Actor, s.Target, s.Rung, s.Value, s.Concept));
            Assert.Equal(((int)e.Mid, e.Scripted, e.Route == WarRoute.None ? null : e.Route.ToString()), (s.Mid, s.Scripted, s.Route));
        }
        Assert.Empty(reader.Events(1));
        Assert.Equal(["Scripted", "CommitmentProblem", "PrivateInformation", "Preemption"], stored.Where(x => x.Route is not null).Select(x => x.Route));
        Assert.Equal(4, reader.Scalar<long>($"SELECT count(*) FROM {S.Events.Table} WHERE {S.Events.Route} IS NOT NULL"));
    }

    [Fact]
    public void EventCounts_StoredRun_SplitScriptedFromModel()
    {
        var path = WriteStore(HandMade());
        using var reader = ResultsReader.Open(path);
        var wars = reader.EventCounts().Single(c => c.Kind == nameof(EventKind.WarStarted));
        Assert.Equal((4L, 1L, 3L), (wars.Count, wars.Scripted, wars.Model));
        var incident = reader.EventCounts().Single(c => c.Kind == nameof(EventKind.Incident));
        Assert.Equal((1L, 1L, 0L), (incident.Count, incident.Scripted, incident.Model));
    }

    [Fact]
    public void RunsRow_StoredRun_CountsTheModelsWarsByRouteAndTheScriptedWarApart()
    {
        var path = WriteStore(HandMade());
        using var reader = ResultsReader.Open(path);
        Assert.Equal("3|1|1|1|1|1|1|1|1|1",
            reader.Scalar<string>("""
                SELECT concat_ws('|', wars, scripted_wars, wars_from_private_information, wars_from_commitment_problem, wars_from_preemption,
                                 wars_started_by_weaker_side, crises, crises_at_use_of_force, fatal_clashes, ally_abandonments) FROM runs
                """));
    }

    [Fact]
    public void CsvRunWriter_HandMadeRun_EventsCarryMidScriptedAndRouteColumns()
    {
        var dir = Path.Combine(_dir.FullName, "csv");
        using (var csv = new CsvRunWriter(dir, "hash"))
        {
            csv.Accept(HandMade());
            csv.Commit();
        }
        var lines = File.ReadAllLines(Path.Combine(dir, "events.csv"));
        Assert.Equal("run,seed,scenario_hash,step,year,kind,actor,target,rung,value,concept,cameo_code,goldstein,mid,scripted,route", lines[0]);
        Assert.Equal(Events.Length + 1, lines.Length);
        var tails = lines.Skip(1).Select(l => string.Join(',', l.Split(',')[^3..])).ToList();
        Assert.Equal(["2,true,", "5,true,Scripted", "2,false,", "4,false,", "4,false,", "5,false,CommitmentProblem", "5,false,PrivateInformation",
            "5,false,Preemption", "0,false,", "0,false,"], tails);
        var runs = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
        var header = runs[0].Split(',');
        var row = runs[1].Split(',');
        Assert.Equal("1", row[Array.IndexOf(header, "scripted_wars")]);
        Assert.Equal("3", row[Array.IndexOf(header, "wars")]);
    }
}
