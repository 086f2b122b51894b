using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Spiral.IO.Store;

namespace Spiral.Cli.Tests.Experiments;

/// <summary>Runs only where Debian's <c>redis-server</c> is installed (<c>.ci/run</c> installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string RedisServer = "/usr/bin/redis-server";

    public RedisFactAttribute()
    {
        if (!File.Exists(RedisServer))
        {
            Skip = $"{RedisServer} is absent: `apt-get install redis-server` to run the cluster loopback test";
        }
    }
}

/// <summary>
/// Issue 17 on real processes over loopback: its own <c>redis-server</c>, <c>spiral silo</c> processes and
/// <c>spiral sweep --cluster</c>. The store's every table equals a local run's on 1 silo, on 3 silos, and on 3 silos
/// of which one, holding batches, is killed (SIGKILL) mid-sweep.
/// </summary>
public sealed class ClusterLoopbackTests : IDisposable
{
    /// <summary>4 points × 75 replications of the 6-state doubly dangerous world over 60 years: 300 runs, 30 batches of 10.</summary>
    private const string Sweep =
        "scenario: jervis-doubly-dangerous\nseed: 23\nreplications: 75\nsteps: 60\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 3]\n  - path: world.distinguishability\n    values: [0, 0.9]\n";

    private const int BatchRuns = 10;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spiral-loopback-");
    private readonly List<Process> _started = [];

    public void Dispose()
    {
        foreach (var p in _started)
        {
            try
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            p.Dispose();
        }
        _dir.Delete(true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["SPIRAL_PROGRESS_SECONDS"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var p = Process.Start(info)!;
        _started.Add(p);
        return p;
    }

    /// <summary>Reads a long-running process's standard error as it comes (a full pipe would stall it), keeping it for messages.</summary>
    private static System.Text.StringBuilder Drain(Process p)
    {
        var text = new System.Text.StringBuilder();
        p.ErrorDataReceived += (_, e) =>
        {
            lock (text)
            {
                text.AppendLine(e.Data);
            }
        };
        p.BeginErrorReadLine();
        return text;
    }

    private string StartRedis()
    {
        var port = FreePort();
        var redis = Start(RedisFactAttribute.RedisServer, ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        Drain(redis);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return $"redis://127.0.0.1:{port}";
            }
            catch (SocketException)
            {
                if (redis.HasExited)
                {
                    Assert.Fail($"redis-server exited ({redis.ExitCode}): {redis.StandardOutput.ReadToEnd()}");
                }
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException("redis-server did not listen within 30 s");
    }

    /// <summary>Starts <c>spiral silo</c> processes and waits until each printed its ready line; the last holds each batch <paramref name="lastHoldsMs"/>.</summary>
    private List<Process> StartSilos(string cluster, int count, int lastHoldsMs = 0)
    {
        var silos = Enumerable.Range(0, count).Select(k => Start("dotnet",
            ["exec", CliProcess.Dll(), "silo", "--cluster", cluster, "--port", FreePort().ToString(), "--gateway-port", FreePort().ToString(),
             "--threads", "1", "--address", "127.0.0.1"],
            k == count - 1 && lastHoldsMs > 0 ? new Dictionary<string, string> { ["SPIRAL_SILO_HOLD_BATCH_MS"] = lastHoldsMs.ToString() } : null)).ToList();
        foreach (var silo in silos)
        {
            var errors = Drain(silo);
            var ready = Task.Run(() => silo.StandardOutput.ReadLine());
            Assert.True(ready.Wait(TimeSpan.FromSeconds(120)), "a silo printed nothing within 120 s");
            Assert.True(ready.Result?.StartsWith("silo ready: ", StringComparison.Ordinal) == true, $"silo said '{ready.Result}': {errors}");
        }
        return silos;
    }

    /// <summary>Runs the sweep (locally without <paramref name="cluster"/>); calls <paramref name="onProgress"/> once, at the first progress line.</summary>
    private (IReadOnlyDictionary<string, string> Hashes, string Stderr) RunSweep(string name, string? cluster, Action? onProgress = null)
    {
        var file = Path.Combine(_dir.FullName, "loopback.yaml");
        File.WriteAllText(file, Sweep);
        var store = Path.Combine(_dir.FullName, name + ".duckdb");
        List<string> args = ["exec", CliProcess.Dll(), "sweep", file, "--out", store, "--series", "all", "--commit-ms", "0"];
        args.AddRange(cluster is null
            ? ["--threads", "2", "--chunk", BatchRuns.ToString()]
            : ["--cluster", cluster, "--batch-runs", BatchRuns.ToString(), "--batch-timeout", "20"]);
        using var sweep = Start("dotnet", args);
        var output = sweep.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        string? line;
        while ((line = sweep.StandardError.ReadLine()) is not null)
        {
            stderr.AppendLine(line);
            if (onProgress is not null && line.StartsWith("sweep: ", StringComparison.Ordinal) && !line.StartsWith("sweep: 0/", StringComparison.Ordinal))
            {
                onProgress();
                onProgress = null;
            }
        }
        sweep.WaitForExit();
        Assert.True(sweep.ExitCode == 0, $"sweep {name} exited {sweep.ExitCode}: {stderr}{output.Result}");
        using var reader = ResultsReader.Open(store);
        Assert.Equal(300, reader.RunCount());
        Assert.Equal(300, reader.Scalar<long>($"SELECT count(DISTINCT {StoreSchema.Runs.RunId}) FROM {StoreSchema.Runs.Table}"));
        return (reader.ContentHashes(), stderr.ToString());
    }

    private static void AssertSameStore(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, string what)
    {
        foreach (var table in StoreSchema.Tables)
        {
            Assert.True(expected[table] == actual[table], $"{what}: table {table} differs from the local run's");
        }
    }

    [RedisFact]
    public void SweepCluster_OneSiloThreeSilosAndOneKilled_EveryTableAsLocal()
    {
        var cluster = StartRedis();
        var local = RunSweep("local", null).Hashes;

        var silos = StartSilos(cluster, 1);
        AssertSameStore(local, RunSweep("one-silo", cluster).Hashes, "1 silo");

        silos.AddRange(StartSilos(cluster, 2));
        AssertSameStore(local, RunSweep("three-silos", cluster).Hashes, "3 silos");

        // The third silo leaves on SIGTERM (as on Ctrl+C); in its place comes one that holds every batch 10 minutes, so
        // that the sweep cannot end unless its batches run again elsewhere once it is killed.
        using (var term = Process.Start("kill", ["-TERM", silos[2].Id.ToString()]))
        {
            term.WaitForExit();
        }
        Assert.True(silos[2].WaitForExit(60_000) && silos[2].ExitCode == 0, "spiral silo stops cleanly on SIGTERM");
        silos[2] = StartSilos(cluster, 1, lastHoldsMs: 600_000)[0];
        var victim = silos[2];
        var (hashes, stderr) = RunSweep("killed", cluster, () => victim.Kill());
        Assert.True(victim.WaitForExit(10_000) && victim.ExitCode == 137, $"the silo was killed by SIGKILL (exit {(victim.HasExited ? victim.ExitCode : -1)})");
        Assert.Contains("sending them again", stderr);
        AssertSameStore(local, hashes, "3 silos, one killed mid-sweep");
    }
}
