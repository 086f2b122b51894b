using Spiral.Experiments.Metrics;
using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Running;
using Spiral.Reporting.Narration;
using Spiral.Numerics.Statistics;

namespace Spiral.Cli.Commands;

/// <summary>
/// The JSON of outcomes summarized over runs, field names from <see cref="OutcomeRegistry"/> (<see cref="Outcome.SummaryName"/>,
/// <see cref="Outcome.MaximumName"/>, <see cref="OutcomeRatio.Name"/>): one shape for <c>spiral run</c> and <c>spiral sweep</c>.
/// </summary>
internal static class OutcomeJson
{
    /// <summary>A mean with its 95% interval; null where no run defines the outcome.</summary>
    public sealed record Interval(double? Mean, double?[] Ci95);

    /// <summary>Adds every run outcome and ratio: an interval per outcome, the mean and maximum of a level.</summary>
    public static void AddRunOutcomes(OrderedDictionary<string, object?> json, IReadOnlyList<OutcomeStatistics> outcomes)
    {
        foreach (var o in outcomes)
        {
            if (o.Outcome.MaximumName is { } maximum)
            {
                json[o.Outcome.SummaryName] = Number(o.Mean);
                json[maximum] = Number(o.Maximum);
            }
            else
            {
                json[o.Outcome.SummaryName] = new Interval(Number(o.Mean), [Number(o.Estimate.Low), Number(o.Estimate.High)]);
            }
        }
        foreach (var ratio in OutcomeRegistry.Ratios)
        {
            json[ratio.Name] = OutcomeStatistics.Ratio(ratio, outcomes);
        }
    }

    /// <summary>The mean over runs of each state or dyad outcome, under its summary name.</summary>
    public static void AddMeans(OrderedDictionary<string, object?> json, IReadOnlyList<OutcomeStatistics> outcomes)
    {
        foreach (var o in outcomes)
        {
            json[o.Outcome.SummaryName] = Number(o.Mean);
        }
    }

    private static double? Number(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>The JSON shape of <c>spiral run --json</c>.</summary>
internal static class RunJson
{
    public static object From(EnsembleSummary s, Scenario scenario, IReadOnlyList<NarratedYear>? narration)
    {
        var json = new OrderedDictionary<string, object?>
        {
            ["scenario"] = s.Scenario,
            ["runs"] = s.Runs,
            ["seed"] = s.Seed,
            ["steps"] = s.Steps,
            ["startYear"] = scenario.StartYear,
            ["endYear"] = TimeConvention.LastYear(scenario.StartYear, s.Steps),
            ["scenarioHash"] = s.ScenarioHash,
        };
        OutcomeJson.AddRunOutcomes(json, s.Outcomes);
        json["states"] = s.States.Select(st =>
        {
            var state = new OrderedDictionary<string, object?> { ["name"] = st.Name };
            OutcomeJson.AddMeans(state, st.Outcomes);
            state["beliefs"] = st.Beliefs.Select(b =>
            {
                var belief = new OrderedDictionary<string, object?> { ["about"] = b.About };
                OutcomeJson.AddMeans(belief, b.Outcomes);
                return belief;
            }).ToList();
            return state;
        }).ToList();
        json["narration"] = narration?.Select(y => new { year = y.Year, lines = y.Lines.Select(l => new { text = l.Text, concept = l.ConceptName, history = l.History }) });
        return json;
    }
}

/// <summary>The human tables of <c>spiral run</c>: every outcome of <see cref="OutcomeRegistry"/>.</summary>
internal static class RunTables
{
    public static void Write(ParseResult parse, EnsembleSummary s, Scenario scenario)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = AnalyticCli.Out(parse);
        o.WriteLine($"{scenario.Title switch { "" => s.Scenario, var t => t }}: {s.Runs} runs, seed {s.Seed}, {TimeConvention.Span(scenario.StartYear, s.Steps)}, scenario hash {s.ScenarioHash}");

        var beliefHeader = "about others (" + string.Join(" / ", OutcomeRegistry.Dyads.Select(d => d.Label)) + ")";
        var states = AnalyticCli.NewTable(["state", .. OutcomeRegistry.States.Select(x => x.Label), beliefHeader]);
        foreach (var st in s.States)
        {
            var beliefs = string.Join("; ", st.Beliefs.Select(b =>
                b.About + " " + string.Join(" / ", b.Outcomes.Select(x => x.Mean.ToString("F2", inv)))));
            states.AddRow([Markup.Escape(st.Name), .. st.Outcomes.Select(x => Show(x.Mean, x.Outcome.Format)), Markup.Escape(beliefs)]);
        }
        AnalyticCli.Write(parse, states);

        var runs = AnalyticCli.NewTable("outcome", "value", "95% interval");
        foreach (var x in s.Outcomes)
        {
            var f = x.Outcome.Format;
            var value = Show(x.Mean, f) + (x.Outcome.MaximumName is null ? "" : $" (highest {Show(x.Maximum, "0")})");
            runs.AddRow(Markup.Escape(x.Outcome.Label), Markup.Escape(value), Markup.Escape($"[{Show(x.Estimate.Low, f)}, {Show(x.Estimate.High, f)}]"));
        }
        foreach (var ratio in OutcomeRegistry.Ratios)
        {
            runs.AddRow(Markup.Escape(ratio.Label), s[ratio].ToString("F4", inv), "");
        }
        AnalyticCli.Write(parse, runs);
    }

    private static string Show(double v, string format) => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
}
