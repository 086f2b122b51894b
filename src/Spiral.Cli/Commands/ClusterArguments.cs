using System.CommandLine;
using Spiral.Distributed;

namespace Spiral.Cli.Commands;

/// <summary>
/// <c>--cluster redis://HOST:PORT</c> of <c>spiral sweep</c> and <c>spiral sensitivity</c>: the options, and the
/// connection made before anything is written (a bad address, an unreachable Redis or a cluster without a silo is one
/// usage error, exit 2).
/// </summary>
internal sealed class ClusterArguments
{
    private readonly Option<string?> _cluster = new("--cluster")
    {
        Description = "Run on the silos of the Orleans cluster whose membership is in this Redis (start them with `spiral silo`); results come back here. See docs/how-to/cluster.md.",
        HelpName = "redis://HOST:PORT",
    };

    private readonly Option<int> _batchRuns = new("--batch-runs")
    {
        Description = "With --cluster: runs per batch sent to a silo.",
        DefaultValueFactory = _ => ClusterRunOptions.Default.BatchRuns,
        Hidden = true,
    };

    private readonly Option<double> _batchTimeout = new("--batch-timeout")
    {
        Description = "With --cluster: seconds a batch may take before it is sent to another silo.",
        DefaultValueFactory = _ => ClusterRunOptions.DefaultBatchTimeout.TotalSeconds,
        Hidden = true,
    };

    public IEnumerable<Option> Options => [_cluster, _batchRuns, _batchTimeout];

    /// <summary>The cluster named by <c>--cluster</c>, connected, with its executor; null without <c>--cluster</c>.</summary>
    /// <exception cref="UsageException">A bad address or option, Redis unreachable, or no silo.</exception>
    public ClusterSession? Connect(ParseResult parse)
    {
        if (parse.GetValue(_cluster) is not { } text)
        {
            return null;
        }
        ClusterAddress address;
        ClusterRunOptions options;
        try
        {
            address = ClusterAddress.Parse(text);
            var seconds = parse.GetValue(_batchTimeout);
            if (!(seconds is > 0 and <= 86_400))
            {
                throw new UsageException($"--batch-timeout {seconds}: expected seconds from 0 (exclusive) to 86400");
            }
            options = new ClusterRunOptions(parse.GetValue(_batchRuns), BatchTimeout: TimeSpan.FromSeconds(seconds)).Validated();
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--cluster {ex.Message}");
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException($"--batch-runs {ex.ActualValue}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
        try
        {
            var connection = SpiralCluster.ConnectAsync(address, options.BatchTimeout).GetAwaiter().GetResult();
            var error = parse.InvocationConfiguration.Error;
            return new ClusterSession(address, connection, connection.Executor(options, message => error.WriteLine($"cluster: {message}")));
        }
        catch (ClusterException ex)
        {
            throw new UsageException($"--cluster {address}: {ex.Message}");
        }
    }
}

/// <summary>A connected cluster and the executor that runs on it; dispose to leave the cluster.</summary>
internal sealed record ClusterSession(ClusterAddress Address, ClusterConnection Connection, ClusterExecutor Executor) : IDisposable
{
    public void Dispose() => Connection.Dispose();
}
