using System.CommandLine;
using Spiral.Cli.Commands.Analytic;
using Spiral.IO.Content;
using Spiral.Reporting.Learn;

namespace Spiral.Cli.Commands;

/// <summary><c>spiral explain [TOPIC]</c>: the Learn page's texts (glossary and first questions) on the command line.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var topic = new Argument<string?>("topic")
        {
            Description = "A concept or question id or title, e.g. security-dilemma, hotline, \"who introduced it\". Omit to list all.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = AnalyticCli.JsonOption();
        var command = new Command("explain", "Explain the security dilemma and its concepts, each with its source and something to run.") { topic, json };
        command.SetAction(parse => Execute(parse, parse.GetValue(topic), parse.GetValue(json)));
        return command;
    }

    private static int Execute(ParseResult parse, string? topic, bool json)
    {
        var o = AnalyticCli.Out(parse);
        if (string.IsNullOrWhiteSpace(topic))
        {
            if (json)
            {
                AnalyticCli.WriteJson(parse, LearnLibrary.All.Select(Json).ToList());
                return ExitCodes.Ok;
            }
            o.WriteLine("First questions:");
            foreach (var q in LearnLibrary.Questions)
            {
                o.WriteLine($"  {q.Id,-34} {q.Title}");
            }
            o.WriteLine();
            o.WriteLine("Concepts:");
            foreach (var g in LearnLibrary.Glossary)
            {
                o.WriteLine($"  {g.Id,-34} {g.Title} ({g.Source})");
            }
            o.WriteLine();
            o.WriteLine("Run `spiral explain TOPIC` to read one, e.g. `spiral explain what-is-the-security-dilemma`.");
            return ExitCodes.Ok;
        }
        var entry = LearnLibrary.Find(topic) ?? (topic.Trim().Length >= 8 && LearnLibrary.Find("what-is-the-" + topic) is { } question ? question : null)
            ?? throw new UsageException($"no topic '{topic}'; expected one of: {string.Join(", ", LearnLibrary.All.Select(e => e.Id))}");
        if (json)
        {
            AnalyticCli.WriteJson(parse, Json(entry));
            return ExitCodes.Ok;
        }
        o.WriteLine(entry.Title);
        o.WriteLine(new string('-', entry.Title.Length));
        o.WriteLine(entry.Text);
        o.WriteLine();
        o.WriteLine($"Source: {entry.Source}");
        o.WriteLine($"Try it: {entry.Try.Label}");
        if (entry.Try.Command is not null)
        {
            o.WriteLine($"  $ {entry.Try.Command}");
        }
        o.WriteLine($"  explorer (spiral serve): {entry.Try.WebPath}");
        return ExitCodes.Ok;
    }

    private static object Json(LearnEntry e) => new
    {
        id = e.Id,
        kind = e.Kind,
        title = e.Title,
        text = e.Text,
        source = e.Source,
        @try = new { label = e.Try.Label, command = e.Try.Command, web = e.Try.WebPath },
    };
}
