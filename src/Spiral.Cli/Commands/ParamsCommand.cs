using System.CommandLine;
using Spiral.Cli.Commands.Analytic;
using Spiral.Core.Parameters;

namespace Spiral.Cli.Commands;

/// <summary><c>spiral params [FILTER] [--json]</c>: every scenario parameter of the catalog, with range, default, unit and source.</summary>
internal static class ParamsCommand
{
    public static Command Create()
    {
        var filter = new Argument<string?>("filter")
        {
            Description = "Show only parameters whose path contains this text (case-insensitive), e.g. world, hotline, policy.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = AnalyticCli.JsonOption();
        var markdown = new Option<bool>("--markdown") { Description = "Write the reference page docs/reference/parameters.md (Markdown tables) instead of a table." };
        var command = new Command("params", "List every scenario parameter (the paths sweeps, interventions and scenario files use) with its range, default, unit and source.") { filter, json, markdown };
        command.SetAction(parse => parse.GetValue(markdown)
            ? Markdown(parse)
            : Execute(parse, parse.GetValue(filter), parse.GetValue(json)));
        return command;
    }

    private static int Execute(ParseResult parse, string? filter, bool json)
    {
        var selected = ParameterCatalog.All
            .Where(p => string.IsNullOrWhiteSpace(filter) || Path(p).Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (selected.Count == 0)
        {
            throw new UsageException($"no parameter path contains '{filter}'; run `spiral params` for the whole list");
        }
        if (json)
        {
            AnalyticCli.WriteJson(parse, selected.Select(p => new
            {
                path = Path(p),
                scope = p.Scope.ToString().ToLowerInvariant(),
                type = p.Type.ToString().ToLowerInvariant(),
                min = p.Type == ParameterType.Name ? (double?)null : p.Min,
                max = p.Type == ParameterType.Name ? (double?)null : p.Max,
                minExclusive = p.MinExclusive,
                maxExclusive = p.MaxExclusive,
                choices = p.Type == ParameterType.Name ? p.Choices : null,
                @default = p.Default,
                unset = p.IsOptional ? p.Unset : null,
                unit = p.Unit,
                source = p.Source,
                meaning = p.Meaning,
            }).ToList());
            return ExitCodes.Ok;
        }
        var table = AnalyticCli.NewTable("path", "type", "range", "default", "unit", "source");
        foreach (var p in selected)
        {
            AnalyticCli.AddRow(table, Path(p), p.Type.ToString().ToLowerInvariant(),
                p.Type == ParameterType.Name ? $"{p.Choices.Count} policies" : p.RangeText,
                p.IsOptional ? "unset" : p.DefaultText,
                p.Unit, p.Source);
        }
        AnalyticCli.Write(parse, table);
        if (selected.Count <= 12)
        {
            var o = AnalyticCli.Out(parse);
            foreach (var p in selected)
            {
                o.WriteLine($"{Path(p)}: {p.Meaning}{(p.IsOptional ? $" Unset: {p.Unset}." : "")}");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>The reference page: one table per scope, every column from the catalog.</summary>
    private static int Markdown(ParseResult parse)
    {
        var o = AnalyticCli.Out(parse);
        o.WriteLine("# Parameters");
        o.WriteLine();
        o.WriteLine("Every parameter a scenario sets, with its valid range, default, unit, source and meaning. This page is generated from the");
        o.WriteLine("parameter catalog (`spiral params --markdown > docs/reference/parameters.md`; a test holds it equal), which the scenario");
        o.WriteLine("schema, the loader, sweeps, `spiral compare --intervention PATH=VALUE`, the web explorer and calibration all read.");
        o.WriteLine("In paths, `NAME` is a state's (or alliance's) name, `*` means every state, `A,B` a dyad; a bare world name such as");
        o.WriteLine("`institutions` is short for `world.institutions`. `(a, b]` excludes a and includes b.");
        foreach (var scope in Enum.GetValues<ParameterScope>())
        {
            o.WriteLine();
            o.WriteLine($"## {scope}");
            o.WriteLine();
            o.WriteLine("| path | type | range | default | unit | source | meaning |");
            o.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var p in ParameterCatalog.Of(scope))
            {
                var range = p.Type == ParameterType.Name ? string.Join(", ", p.Choices) : p.RangeText;
                o.WriteLine($"| `{Path(p)}` | {p.Type.ToString().ToLowerInvariant()} | {range} | {p.DefaultText} | {p.Unit} | {p.Source} | {p.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>The path as users write it; a policy's parameter names its policy.</summary>
    private static string Path(ParameterInfo p) => p.Policy is null ? p.Path : $"{p.Path} ({p.Policy})";
}
