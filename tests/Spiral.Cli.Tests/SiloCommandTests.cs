using static Spiral.Cli.Tests.CliTestRunner;
using Spiral.Cli;

namespace Spiral.Cli.Tests;

/// <summary>
/// <c>spiral silo</c> and <c>--cluster</c>: bad input is refused with one clear error before anything connects, starts or
/// writes (the cluster itself is tested in ClusterLoopbackTests and Spiral.Distributed.Tests).
/// </summary>
public class SiloCommandTests
{
    [Theory]
    [InlineData("silo --cluster http://127.0.0.1:6379", "--cluster 'http://127.0.0.1:6379' is not a Redis address")]
    [InlineData("silo --cluster redis://127.0.0.1:99999", "has no valid host and port; expected redis://HOST:PORT")]
    [InlineData("silo --cluster redis://127.0.0.1:0", "port 0 is outside 1..65535")]
    [InlineData("silo --cluster redis://127.0.0.1:6379/db", "has more than a host and a port")]
    [InlineData("silo --port 0", "--port 0: expected a port from 1 to 65535")]
    [InlineData("silo --gateway-port 70000", "--gateway-port 70000: expected a port from 1 to 65535")]
    [InlineData("silo --port 30000 --gateway-port 30000", "--gateway-port 30000: the same as --port; expected two different ports")]
    [InlineData("silo --address not-an-ip", "--address not-an-ip: not an IP address")]
    [InlineData("silo --threads -1", "--threads -1")]
    public void Silo_BadInput_ExitTwoWithOneClearError(string args, string expected)
    {
        var (code, output, err) = Run(args.Split(' '));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("silo ready", output);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--cluster", "redis:/127.0.0.1", "is not a Redis address")]
    [InlineData("--batch-runs", "0", "--batch-runs 0")]
    public void SweepCluster_BadInput_RefusedBeforeAnyStoreIsWritten(string option, string value, string expected)
    {
        var input = Directory.CreateTempSubdirectory("spiral-silo-cli-in-");
        var output = Directory.CreateTempSubdirectory("spiral-silo-cli-out-");
        try
        {
            var sweep = Path.Combine(input.FullName, "small.yaml");
            File.WriteAllText(sweep, "scenario: jervis-doubly-dangerous\nseed: 5\nreplications: 4\nsteps: 8\naxes:\n  - path: world.offenseAdvantage\n    values: [0.5, 3]\n");
            string[] cluster = option == "--cluster" ? [] : ["--cluster", "redis://127.0.0.1:1"];
            var (code, _, err) = Run(["sweep", sweep, "--out", Path.Combine(output.FullName, "fw.duckdb"), .. cluster, option, value]);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains(expected, err);
            Assert.Empty(output.GetFileSystemInfos());
        }
        finally
        {
            input.Delete(true);
            output.Delete(true);
        }
    }
}
