using System.CommandLine;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Calibration;
using Spiral.IO.Calibration;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>spiral estimate budget</c>: estimates the v2 budget process (γ, the residual sd) on a panel of yearly military
/// burdens or spending (docs/reference/calibration.md, "Estimating the budget process").
/// </summary>
internal static class EstimateCommand
{
    /// <summary>The first year the scenarios hold out for backtests: estimates meant as defaults end before it.</summary>
    private const int FirstHeldOutYear = 2020;

    /// <summary>Value columns tried in this order when --value is not given.</summary>
    private static readonly string[] ValueColumns = ["share_of_gdp_pct", "constant_2024_usd_m", "constant_2023_usd_m"];

    public static Command Create()
    {
        var command = new Command("estimate", "Estimate model parameters on data.");
        command.Subcommands.Add(Budget());
        return command;
    }

    private static Command Budget()
    {
        var data = new Option<string>("--data")
        {
            Description = "Long-format CSV (entity, year, value); data/NAME.csv names a shipped file.",
            DefaultValueFactory = _ => "data/sipri_milex_2010_2024.csv",
            HelpName = "FILE",
        };
        var years = new Option<string>("--years") { Description = "Years of the levels used (differences from the second).", DefaultValueFactory = _ => "2010-2019", HelpName = "FIRST-LAST" };
        var value = new Option<string?>("--value") { Description = $"Value column (default: the first of {string.Join(", ", ValueColumns)} in the file).", HelpName = "COLUMN" };
        var entity = new Option<string>("--entity") { Description = "Column naming the state.", DefaultValueFactory = _ => "country", HelpName = "COLUMN" };
        var exclude = new Option<string?>("--exclude") { Description = "States left out, comma-separated (e.g. Ukraine).", HelpName = "A,B" };
        var trends = new Option<bool>("--trends") { Description = "Give each state its own linear trend (spending in levels grows with GDP)." };
        var replicates = new Option<int>("--replicates") { Description = "Monte Carlo replicates of the panel unit-root test (0 skips it).", DefaultValueFactory = _ => 999 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the unit-root test's replicates.", DefaultValueFactory = _ => 1UL };
        var json = AnalyticCli.JsonOption();
        var command = new Command("budget",
            "Estimate the budget process Δln m = γ (ln m* − ln m_t−1) + ε on a panel: pooled partial adjustment with state effects (within estimator, "
            + "Nickell-corrected and Anderson-Hsiao), clustered standard errors, residual sd, panel unit-root test.")
        {
            data, years, value, entity, exclude, trends, replicates, seed, json,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(data)!;
            if (!YearRange.TryParse(parse.GetValue(years), out var range) || range.Count < 3)
            {
                throw new UsageException($"--years {parse.GetValue(years)}: expected FIRST-LAST spanning at least three years, e.g. 2010-2019");
            }
            if (parse.GetValue(replicates) is < 0 or > 100_000)
            {
                throw new UsageException($"--replicates {parse.GetValue(replicates)}: expected an integer from 0 to 100000");
            }
            IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> panel;
            string column;
            try
            {
                var text = ObservedData.ReadText(file);
                var columns = ObservedData.Columns(text);
                column = parse.GetValue(value) ?? ValueColumns.FirstOrDefault(columns.Contains)
                    ?? throw new UsageException($"--data {file}: none of the columns {string.Join(", ", ValueColumns)}; name one with --value (columns: {string.Join(", ", columns)})");
                panel = ObservedData.ReadPanel(text, file, parse.GetValue(entity)!, "year", column);
            }
            catch (ObservedDataException ex)
            {
                throw new UsageException(ex.Message);
            }
            var excluded = parse.GetValue(exclude) is { } list ? AnalyticCli.SplitList(list, "--exclude") : [];
            foreach (var name in excluded.Where(n => !panel.ContainsKey(n)))
            {
                throw new UsageException($"--exclude {name}: no such state in {file}");
            }
            var kept = panel.Where(kv => !excluded.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            var options = new BudgetEstimateOptions(parse.GetValue(trends), parse.GetValue(replicates), parse.GetValue(seed));
            BudgetEstimate e;
            try
            {
                e = BudgetEstimator.Estimate(kept, range, options);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            var heldOut = range.Last >= FirstHeldOutYear;
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    data = file,
                    value = column,
                    years = range.ToString(),
                    excluded,
                    stateTrends = e.StateTrends,
                    includesHeldOutYears = heldOut,
                    observations = e.Observations,
                    states = e.States,
                    meanDifferencesPerState = e.MeanDifferencesPerState,
                    gamma = new { value = e.Gamma.Value, clusterSe = e.Gamma.StandardError },
                    gammaNickellCorrected = AnalyticCli.Finite(e.GammaNickellCorrected),
                    gammaAndersonHsiao = new { value = AnalyticCli.Finite(e.GammaAndersonHsiao.Value), clusterSe = AnalyticCli.Finite(e.GammaAndersonHsiao.StandardError), observations = e.AndersonHsiaoObservations },
                    residualSd = e.ResidualSd,
                    robustResidualSd = e.RobustResidualSd,
                    unitRoot = e.UnitRoot is { } u ? new { tBar = u.TBar, pValue = u.PValue, states = u.States, replicates = u.Replicates } : null,
                });
                return ExitCodes.Ok;
            }
            var o = AnalyticCli.Out(parse);
            o.WriteLine($"budget process on {file} ({column}, log), years {range}{(excluded.Count > 0 ? $", without {string.Join(", ", excluded)}" : "")}"
                + (e.StateTrends ? ", state intercepts and trends" : ", state intercepts"));
            o.WriteLine($"{e.Observations} yearly changes of {e.States} states ({AnalyticCli.Format(Math.Round(e.MeanDifferencesPerState, 2))} per state)");
            var table = AnalyticCli.NewTable("estimate", "value", "cluster s.e.", "n");
            AnalyticCli.AddRow(table, "γ, within (fixed effects)", Math.Round(e.Gamma.Value, 4), Math.Round(e.Gamma.StandardError, 4), e.Observations);
            AnalyticCli.AddRow(table, "γ, Nickell-corrected", Math.Round(e.GammaNickellCorrected, 4), null, e.Observations);
            AnalyticCli.AddRow(table, "γ, Anderson-Hsiao (IV)", Math.Round(e.GammaAndersonHsiao.Value, 4), Math.Round(e.GammaAndersonHsiao.StandardError, 4), e.AndersonHsiaoObservations);
            AnalyticCli.AddRow(table, "σ of ε (residual sd)", Math.Round(e.ResidualSd, 4), null, e.Observations);
            AnalyticCli.AddRow(table, "σ of ε, robust (1.4826 MAD)", Math.Round(e.RobustResidualSd, 4), null, e.Observations);
            if (e.UnitRoot is { } r)
            {
                AnalyticCli.AddRow(table, $"unit root: IPS t-bar (p, {r.Replicates} Monte Carlo replicates)", $"{Math.Round(r.TBar, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)} (p = {Math.Round(r.PValue, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)})", null, r.States);
            }
            AnalyticCli.Write(parse, table);
            o.WriteLine("δ (threatReaction) and the burden's threat elasticity need a threat series; these files have none.");
            if (heldOut)
            {
                o.WriteLine($"note: the years reach {range.Last}; the scenarios hold out {FirstHeldOutYear}-2024 for backtests, so an estimate meant as a default must end by {FirstHeldOutYear - 1}.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
