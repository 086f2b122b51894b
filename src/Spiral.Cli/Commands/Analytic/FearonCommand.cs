using System.CommandLine;
using Spiral.Analytic.Fearon;
using static Spiral.Cli.Commands.Analytic.AnalyticCli;

namespace Spiral.Cli.Commands.Analytic;

/// <summary><c>spiral fearon</c>: Fearon's (1995) bargaining range and commitment problem.</summary>
internal static class FearonCommand
{
    public static Command Create()
    {
        var p = Number("--p", "Probability in [0, 1] that A wins a war (also A's expected share).");
        var ca = Number("--ca", "A's cost of war as a share of the good, >= 0.");
        var cb = Number("--cb", "B's cost of war as a share of the good, >= 0.");
        var shift = new Option<double?>("--shift") { Description = "Change of p in the next period (needs --discount).", HelpName = "DP" };
        var discount = new Option<double?>("--discount") { Description = "Discount factor delta in [0, 1] (needs --shift).", HelpName = "D" };
        var json = JsonOption();
        var command = new Command("fearon", "Fearon's (1995) bargaining range (p - c_A, p + c_B) and the commitment problem delta*|dp| > (1 - delta)(c_A + c_B).");
        foreach (var o in new Option[] { p, ca, cb, shift, discount, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() =>
        {
            var model = new Bargaining(parse.GetValue(p), parse.GetValue(ca), parse.GetValue(cb));
            var (dp, delta) = (parse.GetValue(shift), parse.GetValue(discount));
            if (dp.HasValue != delta.HasValue)
            {
                throw new UsageException("--shift and --discount go together: give both to test the commitment problem, or neither.");
            }
            var commitment = dp is { } s && delta is { } d ? model.Commitment(s, d) : null;
            if (parse.GetValue(json))
            {
                WriteJson(parse, new
                {
                    p = model.P,
                    cA = model.CostA,
                    cB = model.CostB,
                    range = new { lower = model.Range.Lower, upper = model.Range.Upper, width = model.Range.Width },
                    feasibleRange = new { lower = model.FeasibleRange.Lower, upper = model.FeasibleRange.Upper },
                    commitment = commitment is null ? null : new
                    {
                        shift = commitment.Shift,
                        discount = commitment.Discount,
                        futureLoss = commitment.FutureLoss,
                        warCost = commitment.WarCost,
                        preventiveWar = commitment.PreventiveWar,
                    },
                });
                return ExitCodes.Ok;
            }
            var table = NewTable("quantity", "value");
            AddRow(table, "bargaining range for A's share", $"[{Format(model.Range.Lower)}, {Format(model.Range.Upper)}] (width {Format(model.Range.Width)})");
            AddRow(table, "feasible part (within [0, 1])", $"[{Format(model.FeasibleRange.Lower)}, {Format(model.FeasibleRange.Upper)}]");
            if (commitment is not null)
            {
                AddRow(table, "delta*|dp| (discounted loss from the shift)", commitment.FutureLoss);
                AddRow(table, "(1-delta)(c_A+c_B) (what war destroys now)", commitment.WarCost);
                AddRow(table, "commitment problem: preventive war", commitment.PreventiveWar);
            }
            Write(parse, table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
