using System.Text.RegularExpressions;
using Spiral.Cli.Tests.Analytic;
using Spiral.IO.Scenarios;
using Spiral.Numerics.Random;

namespace Spiral.Cli.Tests.Fuzz;

/// <summary>
/// A mutation fuzzer over the library's scenarios: each mutant (a number replaced by an extreme, a line deleted,
/// duplicated or cut, a value replaced by junk) must either load, or be rejected with every error located
/// (file:line:column); an accepted mutant must run, and its <c>--json</c> must hold no NaN or Infinity.
/// The count is <c>SPIRAL_FUZZ_MUTANTS</c> (default 240 here; run 3,000 or more by hand).
/// </summary>
public sealed partial class ScenarioFuzzTests : IDisposable
{
    private static readonly string[] Extremes =
        ["0", "-1", "1", "2.5", "1e308", "-1e308", "1e-308", "1e10", "99999999999999999999999", ".nan", ".inf", "-.inf",
         "0.5", "1000", "1001", "44", "45", "2013.0", "2.0e3", "-0.0", "0x10"];

    private static readonly string[] Junk = ["abc", "[", "{", "~", "-", "[[[[[[", "&a x", "*a", "''", "[1, 2]", "{a: 1}", "!!binary AAAA", "|"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-fuzz-");

    public void Dispose() => _dir.Delete(true);

    [GeneratedRegex(@"(?<![\w.])-?\d+(\.\d+)?([eE][-+]?\d+)?(?![\w.])")]
    private static partial Regex NumberToken();

    internal static string Mutate(string text, ref RandomStream rng)
    {
        var lines = text.Split('\n').ToList();
        switch (rng.NextInt(5))
        {
            case 0:
            {
                var numbers = NumberToken().Matches(text);
                if (numbers.Count == 0)
                {
                    goto default;
                }
                var m = numbers[rng.NextInt(numbers.Count)];
                return text[..m.Index] + Extremes[rng.NextInt(Extremes.Length)] + text[(m.Index + m.Length)..];
            }
            case 1:
                lines.RemoveAt(rng.NextInt(lines.Count));
                return string.Join('\n', lines);
            case 2:
            {
                var k = rng.NextInt(lines.Count);
                lines.Insert(k, lines[k]);
                return string.Join('\n', lines);
            }
            case 3:
            {
                var k = rng.NextInt(lines.Count);
                var colon = lines[k].IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0)
                {
                    goto default;
                }
                lines[k] = lines[k][..(colon + 2)] + Junk[rng.NextInt(Junk.Length)];
                return string.Join('\n', lines);
            }
            default:
                return text[..rng.NextInt(text.Length + 1)];
        }
    }

    [Fact]
    public void Mutants_OfEveryLibraryScenario_NeverCrashAndAreLocatedOrRunClean()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SPIRAL_FUZZ_MUTANTS"), out var n) ? n : 240;
        var rng = RandomStream.Derive(20261129, 0, "fuzz");
        var names = ScenarioLibrary.Names;
        var (accepted, rejected) = (0, 0);
        var problems = new List<string>();
        for (var k = 0; k < count && problems.Count < 5; k++)
        {
            var name = names[k % names.Count];
            var mutant = ScenarioLibrary.Text(name);
            var rounds = 1 + rng.NextInt(3);
            for (var r = 0; r < rounds; r++)
            {
                mutant = Mutate(mutant, ref rng);
            }
            var file = Path.Combine(_dir.FullName, $"m{k}.yaml");
            File.WriteAllText(file, mutant);
            var (scenario, errors) = ScenarioLoader.TryLoadText(mutant, file);
            if (errors.Count > 0)
            {
                rejected++;
                if (errors.Any(e => e.Line <= 0 || e.Message.Length == 0))
                {
                    problems.Add($"mutant {k} of {name}: an unlocated error: {string.Join(" | ", errors)}");
                }
                var cli = CliRunner.Run("scenarios", "validate", file);
                if (cli.ExitCode != 2 || !cli.Error.Contains($"{file}:", StringComparison.Ordinal))
                {
                    problems.Add($"mutant {k} of {name}: validate exit {cli.ExitCode}: {cli.Error}");
                }
                continue;
            }
            accepted++;
            var steps = Math.Min(scenario!.Steps, 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var run = CliRunner.Run("run", file, "--runs", "2", "--threads", "1", "--steps", steps, "--json");
            if (run.ExitCode != 0)
            {
                problems.Add($"mutant {k} of {name}: accepted but run exit {run.ExitCode}: {run.Error}");
            }
            else if (run.Output.Contains("NaN", StringComparison.Ordinal) || run.Output.Contains("Infinity", StringComparison.Ordinal))
            {
                problems.Add($"mutant {k} of {name}: NaN or Infinity in --json:\n{mutant}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(accepted > count / 10 && rejected > count / 10, $"accepted {accepted}, rejected {rejected}: the mutations are too weak or too strong to test both paths");
    }
}
