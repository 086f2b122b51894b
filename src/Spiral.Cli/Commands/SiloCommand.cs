using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spiral.Cli.Commands.Analytic;
using Spiral.Distributed;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>spiral silo</c>: hosts an Orleans silo that runs batches of sweeps and sensitivity analyses for
/// <c>--cluster</c> clients (docs/how-to/cluster.md), until Ctrl+C or SIGTERM.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var cluster = new Option<string>("--cluster")
        {
            Description = "The Redis server holding the cluster's membership.",
            DefaultValueFactory = _ => ClusterAddress.Local.ToString(),
            HelpName = "redis://HOST:PORT",
        };
        var port = new Option<int>("--port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => SiloSettings.DefaultSiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port that clients (spiral sweep --cluster) connect to.", DefaultValueFactory = _ => SiloSettings.DefaultGatewayPort };
        var threads = new Option<int>("--threads") { Description = "Worker threads per batch (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var address = new Option<string?>("--address") { Description = "The IP address other machines reach this silo at (default: this machine's first address).", HelpName = "IP" };
        var json = AnalyticCli.JsonOption();
        var command = new Command("silo", "Host an Orleans silo that runs sweep and sensitivity batches for `--cluster` clients, until Ctrl+C.")
        {
            cluster, port, gatewayPort, threads, address, json,
        };
        command.SetAction(parse =>
        {
            ClusterAddress membership;
            try
            {
                membership = ClusterAddress.Parse(parse.GetValue(cluster)!);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"--cluster {ex.Message}");
            }
            var siloPort = Port("--port", parse.GetValue(port));
            var clientPort = Port("--gateway-port", parse.GetValue(gatewayPort));
            if (siloPort == clientPort)
            {
                throw new UsageException($"--gateway-port {clientPort}: the same as --port; expected two different ports");
            }
            IPAddress? advertised = null;
            if (parse.GetValue(address) is { } text && !IPAddress.TryParse(text, out advertised))
            {
                throw new UsageException($"--address {text}: not an IP address; expected e.g. 10.0.0.5");
            }
            var settings = new SiloSettings(membership, siloPort, clientPort, RunnerArguments.Options(parse.GetValue(threads)), advertised,
                HoldHook());
            return Host(parse, settings, parse.GetValue(json));
        });
        return command;
    }

    /// <summary>
    /// A test hook for the cluster loopback test (tests/Spiral.Cli.Tests/Experiments/ClusterLoopbackTests.cs): with
    /// <c>SPIRAL_SILO_HOLD_BATCH_MS=N</c> the silo waits N ms before each batch, so that it surely holds work when the
    /// test kills it. Unset, nothing happens.
    /// </summary>
    private static TimeSpan HoldHook()
    {
        const string variable = "SPIRAL_SILO_HOLD_BATCH_MS";
        var text = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(text) ? TimeSpan.Zero
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                ? TimeSpan.FromMilliseconds(ms)
                : throw new UsageException($"{variable}='{text}': expected a whole number of milliseconds");
    }

    private static int Port(string option, int value) =>
        value is >= 1 and <= 65535 ? value : throw new UsageException($"{option} {value}: expected a port from 1 to 65535");

    private static int Host(ParseResult parse, SiloSettings settings, bool json)
    {
        try
        {
            SpiralCluster.PingRedisAsync(settings.Cluster).GetAwaiter().GetResult();
        }
        catch (ClusterException ex)
        {
            throw new UsageException($"--cluster {settings.Cluster}: {ex.Message}");
        }
        using var interrupt = Experiments.ProgressDisplay.CancelOnInterrupt();
        using var host = SpiralCluster.BuildSilo(settings);
        try
        {
            host.StartAsync(interrupt.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return Experiments.SweepCommand.Interrupted;
        }
        catch (Exception ex) when (ex is OrleansException or System.Net.Sockets.SocketException or InvalidOperationException or IOException)
        {
            parse.InvocationConfiguration.Error.WriteLine(
                $"error: the silo did not start (ports {settings.SiloPort}, {settings.GatewayPort}; cluster {settings.Cluster}): {ex.GetBaseException().Message}");
            return ExitCodes.Failure;
        }
        var silo = host.Services.GetRequiredService<ILocalSiloDetails>();
        var threads = settings.Runner.EffectiveThreads;
        if (json)
        {
            AnalyticCli.WriteJson(parse, new
            {
                status = "ready",
                silo = silo.SiloAddress.ToString(),
                gateway = silo.GatewayAddress?.ToString(),
                cluster = settings.Cluster.ToString(),
                threads,
            });
        }
        else
        {
            AnalyticCli.Out(parse).WriteLine(
                $"silo ready: {silo.SiloAddress.Endpoint} (gateway {silo.GatewayAddress?.Endpoint}) in cluster {settings.Cluster}, {threads} threads per batch; Ctrl+C stops it");
        }
        parse.InvocationConfiguration.Output.Flush();
        interrupt.Token.WaitHandle.WaitOne();
        try
        {
            host.StopAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or OrleansException)
        {
            // Stopping a silo whose cluster is gone: nothing is left to hand over.
        }
        if (!json)
        {
            AnalyticCli.Out(parse).WriteLine("silo stopped");
        }
        return ExitCodes.Ok;
    }
}
