using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests;

/// <summary>Worlds built from <see cref="ScenarioBuilder"/> for phase tests, and small event helpers.</summary>
internal static class TestWorlds
{
    /// <summary>A and B, GDP 1000, share 0.02, posture 0.35, μ 0.08: O = 87.5, D = 162.5 each; beliefs 0.2; σ 0.5.</summary>
    public static World Dyad(string a = "DefensiveRealist", string b = "DefensiveRealist", double beta = 1.0, double omega = 0.5,
        ulong seed = 1, Func<Scenario, Scenario>? change = null)
    {
        var s = ScenarioBuilder.Dyad(a, b, offenseAdvantage: beta, distinguishability: omega);
        if (change is not null)
        {
            s = change(s);
        }
        return WorldFactory.Create(s, seed, 0);
    }

    /// <summary>State <paramref name="index"/> follows the Scripted policy with the given yearly series.</summary>
    public static Scenario WithScript(this Scenario s, int index, IReadOnlyDictionary<int, double>? share = null,
        IReadOnlyDictionary<int, double>? posture = null, int crisis = 0, bool acceptCbm = false)
    {
        var series = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        if (share is not null) series["militaryShare"] = share;
        if (posture is not null) series["posture"] = posture;
        var spec = new PolicySpec("Scripted")
        {
            Series = series,
            Parameters = new Dictionary<string, double> { ["crisis"] = crisis, ["acceptCbm"] = acceptCbm ? 1 : 0 },
        };
        return s.WithState(index, st => st with { Policy = spec, GreedyPolicy = spec });
    }

    public static Scenario NoIncidents(this Scenario s) => s.With(wp => wp with { IncidentBaseRate = 0 });

    public static List<SimEvent> EventsOf(World w, EventKind kind)
    {
        var list = new List<SimEvent>();
        foreach (var e in w.Events.Items)
        {
            if (e.Kind == kind)
            {
                list.Add(e);
            }
        }
        return list;
    }

    public static int Count(World w, EventKind kind) => EventsOf(w, kind).Count;

    /// <summary>The budget process without its yearly shock and its short-run threat reaction, so that a share follows its desired burden exactly.</summary>
    public static Scenario QuietBudget(this Scenario s) => s.WithModel(m => m with { BudgetNoise = 0, ThreatReaction = 0 });

    /// <summary>
    /// One year of the quiet budget process by hand: m·exp(γ ln(m*/m)) with m* kept in [min, cap], the result within
    /// [min, cap] (defaults: the model's γ, the peacetime cap 0.12 and floor 0.005).
    /// </summary>
    public static double Budget(double m, double desired, double? gamma = null, double cap = 0.12, double min = 0.005) =>
        Math.Clamp(m * Math.Exp((gamma ?? Spiral.Core.Parameters.ModelParameters.Default.BudgetAdjustment) * Math.Log(Math.Clamp(desired, min, cap) / m)), min, cap);

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    /// <summary>Parses a CSV with quoted fields and doubled quotes (RFC 4180), header included.</summary>
    public static List<string[]> ReadCsv(string path)
    {
        var rows = new List<string[]>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var fields = new List<string>();
            var sb = new System.Text.StringBuilder();
            var quoted = false;
            for (var k = 0; k < line.Length; k++)
            {
                var ch = line[k];
                if (quoted)
                {
                    if (ch == '"' && k + 1 < line.Length && line[k + 1] == '"') { sb.Append('"'); k++; }
                    else if (ch == '"') quoted = false;
                    else sb.Append(ch);
                }
                else if (ch == '"') quoted = true;
                else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
                else sb.Append(ch);
            }
            fields.Add(sb.ToString());
            rows.Add(fields.ToArray());
        }
        return rows;
    }
}
