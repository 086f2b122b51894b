using System.Globalization;
using Spiral.Cli.Tests.Analytic;
using Spiral.IO.Scenarios;
using Spiral.IO.Sweeps;
using Spiral.Numerics.Random;

namespace Spiral.Cli.Tests.Fuzz;

/// <summary>
/// Issue 14: a mutation fuzzer over the shipped sweep files (sweeps/*.yaml), with the mutations of
/// <see cref="ScenarioFuzzTests"/>. Each mutant must load, or be rejected with every error located (file:line:column)
/// by the loader and by <c>spiral sweep</c> (exit 2, nothing written); an accepted mutant, cut to one replication of
/// 3 steps, must run through <c>spiral sweep --json</c> with no NaN or Infinity in its output. The count is
/// <c>SPIRAL_FUZZ_MUTANTS</c> (default 150 here; run 3,000 or more by hand).
/// </summary>
public sealed class SweepFuzzTests : IDisposable
{
    /// <summary>Accepted mutants of more points than this are checked by the loader only (the run would be slow, not different).</summary>
    private const int MaxPointsToRun = 120;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-sweepfuzz-");

    public void Dispose() => _dir.Delete(true);

    [Fact]
    public void Mutants_OfEveryShippedSweep_NeverCrashAndAreLocatedOrRunClean()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SPIRAL_FUZZ_MUTANTS"), out var n) ? n : 150;
        var files = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot(), "sweeps"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var rng = RandomStream.Derive(20261130, 0, "sweep-fuzz");
        var (accepted, rejected, ran) = (0, 0, 0);
        var problems = new List<string>();
        for (var k = 0; k < count && problems.Count < 5; k++)
        {
            var source = files[k % files.Length];
            var mutant = File.ReadAllText(source);
            var rounds = 1 + rng.NextInt(3);
            for (var r = 0; r < rounds; r++)
            {
                mutant = ScenarioFuzzTests.Mutate(mutant, ref rng);
            }
            var file = Path.Combine(_dir.FullName, $"m{k}.yaml");
            File.WriteAllText(file, mutant);
            var store = Path.Combine(_dir.FullName, $"m{k}.duckdb");
            LoadedSweep loaded;
            try
            {
                loaded = SweepLoader.LoadText(mutant, file, Path.GetDirectoryName(source), $"m{k}");
            }
            catch (ScenarioException ex)
            {
                rejected++;
                if (ex.Errors.Count == 0 || ex.Errors.Any(e => e.Line <= 0 || e.Message.Length == 0))
                {
                    problems.Add($"mutant {k} of {Path.GetFileName(source)}: an unlocated error: {ex.Message}");
                }
                // The CLI reads the mutant from the temporary folder, so a scenario given as a relative file is looked up there.
                var cli = CliRunner.Run("sweep", file, "--out", store, "--series", "none", "--json");
                if (cli.ExitCode != 2 || !cli.Error.Contains($"{file}:", StringComparison.Ordinal) || File.Exists(store))
                {
                    problems.Add($"mutant {k} of {Path.GetFileName(source)}: sweep exit {cli.ExitCode}: {cli.Error}");
                }
                continue;
            }
            catch (Exception ex)
            {
                problems.Add($"mutant {k} of {Path.GetFileName(source)}: the loader crashed: {ex}\n{mutant}");
                continue;
            }
            accepted++;
            if (loaded.Experiment().PointCount > MaxPointsToRun)
            {
                continue;
            }
            var small = string.Join('\n', mutant.Split('\n').Where(l => !l.StartsWith("replications:", StringComparison.Ordinal) && !l.StartsWith("steps:", StringComparison.Ordinal)))
                .TrimEnd() + "\nreplications: 1\nsteps: 3\n";
            File.WriteAllText(file, small);
            var run = CliRunner.Run("sweep", file, "--out", store, "--series", "none", "--threads", "1", "--json");
            if (run.ExitCode == 2 && run.Error.Contains($"{file}:", StringComparison.Ordinal) && !File.Exists(store))
            {
                continue;
            }
            ran++;
            if (run.ExitCode != 0)
            {
                problems.Add($"mutant {k} of {Path.GetFileName(source)}: accepted but sweep exit {run.ExitCode}: {run.Error}\n{small}");
            }
            else if (run.Output.Contains("NaN", StringComparison.Ordinal) || run.Output.Contains("Infinity", StringComparison.Ordinal))
            {
                problems.Add($"mutant {k} of {Path.GetFileName(source)}: NaN or Infinity in --json:\n{small}");
            }
            File.Delete(store);
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(accepted > count / 10 && rejected > count / 10 && ran > 0,
            string.Create(CultureInfo.InvariantCulture, $"accepted {accepted}, rejected {rejected}, ran {ran}: the mutations are too weak or too strong to test both paths"));
    }
}
