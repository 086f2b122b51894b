using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Spiral.Experiments.Running;
using StackExchange.Redis;

namespace Spiral.Distributed;

/// <summary>What <c>spiral silo</c> hosts.</summary>
/// <param name="Cluster">The Redis server holding the membership.</param>
/// <param name="SiloPort">Port for silo-to-silo traffic.</param>
/// <param name="GatewayPort">Port clients connect to.</param>
/// <param name="Runner">The runner's options for a batch (threads).</param>
/// <param name="Advertise">The address other machines reach this silo at (default: this machine's first address).</param>
/// <param name="HoldEachBatch">A wait before each batch (a test hook: a silo that is surely busy when it is killed).</param>
public sealed record SiloSettings(ClusterAddress Cluster, int SiloPort, int GatewayPort, RunnerOptions Runner, IPAddress? Advertise = null,
    TimeSpan HoldEachBatch = default)
{
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
}

/// <summary>
/// The Orleans cluster of Spiral (DESIGN.md section 12): silos and clients of one service id, membership in Redis
/// (Microsoft.Orleans.Clustering.Redis), run-batch grains on the silos.
/// </summary>
public static class SpiralCluster
{
    public const string ClusterId = "spiral";
    public const string ServiceId = "spiral";

    /// <summary>How long a client waits for a silo's gateway before it gives up.</summary>
    private static readonly TimeSpan GatewayTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long connecting to Redis may take before it counts as unreachable.</summary>
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Registers what a silo needs to run batches (used by <see cref="BuildSilo"/> and by in-process test clusters).</summary>
    public static ISiloBuilder AddRunBatches(this ISiloBuilder silo, BatchRunnerSettings settings)
    {
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton<ExperimentCache>();
        return silo;
    }

    /// <summary>A silo host (not started) with Redis membership; warnings and errors are logged to stderr.</summary>
    public static IHost BuildSilo(SiloSettings settings) =>
        new HostBuilder()
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter((category, level) => level >= (category == "Orleans.Runtime.Silo" ? LogLevel.Error : LogLevel.Warning))
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .UseOrleans(silo =>
            {
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(settings.Cluster));
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                });
                if (settings.Advertise is { } address)
                {
                    silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort);
                }
                silo.AddRunBatches(new BatchRunnerSettings(settings.Runner, settings.HoldEachBatch));
            })
            .Build();

    /// <summary>
    /// Connects a client to the cluster whose membership is at <paramref name="address"/>: checks that Redis answers and
    /// that at least one silo is active, else throws one clear <see cref="ClusterException"/>.
    /// </summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress address, TimeSpan responseTimeout, CancellationToken cancel = default)
    {
        await PingRedisAsync(address);
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(address));
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                });
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout + TimeSpan.FromSeconds(5));
                // Learn soon of silos that joined or died (the default is once a minute).
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            })
            .Build();
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            connecting.CancelAfter(GatewayTimeout);
            try
            {
                await host.StartAsync(connecting.Token);
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested)
            {
                host.Dispose();
                var reason = ex is OperationCanceledException ? $"no gateway answered within {GatewayTimeout.TotalSeconds:0} s" : ex.GetBaseException().Message;
                throw new ClusterException($"no silo answers in the cluster at {address} ({reason}); start one with `spiral silo --cluster {address}`", ex);
            }
        }
        var connection = new ClusterConnection(host, host.Services.GetRequiredService<IClusterClient>());
        try
        {
            var silos = await connection.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(responseTimeout, cancel);
            if (silos.Count == 0)
            {
                throw new ClusterException($"no silo is active in the cluster at {address}; start one with `spiral silo --cluster {address}`");
            }
            connection.Silos = silos.Count;
            return connection;
        }
        catch (Exception ex) when (ex is not (ClusterException or OperationCanceledException))
        {
            await connection.DisposeAsync();
            throw new ClusterException($"no silo answers in the cluster at {address}: {ex.GetBaseException().Message}; start one with `spiral silo --cluster {address}`", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws a <see cref="ClusterException"/> unless Redis answers a PING at <paramref name="address"/>.</summary>
    public static async Task PingRedisAsync(ClusterAddress address)
    {
        try
        {
            using var redis = await ConnectionMultiplexer.ConnectAsync(RedisOptions(address));
            await redis.GetDatabase().PingAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            var reason = ex.GetBaseException().Message.Split(". ", 2)[0].Trim().TrimEnd('.');
            throw new ClusterException($"cannot reach Redis at {address} ({reason}); start it with `redis-server --port {address.Port}`, or give --cluster redis://HOST:PORT of a running one", ex);
        }
    }

    private static ConfigurationOptions RedisOptions(ClusterAddress address)
    {
        var options = ConfigurationOptions.Parse(address.Endpoint);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)RedisTimeout.TotalMilliseconds;
        options.ConnectRetry = 1;
        return options;
    }
}

/// <summary>A client connected to the cluster; dispose it to leave.</summary>
public sealed class ClusterConnection(IHost host, IClusterClient client) : IAsyncDisposable, IDisposable
{
    public IClusterClient Client => client;

    /// <summary>Silos active when the connection was made.</summary>
    public int Silos { get; internal set; }

    /// <summary>An executor that runs experiments on this cluster.</summary>
    public ClusterExecutor Executor(ClusterRunOptions options, Action<string>? log = null) => new(client, options, TimeProvider.System, log);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OrleansException)
        {
            // Leaving a cluster that is already gone.
        }
        host.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
