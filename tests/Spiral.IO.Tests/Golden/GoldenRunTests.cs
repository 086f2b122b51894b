using System.Security.Cryptography;
using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.IO.Scenarios;
using Spiral.Testing;

namespace Spiral.IO.Tests.Golden;

/// <summary>
/// Golden outputs: content hashes of the raw recorded rows (series, beliefs, events, types) of canonical runs of
/// three library scenarios. A refactor must leave them unchanged; a deliberate model change updates them in the
/// commit that changes the model, and says so.
/// </summary>
public sealed class GoldenRunTests
{
    [Theory]
    [InlineData("jervis-doubly-dangerous", "36142af40311c14d")]
    [InlineData("india-china-lac", "63b21eb1d8b9caa6")]
    [InlineData("anglo-german-naval-race", "aa022cda66d2312c")]
    public void Simulation_CanonicalRuns_MatchPinnedContentHash(string scenario, string expected)
    {
        Assert.Equal(expected, Hash(scenario, seed: 20240601, runs: 24));
    }

    /// <summary>SHA-256 (first 16 hex digits) of every recorded array and event (dated by calendar year, so a change of step numbering is not a change of content) of runs 0..runs-1.</summary>
    internal static string Hash(string name, ulong seed, int runs)
    {
        var scenario = ScenarioLoader.LoadLibrary(name);
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var k = 0; k < runs; k++)
        {
            Simulation.Run(scenario, seed, k, record);
            RunContentHash.Append(sha, record);
        }
        return RunContentHash.Digest(sha);
    }
}
