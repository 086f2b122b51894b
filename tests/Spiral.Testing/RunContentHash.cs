using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Spiral.Core.Recording;

namespace Spiral.Testing;

/// <summary>
/// The content hash of recorded runs that the golden tests pin and the kernel benchmarks' bit-identity check prints:
/// every recorded array and event (dated by calendar year, so a change of step numbering is not a change of content).
/// </summary>
public static class RunContentHash
{
    /// <summary>Adds every recorded array, the true types and every event of <paramref name="record"/>'s last run.</summary>
    public static void Append(IncrementalHash sha, RunRecord record)
    {
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

    /// <summary>The first 16 hex digits of the SHA-256 so far.</summary>
    public static string Digest(IncrementalHash sha) => Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
}
