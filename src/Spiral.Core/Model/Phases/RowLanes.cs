using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Loads and stores of a row of dyads in four-lane vectors (Vector256), for the phases that update a whole observer row
/// at once (issue 18): a row's last, partial chunk (1 to 3 values) is padded on load and cut on store, so every dyad goes
/// through the same vector code whatever the number of states.
/// </summary>
internal static class RowLanes
{
    /// <summary>Lanes per vector (4 doubles).</summary>
    public static int Count => Vector256<double>.Count;

    /// <summary>Up to four values as a vector, the lanes past them set to <paramref name="padding"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ReadOnlySpan<double> values, double padding)
    {
        ref var first = ref MemoryMarshal.GetReference(values);
        return values.Length switch
        {
            4 => Vector256.LoadUnsafe(ref first),
            3 => Vector256.Create(values[0], values[1], values[2], padding),
            2 => Vector256.Create(values[0], values[1], padding, padding),
            _ => Vector256.Create(values[0], padding, padding, padding),
        };
    }

    /// <summary>The first <c>destination.Length</c> (1 to 4) lanes of <paramref name="values"/> into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> values, Span<double> destination)
    {
        if (destination.Length == Vector256<double>.Count)
        {
            values.StoreUnsafe(ref MemoryMarshal.GetReference(destination));
            return;
        }
        for (var lane = 0; lane < destination.Length; lane++)
        {
            destination[lane] = values.GetElement(lane);
        }
    }

    /// <summary>Math.Clamp(x, low, high) lane by lane: low below it, high above it, a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Clamp(Vector256<double> x, Vector256<double> low, Vector256<double> high) =>
        Vector256.ConditionalSelect(Vector256.LessThan(x, low), low, Vector256.ConditionalSelect(Vector256.GreaterThan(x, high), high, x));

    /// <summary>Math.Max(0, x) lane by lane: +0 for x ≤ 0 (either zero), x above, NaN kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaxZero(Vector256<double> x) =>
        Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, Vector256<double>.Zero), Vector256<double>.Zero, x);
}
