using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spiral.Core.Scenarios;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Running;
using Spiral.IO.Narration;
using Spiral.Numerics.Statistics;

namespace Spiral.Cli.Commands;

/// <summary>The JSON shape of <c>spiral run --json</c>.</summary>
internal static class RunJson
{
    public sealed record Interval(double Mean, double[] Ci95);

    public static object From(EnsembleSummary s, IReadOnlyList<NarratedYear>? narration) => new
    {
        scenario = s.Scenario,
        runs = s.Runs,
        seed = s.Seed,
        steps = s.Steps,
        scenarioHash = s.ScenarioHash,
        warProbability = I(s.WarProbability),
        warBetweenSecuritySeekersProbability = I(s.WarBetweenSecuritySeekersProbability),
        warsPerRun = I(s.WarsPerRun),
        crisesPerRun = I(s.CrisesPerRun),
        warGivenCrisis = s.WarGivenCrisis,
        maxRungMean = s.MaxRungMean,
        maxRungMax = s.MaxRungMax,
        spiralsPerRun = I(s.SpiralsPerRun),
        cbmsProposedPerRun = I(s.CbmsProposedPerRun),
        cbmsSignedPerRun = I(s.CbmsSignedPerRun),
        cbmsBlockedPerRun = I(s.CbmsBlockedPerRun),
        hotlinesOpenedPerRun = I(s.HotlinesOpenedPerRun),
        armsRaceIndex = I(s.ArmsRaceIndex),
        richardsonReaction = I(s.RichardsonReaction),
        meanSecurityChange = I(s.MeanSecurityChange),
        meanBeliefError = I(s.MeanBeliefError),
        states = s.States.Select(st => new
        {
            name = st.Name,
            milexGrowth = st.MilexGrowth,
            finalSecurity = st.FinalSecurity,
            greedyShare = st.GreedyShare,
            beliefs = st.Beliefs.Select(b => new { about = b.About, meanBelief = b.MeanBelief, meanError = b.MeanError }),
        }),
        narration = narration?.Select(y => new { year = y.Year, lines = y.Lines.Select(l => new { text = l.Text, concept = l.ConceptName }) }),
    };

    private static Interval I(Estimate e) => new(e.Mean, [e.Low, e.High]);
}

/// <summary>The human tables of <c>spiral run</c>.</summary>
internal static class RunTables
{
    public static void Write(ParseResult parse, EnsembleSummary s, Scenario scenario)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = AnalyticCli.Out(parse);
        o.WriteLine($"{scenario.Title switch { "" => s.Scenario, var t => t }}: {s.Runs} runs, seed {s.Seed}, {s.Steps} years from {scenario.StartYear}, scenario hash {s.ScenarioHash}");

        var states = AnalyticCli.NewTable("state", "milex growth/yr", "final security", "greedy in % of runs", "mean belief about rivals (error)");
        foreach (var st in s.States)
        {
            var beliefs = string.Join("; ", st.Beliefs.Select(b => string.Create(inv, $"{b.About} {b.MeanBelief:F2} (±{b.MeanError:F2})")));
            states.AddRow(Markup.Escape(st.Name), st.MilexGrowth.ToString("P2", inv), st.FinalSecurity.ToString("F3", inv),
                st.GreedyShare.ToString("P0", inv), Markup.Escape(beliefs));
        }
        AnalyticCli.Write(parse, states);

        var runs = AnalyticCli.NewTable("outcome", "value", "95% interval");
        void Row(string name, Estimate e, string format) =>
            runs.AddRow(name, e.Mean.ToString(format, inv), Markup.Escape($"[{e.Low.ToString(format, inv)}, {e.High.ToString(format, inv)}]"));
        Row("P(war)", s.WarProbability, "F3");
        Row("P(war between two security-seekers)", s.WarBetweenSecuritySeekersProbability, "F3");
        Row("wars per run", s.WarsPerRun, "F2");
        Row("crises per run", s.CrisesPerRun, "F2");
        runs.AddRow("wars per crisis", s.WarGivenCrisis.ToString("F4", inv), "");
        runs.AddRow("max rung (mean / highest)", string.Create(inv, $"{s.MaxRungMean:F1} / {s.MaxRungMax}"), "");
        Row("spirals per run", s.SpiralsPerRun, "F2");
        Row("CBMs signed per run", s.CbmsSignedPerRun, "F2");
        Row("CBMs blocked by mistrust per run", s.CbmsBlockedPerRun, "F2");
        Row("hotlines opened per run", s.HotlinesOpenedPerRun, "F2");
        Row("arms-race index (milex growth of rival dyads)", s.ArmsRaceIndex, "P2");
        Row("Richardson reaction coefficient k", s.RichardsonReaction, "F3");
        Row("mean security change", s.MeanSecurityChange, "F3");
        Row("mean belief error", s.MeanBeliefError, "F3");
        AnalyticCli.Write(parse, runs);
    }
}
