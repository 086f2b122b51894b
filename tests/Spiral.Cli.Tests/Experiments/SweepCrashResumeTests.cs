using System.Diagnostics;
using Spiral.IO.Store;

namespace Spiral.Cli.Tests.Experiments;

/// <summary>
/// DESIGN.md section 9, issue 4 item 5 and issue 14: a sweep killed with SIGKILL at 20 points (before, inside and
/// right after a commit through the writer's <c>SPIRAL_STORE_KILL_AT_COMMIT</c> hook, and at timed moments) and then
/// resumed ends with every table identical to an uninterrupted sweep. Runs the real CLI as a child process.
/// </summary>
public sealed class SweepCrashResumeTests : IDisposable
{
    private const string Sweep = "scenario: jervis-doubly-dangerous\nseed: 9\nreplications: 40\nsteps: 10\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 1, 3]\n  - path: world.distinguishability\n    values: [0, 0.9]\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-crash-");

    public void Dispose() => _dir.Delete(true);

    private static Process Start(string file, string store, bool resume, string? killAt = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", CliProcess.Dll(), "sweep", file, "--out", store, "--threads", "2", "--chunk", "4", "--commit-ms", "0", "--series", "all" })
        {
            info.ArgumentList.Add(a);
        }
        if (resume)
        {
            info.ArgumentList.Add("--resume");
        }
        info.Environment["SPIRAL_PROGRESS_SECONDS"] = "0";
        if (killAt is not null)
        {
            info.Environment["SPIRAL_STORE_KILL_AT_COMMIT"] = killAt;
        }
        return Process.Start(info)!;
    }

    /// <summary>Resumes the sweep and lets the writer's hook kill it at commit <paramref name="killAt"/> (N:D).</summary>
    private static void RunUntilHook(string file, string store, string killAt)
    {
        using var p = Start(file, store, resume: true, killAt);
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 137, $"hook {killAt}: exit {p.ExitCode}, expected SIGKILL (137): {stderr.Result}");
    }

    /// <summary>Resumes the sweep and kills it (SIGKILL) once its progress passed <paramref name="afterRuns"/> more runs (0 = at once).</summary>
    private static void RunAndKill(string file, string store, int afterRuns)
    {
        using var p = Start(file, store, resume: true);
        long? first = null;
        if (afterRuns > 0)
        {
            string? line;
            while ((line = p.StandardError.ReadLine()) is not null)
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (line.StartsWith("sweep: ", StringComparison.Ordinal) && slash > colon &&
                    long.TryParse(line[(colon + 2)..slash].Replace(",", "", StringComparison.Ordinal), out var done))
                {
                    first ??= done;
                    if (done - first >= afterRuns)
                    {
                        break;
                    }
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

    private static void RunToEnd(string file, string store, bool resume)
    {
        using var p = Start(file, store, resume);
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr.Result);
    }

    private static IReadOnlyDictionary<string, string> Hashes(string store)
    {
        using var r = ResultsReader.Open(store);
        return r.ContentHashes();
    }

    [Fact]
    public void Sweep_KilledAtTwentyPointsThenResumed_EveryTableAsUninterrupted()
    {
        var file = Path.Combine(_dir.FullName, "crash.yaml");
        File.WriteAllText(file, Sweep);
        var whole = Path.Combine(_dir.FullName, "whole.duckdb");
        var killed = Path.Combine(_dir.FullName, "killed.duckdb");
        RunToEnd(file, whole, resume: false);

        // 60 chunks of 4 runs, one commit each. 14 kills by the hook: before DuckDB commits (-2), right after (-1), and
        // 0-3 ms into the commit; 6 timed kills: at start-up and after a few more runs were reported.
        string[] hooks = ["1:-2", "2:0", "1:-1", "2:1", "1:2", "3:-2", "1:0", "2:-1", "1:3", "2:2", "1:-2", "1:1", "2:0", "1:-1"];
        int[] timed = [0, 4, 12, 0, 8, 20];
        var kills = 0;
        for (var k = 0; k < hooks.Length; k++)
        {
            RunUntilHook(file, killed, hooks[k]);
            kills++;
            if (k % 2 == 1 && kills - k - 1 < timed.Length)
            {
                RunAndKill(file, killed, timed[kills - k - 1]);
                kills++;
            }
        }
        Assert.Equal(20, kills);
        using (var partial = ResultsReader.Open(killed))
        {
            // Whole chunks only, and not yet finished: the resume below has work left.
            Assert.InRange(partial.RunCount(), 4, 236);
            Assert.Equal(0, partial.RunCount() % 4);
        }
        RunToEnd(file, killed, resume: true);

        using (var b = ResultsReader.Open(killed))
        {
            Assert.Equal(240, b.RunCount());
        }
        var expected = Hashes(whole);
        var actual = Hashes(killed);
        foreach (var table in StoreSchema.Tables)
        {
            Assert.True(expected[table] == actual[table], $"table {table} differs after 20 kills and a resume");
        }
        Assert.False(File.Exists(killed + ResultsStoreWriter.WalSuffix), "a clean exit checkpoints the write-ahead log");
    }
}
