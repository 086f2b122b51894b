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
        var quick = new Option<bool>("--quick") { Description = $"Small sample ({ValidationSize.Quick.Runs} runs per arm, {ValidationSize.Quick.Draws} robustness draws, seed {ValidationSize.Quick.Seed}) as in CI; default is the full size ({ValidationSize.Full.Runs} runs, {ValidationSize.Full.Draws} draws, seed {ValidationSize.Full.Seed})." };
        var claims = new Option<string?>("--claims") { Description = "Only these claims, e.g. V1,V6.", HelpName = "IDS" };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report.", HelpName = "FILE.html" };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the Markdown page (docs/explanation/validation.md).", HelpName = "FILE.md" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("validate", "Test the theory's claims as experiments with minimum effects, robustness draws, placebos, negative controls and the Holm correction; exit 1 if any claim fails.")
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
            var results = Validator.Run(selected, size);
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
                    robustnessDraws = size.Draws,
                    runsPerDraw = size.DrawRuns,
                    seed = size.Seed,
                    multiplicity = "holm",
                    familyAlpha = Validator.FamilyAlpha,
                    requiredRobustness = Validator.RequiredRobustness,
                    claims = results.Select(r => new
                    {
                        id = r.Id,
                        claim = r.Claim,
                        source = r.Source,
                        experiment = r.Experiment,
                        effectName = r.EffectName,
                        effect = r.Effect.Mean,
                        ci95 = new[] { r.Effect.Low, r.Effect.High },
                        minimumEffect = r.MinimumEffect,
                        minimumEffectReason = r.MinimumEffectReason,
                        pValue = r.PValue,
                        holmPValue = r.HolmPValue,
                        robustness = r.Robustness,
                        placebo = new { design = r.Placebo, effect = r.PlaceboEffect.Mean, ci95 = new[] { r.PlaceboEffect.Low, r.PlaceboEffect.High }, clean = r.PlaceboClean },
                        negativeControl = new { design = r.NegativeControl, effect = r.NegativeControlEffect.Mean, ci95 = new[] { r.NegativeControlEffect.Low, r.NegativeControlEffect.High }, fails = r.NegativeControlFails },
                        passed = r.Passed,
                        failures = r.Failures,
                        details = r.Details,
                    }),
                });
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                var table = AnalyticCli.NewTable("id", "claim", "effect [95% interval]", "minimum", "Holm p", "robustness", "placebo", "negative control", "verdict");
                foreach (var r in results)
                {
                    table.AddRow(new Markup(Markup.Escape(r.Id)), new Markup(Markup.Escape($"{r.Claim} ({r.Source})")),
                        new Markup(Markup.Escape($"{r.EffectName}: {ValidationDocuments.Interval(r.Effect)}; {r.Details}")),
                        new Markup(Markup.Escape(r.MinimumEffect.ToString("G4", inv))),
                        new Markup(Markup.Escape(r.HolmPValue.ToString("G3", inv))),
                        new Markup(Markup.Escape(ValidationDocuments.Robustness(r))),
                        new Markup(Markup.Escape($"{ValidationDocuments.Interval(r.PlaceboEffect)} ({(r.PlaceboClean ? "clean" : "EFFECT")})")),
                        new Markup(Markup.Escape($"{ValidationDocuments.Interval(r.NegativeControlEffect)} ({(r.NegativeControlFails ? "fails" : "STILL HOLDS")})")),
                        new Markup(Markup.Escape(ValidationDocuments.Verdict(r))));
                }
                AnalyticCli.Write(parse, table);
                AnalyticCli.Out(parse).WriteLine($"{results.Count(r => r.Passed)} of {results.Count} claims hold ({size.Name}: {size.Runs} runs per arm, {size.Draws} robustness draws of {size.DrawRuns} runs, seed {size.Seed}; Holm across claims).");
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
