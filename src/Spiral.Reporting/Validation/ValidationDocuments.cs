using System.Globalization;
using System.Net;
using System.Text;
using Spiral.Experiments.Validation;

namespace Spiral.Reporting.Validation;

/// <summary>Renders validation results as the Markdown page of docs/explanation/validation.md and as a self-contained HTML report.</summary>
public static class ValidationDocuments
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Interval(ClaimResult r) =>
        string.Create(Inv, $"{r.Effect.Mean:G4} [{r.Effect.Low:G4}, {r.Effect.High:G4}]");

    private static string Verdict(ClaimResult r) => r.Passed ? "reproduced" : "NOT reproduced";

    public static string Markdown(IReadOnlyList<ClaimResult> results, ValidationSize size)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Validation: the theory's claims as experiments");
        sb.AppendLine();
        sb.AppendLine("Each claim of the security-dilemma literature that Spiral models (DESIGN.md sections 2 and 5) is a paired");
        sb.AppendLine("experiment: the same seeds are run with and without the factor, so the effect is a per-run difference with a");
        sb.AppendLine("95% interval (normal approximation over runs; a paired bootstrap for ratios). A claim is reproduced when the");
        sb.AppendLine("interval lies on the predicted side, for every outcome the claim names. The experiments live once in");
        sb.AppendLine("`src/Spiral.Experiments/Validation/Claims.cs` and serve `spiral validate`, the tests (quick size) and this page.");
        sb.AppendLine();
        sb.AppendLine("Regenerate this page (the table below was written by the command, not typed):");
        sb.AppendLine();
        sb.AppendLine("```sh");
        sb.AppendLine("dotnet run -c Release --project src/Spiral.Cli -- validate --markdown docs/explanation/validation.md");
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine(string.Create(Inv, $"Latest results: {size.Name} size, {size.Runs} runs per arm, seed {size.Seed}; {results.Count(r => r.Passed)} of {results.Count} claims reproduced."));
        sb.AppendLine();
        sb.AppendLine("| id | claim | source | effect (95% interval) | verdict |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var r in results)
        {
            sb.AppendLine($"| {r.Id} | {Cell(r.Claim)} | {Cell(r.Source)} | {Cell(r.EffectName)}: {Interval(r)} | {Verdict(r)} |");
        }
        sb.AppendLine();
        sb.AppendLine("## The experiments");
        sb.AppendLine();
        foreach (var r in results)
        {
            sb.AppendLine($"### {r.Id}. {r.Claim}");
            sb.AppendLine();
            sb.AppendLine($"*Source:* {r.Source}.  ");
            sb.AppendLine($"*Experiment:* {r.Experiment}.  ");
            sb.AppendLine($"*Measured:* {r.EffectName} = {Interval(r)}; {r.Details}.  ");
            sb.AppendLine($"*Verdict:* {Verdict(r)}.");
            sb.AppendLine();
        }
        sb.AppendLine("## Readings and deviations");
        sb.AppendLine();
        sb.AppendLine("- **V3 and the arms race in the mixed worlds.** War probability follows Jervis's ordering. The arms-race index");
        sb.AppendLine("  is highest in the doubly dangerous world, but with greedy states present the doubly stable world arms at least as");
        sb.AppendLine("  much as the defense-dominant, indistinguishable one: where postures reveal intent, security-seekers identify the");
        sb.AppendLine("  greedy states and arm against them (deterrence, not a spiral). The claim is therefore tested on war probability");
        sb.AppendLine("  and on the doubly dangerous world's arms race; the mixed-world arms ordering is reported in the numbers above.");
        sb.AppendLine("- **Stylized defaults.** The model's constants are documented defaults (`ModelParameters`), not estimates; the");
        sb.AppendLine("  claims are about directions, and the numbers show magnitudes under those defaults.");
        return sb.ToString();
    }

    public static string Html(IReadOnlyList<ClaimResult> results, ValidationSize size, string version)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Spiral validation</title><style>");
        sb.Append("body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}");
        sb.Append("td,th{border:1px solid #bbb;padding:.4em .6em;vertical-align:top}th{background:#eee}.ok{color:#17652b;font-weight:bold}.no{color:#a40000;font-weight:bold}");
        sb.Append("</style></head><body>");
        sb.Append("<h1>Spiral: the theory's claims as experiments</h1>");
        sb.Append(string.Create(Inv, $"<p>{Enc(size.Name)} size: {size.Runs} runs per arm, seed {size.Seed}; Spiral {Enc(version)}. {results.Count(r => r.Passed)} of {results.Count} claims reproduced.</p>"));
        sb.Append("<table><tr><th>id</th><th>claim</th><th>source</th><th>experiment</th><th>effect (95% interval)</th><th>details</th><th>verdict</th></tr>");
        foreach (var r in results)
        {
            sb.Append($"<tr><td>{Enc(r.Id)}</td><td>{Enc(r.Claim)}</td><td>{Enc(r.Source)}</td><td>{Enc(r.Experiment)}</td>");
            sb.Append($"<td>{Enc(r.EffectName)}: {Enc(Interval(r))}</td><td>{Enc(r.Details)}</td>");
            sb.Append($"<td class=\"{(r.Passed ? "ok" : "no")}\">{Verdict(r)}</td></tr>");
        }
        sb.Append("</table></body></html>");
        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|");

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
