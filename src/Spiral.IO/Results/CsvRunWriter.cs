using System.Globalization;
using System.Text;
using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.Experiments.Metrics;
using Spiral.IO.Files;
using Spiral.Experiments.Running;

namespace Spiral.IO.Results;

/// <summary>
/// Writes runs as CSV (series per step and state, beliefs per step and dyad, events with their MID level, scripted flag
/// and war route, one row per run with every outcome
/// of <see cref="OutcomeRegistry.Runs"/> in its <see cref="Outcome.Column"/>) into a staging folder beside the target,
/// moved into place only when complete: nothing half-written is ever left at the target. Every row carries the run's
/// seed and the scenario hash; steps and years follow <see cref="TimeConvention"/>.
/// </summary>
public sealed class CsvRunWriter : IRunSink, IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private readonly string _scenarioHash;
    private readonly StreamWriter _series, _beliefs, _events, _runs;
    private bool _committed;

    /// <exception cref="OutputPathException">The folder cannot be written (see <see cref="OutputPath.CheckFolder"/>).</exception>
    public CsvRunWriter(string directory, string scenarioHash)
    {
        _target = OutputPath.CheckFolder(directory);
        _staging = OutputPath.TemporaryBeside(_target);
        Directory.CreateDirectory(_staging);
        _scenarioHash = scenarioHash;
        _series = Open("series.csv", "run,seed,scenario_hash,step,year,state,gdp,military_share,milex,offense,defense,posture,security,internal_threat");
        _beliefs = Open("beliefs.csv", "run,seed,scenario_hash,step,year,observer,about,belief");
        _events = Open("events.csv", "run,seed,scenario_hash,step,year,kind,actor,target,rung,value,concept,cameo_code,goldstein,mid,scripted,route");
        _runs = Open("runs.csv", "run,seed,scenario_hash," + string.Join(",", OutcomeRegistry.Runs.Select(o => o.Column)));
    }

    private StreamWriter Open(string name, string header)
    {
        var w = new StreamWriter(Path.Combine(_staging, name), false, new UTF8Encoding(false));
        w.WriteLine(header);
        return w;
    }

    public void Accept(in CompletedRun run) => Write(run.Record, run.Summary);

    private void Write(RunRecord r, RunSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var prefix = string.Create(inv, $"{r.RunIndex},{r.Seed},{_scenarioHash}");
        var sb = new StringBuilder();
        for (var t = 0; t <= r.Steps; t++)
        {
            for (var i = 0; i < r.N; i++)
            {
                var k = r.Row(t, i);
                sb.Clear();
                sb.Append(inv, $"{prefix},{t},{r.Year(t)},{Csv(r.Names[i])},{r.Gdp[k]:R},{r.MilitaryShare[k]:R},{r.Milex[k]:R},{r.Offense[k]:R},{r.Defense[k]:R},{r.Posture[k]:R},{r.Security[k]:R},{r.InternalThreat[k]:R}");
                _series.WriteLine(sb);
                for (var j = 0; j < r.N; j++)
                {
                    if (i != j)
                    {
                        _beliefs.WriteLine(string.Create(inv, $"{prefix},{t},{r.Year(t)},{Csv(r.Names[i])},{Csv(r.Names[j])},{r.BeliefAt(t, i, j):R}"));
                    }
                }
            }
        }
        foreach (ref readonly var e in r.Events.Items)
        {
            var target = e.Target >= 0 ? Csv(r.Names[e.Target]) : "";
            _events.WriteLine(string.Create(inv,
                $"{prefix},{e.Step},{e.Year},{e.Kind},{Csv(r.Names[e.Actor])},{target},{e.Rung},{e.Value:R},{e.Concept},{e.CameoCode},{e.Goldstein:R},{e.Mid},{(e.Scripted ? "true" : "false")},{(e.Route == WarRoute.None ? "" : e.Route.ToString())}"));
        }
        sb.Clear().Append(prefix);
        foreach (var o in OutcomeRegistry.Runs)
        {
            sb.Append(',').Append(Value(o, o.Of(s)));
        }
        _runs.WriteLine(sb);
    }

    /// <summary>Flushes and moves the finished files into the target directory.</summary>
    public void Commit()
    {
        CloseAll();
        OutputPath.MoveFolderIntoPlace(_staging, _target);
        _committed = true;
    }

    private void CloseAll()
    {
        _series.Dispose();
        _beliefs.Dispose();
        _events.Dispose();
        _runs.Dispose();
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }
        CloseAll();
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>An outcome's CSV text: true/false for indicators, integers for counts and levels, round-trip reals, empty when undefined.</summary>
    private static string Value(Outcome o, double v) => o.Kind switch
    {
        _ when double.IsNaN(v) => "",
        OutcomeKind.Indicator => v != 0 ? "true" : "false",
        OutcomeKind.Count or OutcomeKind.Level => ((int)v).ToString(CultureInfo.InvariantCulture),
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
