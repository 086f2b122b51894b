using System.CommandLine;
using Spiral.Analytic.Kydd;
using static Spiral.Cli.Commands.Analytic.AnalyticCli;

namespace Spiral.Cli.Commands.Analytic;

/// <summary><c>spiral kydd threshold|update|signal|reassure</c>: Kydd's (1997, 2005) trust and reassurance.</summary>
internal static class KyddCommand
{
    public static Command Create()
    {
        var command = new Command("kydd", "Trust and reassurance in Bayesian realism (Kydd 1997, 2005).");
        command.Subcommands.Add(Threshold());
        command.Subcommands.Add(Update());
        command.Subcommands.Add(SignalUpdate());
        command.Subcommands.Add(Reassure());
        return command;
    }

    private static Command Build(string name, string description, Option[] options, Func<ParseResult, IReadOnlyList<(string Label, object? Value)>> rows, Func<ParseResult, object> jsonValue)
    {
        var json = JsonOption();
        var command = new Command(name, description);
        foreach (var o in options.Append(json))
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() =>
        {
            if (parse.GetValue(json))
            {
                WriteJson(parse, jsonValue(parse));
                return ExitCodes.Ok;
            }
            var table = NewTable("quantity", "value");
            foreach (var (label, value) in rows(parse))
            {
                AddRow(table, label, value);
            }
            Write(parse, table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Threshold()
    {
        var r = Number("--r", "Security seeker's payoff for mutual cooperation (R).");
        var ts = Number("--ts", "Security seeker's payoff for exploiting the other (T_S), below R.");
        var p = Number("--p", "Payoff for mutual defection (P).");
        var s = Number("--s", "Payoff for being exploited (S), below P.");
        double Value(ParseResult x) => TrustModel.TrustThreshold(x.GetValue(r), x.GetValue(ts), x.GetValue(p), x.GetValue(s));
        return Build("threshold", "Trust threshold pi* = (P-S)/((R-T_S)+(P-S)): the least trust at which a security seeker cooperates.",
            [r, ts, p, s],
            x => [("pi* (trust threshold)", Value(x))],
            x => new { r = x.GetValue(r), tS = x.GetValue(ts), p = x.GetValue(p), s = x.GetValue(s), threshold = Value(x) });
    }

    private static Command Update()
    {
        var prior = Number("--prior", "Trust before the observation: probability in [0, 1] that the other is a security seeker.");
        var sigmaS = Number("--sigma-s", "Probability in [0, 1] that a security seeker builds.");
        var sigmaG = Number("--sigma-g", "Probability in [0, 1] that a greedy state builds.");
        var observed = new Option<string>("--observed") { Description = "What was seen: build or no-build.", Required = true };
        observed.AcceptOnlyFromAmong("build", "no-build");
        Observation Seen(ParseResult x) => x.GetValue(observed) == "build" ? Observation.Build : Observation.NoBuild;
        double Value(ParseResult x) => TrustModel.UpdateAfterMove(x.GetValue(prior), x.GetValue(sigmaS), x.GetValue(sigmaG), Seen(x));
        return Build("update", "Bayes's rule for trust after seeing the other build or not build.",
            [prior, sigmaS, sigmaG, observed],
            x => [("prior trust", x.GetValue(prior)), ("observed", x.GetValue(observed)), ("posterior trust", Value(x))],
            x => new { prior = x.GetValue(prior), sigmaS = x.GetValue(sigmaS), sigmaG = x.GetValue(sigmaG), observed = x.GetValue(observed), posterior = Value(x) });
    }

    private static Command SignalUpdate()
    {
        var prior = Number("--prior", "Trust before the report, in [0, 1].");
        var error = Number("--error", "Error rate e of the intelligence, in [0, 1] (accuracy 1 - e).");
        var signal = new Option<string>("--signal") { Description = "What the report says: greedy or security.", Required = true };
        signal.AcceptOnlyFromAmong("greedy", "security");
        Signal Said(ParseResult x) => x.GetValue(signal) == "greedy" ? Signal.Greedy : Signal.SecuritySeeker;
        double Value(ParseResult x) => TrustModel.UpdateAfterSignal(x.GetValue(prior), x.GetValue(error), Said(x));
        return Build("signal", "Bayes's rule for trust after a noisy intelligence report.",
            [prior, error, signal],
            x => [("prior trust", x.GetValue(prior)), ("report", x.GetValue(signal)), ("posterior trust", Value(x))],
            x => new { prior = x.GetValue(prior), error = x.GetValue(error), signal = x.GetValue(signal), posterior = Value(x) });
    }

    private static Command Reassure()
    {
        var valueS = Number("--value-s", "What being trusted is worth to a security seeker (V_S).");
        var valueG = Number("--value-g", "What being trusted is worth to a greedy state (V_G).");
        var costS = Number("--cost-s", "Cost of the reassuring signal to a security seeker (c_S), >= 0.");
        var costG = Number("--cost-g", "Cost of the reassuring signal to a greedy state (c_G), >= 0.");
        SignalEquilibrium Value(ParseResult x) => TrustModel.CostlySignal(x.GetValue(valueS), x.GetValue(valueG), x.GetValue(costS), x.GetValue(costG));
        return Build("reassure", "Costly reassuring signal (Kydd 2005, ch. 7): separating when c_S <= V_S and c_G > V_G.",
            [valueS, valueG, costS, costG],
            x =>
            {
                var e = Value(x);
                return [("security seeker sends", e.SecuritySeekerSends), ("greedy type mimics", e.GreedyMimics), ("separating", e.Separating), ("equilibrium", e.Kind)];
            },
            x =>
            {
                var e = Value(x);
                return new { securitySeekerSends = e.SecuritySeekerSends, greedyMimics = e.GreedyMimics, separating = e.Separating, kind = e.Kind };
            });
    }
}
