using System.CommandLine;
using Spiral.Analytic.Games;
using static Spiral.Cli.Commands.Analytic.AnalyticCli;

namespace Spiral.Cli.Commands.Analytic;

/// <summary><c>spiral game classify|jervis|offense|worlds</c>: Jervis's (1978) 2×2 security game.</summary>
internal static class GameCommand
{
    public static Command Create()
    {
        var command = new Command("game", "The 2x2 security game of Jervis (1978): classify it, build it from Jervis's factors, the four worlds.");
        command.Subcommands.Add(Classify());
        command.Subcommands.Add(FromFactors());
        command.Subcommands.Add(FromOffense());
        command.Subcommands.Add(Worlds());
        return command;
    }

    private static string KindText(GameKind kind) => kind switch
    {
        GameKind.PrisonersDilemma => "Prisoner's Dilemma",
        GameKind.StagHunt => "Stag Hunt",
        GameKind.Chicken => "Chicken",
        GameKind.Harmony => "Harmony",
        GameKind.Deadlock => "Deadlock",
        _ => "other (ties or an unnamed ordering)",
    };

    private static int Report(ParseResult parse, SecurityGame game, bool json)
    {
        if (json)
        {
            WriteJson(parse, new
            {
                cc = game.CC,
                dc = game.DC,
                dd = game.DD,
                cd = game.CD,
                kind = game.Kind,
                kindName = KindText(game.Kind),
                threshold = game.CooperationThreshold,
            });
            return ExitCodes.Ok;
        }
        var table = NewTable("", "other cooperates", "other defects");
        AddRow(table, "cooperate", game.CC, game.CD);
        AddRow(table, "defect", game.DC, game.DD);
        Write(parse, table);
        var summary = NewTable("quantity", "value");
        AddRow(summary, "kind", KindText(game.Kind));
        AddRow(summary, "q* = (DD-CD)/((CC-DC)+(DD-CD))", game.CooperationThreshold);
        AddRow(summary, "reading", game.Kind == GameKind.StagHunt
            ? "cooperate if the other cooperates with probability above q*"
            : game.Kind switch
            {
                GameKind.Harmony => "cooperation is dominant: no security dilemma",
                GameKind.PrisonersDilemma or GameKind.Deadlock => "defection is dominant: q* has no cooperative reading",
                _ => "see docs/explanation/jervis-game.md",
            });
        Write(parse, summary);
        return ExitCodes.Ok;
    }

    private static Command Classify()
    {
        var cc = Number("--cc", "Payoff when both cooperate.");
        var dc = Number("--dc", "Payoff for defecting on a cooperator.");
        var dd = Number("--dd", "Payoff when both defect.");
        var cd = Number("--cd", "Payoff for cooperating with a defector.");
        var json = JsonOption();
        var command = new Command("classify", "Classify a symmetric 2x2 game from the row player's payoffs and give the cooperation threshold q*.");
        foreach (var o in new Option[] { cc, dc, dd, cd, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() =>
            Report(parse, SecurityGame.Create(parse.GetValue(cc), parse.GetValue(dc), parse.GetValue(dd), parse.GetValue(cd)), parse.GetValue(json))));
        return command;
    }

    private static Command FromFactors()
    {
        var gainCc = Number("--gain-cooperation", "Gain from mutual cooperation (CC).");
        var gainDc = Number("--gain-exploiting", "Gain from exploiting the other (DC).");
        var costDd = Number("--cost-defection", "Cost of mutual defection, an arms race (DD = -cost), >= 0.");
        var costCd = Number("--cost-exploited", "Cost of being exploited (CD = -cost), >= 0.");
        var json = JsonOption();
        var command = new Command("jervis", "Build the game from Jervis's four factors (1978, pp. 171-176) and classify it.");
        foreach (var o in new Option[] { gainCc, gainDc, costDd, costCd, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() => Report(parse,
            SecurityGame.FromJervisFactors(parse.GetValue(gainCc), parse.GetValue(gainDc), parse.GetValue(costDd), parse.GetValue(costCd)), parse.GetValue(json))));
        return command;
    }

    private static Command FromOffense()
    {
        var beta = Number("--beta", "Offense advantage in [0, 1] (0: defense dominant, 1: offense dominant).");
        var omega = Number("--omega", "Distinguishability of offensive from defensive postures in [0, 1].");
        var gain = Number("--gain", "Gain from mutual cooperation, >= 0.", defaultValue: 2);
        var cost = Number("--arming-cost", "Cost of arming, >= 0.", defaultValue: 0);
        var json = JsonOption();
        var command = new Command("offense", "Build the game from offense advantage and distinguishability (mapping in docs/explanation/jervis-game.md).");
        foreach (var o in new Option[] { beta, omega, gain, cost, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Guard(() => Report(parse,
            SecurityGame.FromOffenseDefense(parse.GetValue(beta), parse.GetValue(omega), parse.GetValue(gain), parse.GetValue(cost)), parse.GetValue(json))));
        return command;
    }

    private static Command Worlds()
    {
        var json = JsonOption();
        var command = new Command("worlds", "Jervis's four worlds: offense/defense advantage crossed with distinguishability (1978, p. 211).");
        command.Options.Add(json);
        command.SetAction(parse => Guard(() =>
        {
            if (parse.GetValue(json))
            {
                WriteJson(parse, JervisWorlds.All.Select(w => new
                {
                    world = w.Number,
                    offense = w.Offense,
                    postures = w.Postures,
                    label = w.Label,
                    exampleKind = w.ExampleKind,
                }));
                return ExitCodes.Ok;
            }
            var table = NewTable("world", "advantage", "postures", "Jervis's label", "game (our mapping)");
            foreach (var w in JervisWorlds.All)
            {
                AddRow(table, w.Number, w.Offense, w.Postures, w.Label, KindText(w.ExampleKind));
            }
            Write(parse, table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
