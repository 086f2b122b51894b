using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Golden;

/// <summary>
/// Golden outputs: content hashes of the raw recorded rows (series, beliefs, events, types) of canonical runs of
/// three library scenarios. A refactor must leave them unchanged; a deliberate model change updates them in the
/// commit that changes the model, and says so.
/// </summary>
public sealed class GoldenRunTests
{
    [Theory]
    [InlineData("jervis-doubly-dangerous", "2c52e0c41607afea")]
    [InlineData("india-china-lac", "bfa10991e1aacc99")]
    [InlineData("anglo-german-naval-race", "8a670ac401e070a6")]
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
            foreach (var a in new[] { record.Gdp, record.MilitaryShare, record.Milex, record.Offense, record.Defense,
                         record.Posture, record.Security, record.InternalThreat, record.Belief })
            {
                sha.AppendData(MemoryMarshal.AsBytes(a.AsSpan()));
            }
            foreach (var g in record.IsGreedy)
            {
                sha.AppendData([g ? (byte)1 : (byte)0]);
            }
            foreach (var e in record.Events.Items)
            {
                sha.AppendData(BitConverter.GetBytes(e.Year));
                sha.AppendData(BitConverter.GetBytes((int)e.Kind));
                sha.AppendData(BitConverter.GetBytes(e.Actor));
                sha.AppendData(BitConverter.GetBytes(e.Target));
                sha.AppendData(BitConverter.GetBytes(e.Rung));
                sha.AppendData(BitConverter.GetBytes(e.Value));
                sha.AppendData(BitConverter.GetBytes((int)e.Concept));
                sha.AppendData([e.Mid, e.Scripted ? (byte)1 : (byte)0, (byte)e.Route]);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
