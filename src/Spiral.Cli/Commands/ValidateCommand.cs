using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Spectre.Console;
using Spiral.Cli.Commands.Analytic;
using Spiral.Experiments.Validation;
using Spiral.IO.Files;
using Spiral.Reporting.Validation;

namespace Spiral.Cli.Commands;

/// <summary><c>spiral validate</c>: every claim of the theory as a paired experiment, with its effect, interval and verdict.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = $"Small sample ({ValidationSize.Quick.Runs} runs per arm) as in CI; default is the full size ({ValidationSize.Full.Runs})." };
        var claims = new Option<string?>("--claims") { Description = "Only these claims, e.g. V1,V6.", HelpName = "IDS" };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report.", HelpName = "FILE.html" };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the Markdown page (docs/explanation/validation.md).", HelpName = "FILE.md" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("validate", "Reproduce the theory's claims (V1-V17) as paired experiments; exit 1 if any is not reproduced.")
        {
            quick, claims, report, markdown, json,
        };
        command.SetAction(parse =>
        {
            var size = parse.GetValue(quick) ? ValidationSize.Quick : ValidationSize.Full;
            var selected = Select(parse.GetValue(claims));
            var reportPath = parse.GetValue(report);
            var markdownPath = parse.GetValue(markdown);
            CheckExtension(reportPath, ".html", "--report");
            CheckExtension(markdownPath, ".md", "--markdown");
            if (reportPath is not null)
            {
                CliPaths.OutputFile("--report", reportPath, ExistingOutput.Replace);
            }
            if (markdownPath is not null)
            {
                CliPaths.OutputFile("--markdown", markdownPath, ExistingOutput.Replace);
            }
            var results = new List<ClaimResult>();
            foreach (var claim in selected)
            {
                results.Add(claim.Run(size));
            }
            if (reportPath is not null)
            {
                WriteAtomically("--report", reportPath, ValidationDocuments.Html(results, size, Version()));
            }
            if (markdownPath is not null)
            {
                WriteAtomically("--markdown", markdownPath, ValidationDocuments.Markdown(results, size));
            }
            if (parse.GetValue(json))
            {
                AnalyticCli.WriteJson(parse, new
                {
                    size = size.Name,
                    runsPerArm = size.Runs,
                    seed = size.Seed,
                    claims = results.Select(r => new
                    {
                        id = r.Id,
                        claim = r.Claim,
                        source = r.Source,
                        experiment = r.Experiment,
                        effectName = r.EffectName,
                        effect = r.Effect.Mean,
                        ci95 = new[] { r.Effect.Low, r.Effect.High },
                        passed = r.Passed,
                        details = r.Details,
                    }),
                });
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                var table = AnalyticCli.NewTable("id", "claim", "experiment", "effect [95% interval]", "verdict");
                foreach (var r in results)
                {
                    table.AddRow(new Markup(Markup.Escape(r.Id)), new Markup(Markup.Escape($"{r.Claim} ({r.Source})")),
                        new Markup(Markup.Escape(r.Experiment)),
                        new Markup(Markup.Escape(string.Create(inv, $"{r.EffectName}: {r.Effect.Mean:G4} [{r.Effect.Low:G4}, {r.Effect.High:G4}]; {r.Details}"))),
                        new Markup(r.Passed ? "reproduced" : "NOT reproduced"));
                }
                AnalyticCli.Write(parse, table);
                AnalyticCli.Out(parse).WriteLine($"{results.Count(r => r.Passed)} of {results.Count} claims reproduced ({size.Name}: {size.Runs} runs per arm, seed {size.Seed}).");
            }
            return results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static IReadOnlyList<Claim> Select(string? ids)
    {
        if (string.IsNullOrWhiteSpace(ids))
        {
            return Claims.All;
        }
        var list = new List<Claim>();
        foreach (var id in ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var claim = Claims.All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"--claims: unknown claim '{id}'; expected some of {string.Join(", ", Claims.All.Select(c => c.Id))}");
            list.Add(claim);
        }
        return list;
    }

    private static void CheckExtension(string? path, string extension, string option)
    {
        if (path is not null && !path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"{option} {path}: expected a file name ending in {extension}");
        }
    }

    private static void WriteAtomically(string option, string path, string text)
    {
        try
        {
            OutputPath.WriteAtomically(path, text);
        }
        catch (OutputPathException ex)
        {
            throw CliPaths.Usage(option, ex);
        }
    }

    private static string Version() =>
        typeof(ValidateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
