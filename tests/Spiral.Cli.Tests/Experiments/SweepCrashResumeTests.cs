using System.Diagnostics;
using Spiral.IO.Store;

namespace Spiral.Cli.Tests.Experiments;

/// <summary>
/// DESIGN.md section 9 and issue 4 item 5: a sweep killed with SIGKILL at several points and resumed ends with every
/// run exactly once and the same rows as an uninterrupted sweep. Runs the real CLI as a child process.
/// </summary>
public sealed class SweepCrashResumeTests : IDisposable
{
    private const string Sweep = "scenario: jervis-doubly-dangerous\nseed: 9\nreplications: 40\nsteps: 12\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 1, 3]\n  - path: world.distinguishability\n    values: [0, 0.9]\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-crash-");

    public void Dispose() => _dir.Delete(true);

    /// <summary>The built CLI: beside the tests when its runtimeconfig was copied, else in src/Spiral.Cli/bin of the same configuration.</summary>
    private static string CliDll()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "spiral.dll")) && File.Exists(Path.Combine(here, "spiral.runtimeconfig.json")))
        {
            return Path.Combine(here, "spiral.dll");
        }
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(dir!.FullName, "src", "Spiral.Cli", "bin", configuration, "net10.0", "spiral.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("built CLI not found", dll);
    }

    private static Process Start(string file, string store, bool resume)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", CliDll(), "sweep", file, "--out", store, "--threads", "2", "--chunk", "8", "--series", "all" })
        {
            info.ArgumentList.Add(a);
        }
        if (resume)
        {
            info.ArgumentList.Add("--resume");
        }
        info.Environment["SPIRAL_PROGRESS_SECONDS"] = "0";
        return Process.Start(info)!;
    }

    /// <summary>Starts a sweep and kills it (SIGKILL) once its progress passed <paramref name="afterRuns"/> runs (0 = at once).</summary>
    private static void RunAndKill(string file, string store, int afterRuns)
    {
        using var p = Start(file, store, resume: true);
        if (afterRuns > 0)
        {
            string? line;
            while ((line = p.StandardError.ReadLine()) is not null)
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (line.StartsWith("sweep: ", StringComparison.Ordinal) && slash > colon &&
                    long.TryParse(line[(colon + 2)..slash].Replace(",", "", StringComparison.Ordinal), out var done) && done >= afterRuns)
                {
                    break;
                }
            }
        }
        try
        {
            p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already finished
        }
        p.WaitForExit();
    }

    private static int RunToEnd(string file, string store, bool resume)
    {
        using var p = Start(file, store, resume);
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr.Result);
        return p.ExitCode;
    }

    [Fact]
    public void Sweep_KilledAtSeveralPointsThenResumed_SameRowsAsUninterrupted()
    {
        var file = Path.Combine(_dir.FullName, "crash.yaml");
        File.WriteAllText(file, Sweep);
        var whole = Path.Combine(_dir.FullName, "whole.duckdb");
        var killed = Path.Combine(_dir.FullName, "killed.duckdb");
        RunToEnd(file, whole, resume: false);

        foreach (var afterRuns in new[] { 0, 40, 110, 180 })
        {
            RunAndKill(file, killed, afterRuns);
        }
        if (File.Exists(killed))
        {
            using var partial = ResultsReader.Open(killed);
            Assert.InRange(partial.RunCount(), 0, 240);
            Assert.Equal(0, partial.RunCount() % 8 == 0 || partial.RunCount() == 240 ? 0 : 1);
        }
        RunToEnd(file, killed, resume: true);

        using var a = ResultsReader.Open(whole);
        using var b = ResultsReader.Open(killed);
        Assert.Equal(240, b.RunCount());
        Assert.Equal(240, b.Scalar<long>("SELECT count(DISTINCT run_id) FROM runs"));
        foreach (var table in new[] { StoreSchema.Runs.Table, StoreSchema.RunStates.Table, StoreSchema.Series.Table, StoreSchema.Events.Table, StoreSchema.Points.Table })
        {
            Assert.Equal(a.ContentHash(table), b.ContentHash(table));
        }
    }
}
