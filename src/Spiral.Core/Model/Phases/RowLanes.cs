using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Loads and stores of a row of dyads in four-lane vectors (Vector256), for the phases that update a whole observer row
/// at once (issue 18): a row's last, partial chunk is padded on load and cut on store, so every dyad goes through the
/// same vector code whatever the number of states.
/// </summary>
internal static class RowLanes
{
    /// <summary>Lanes per vector (4 doubles).</summary>
    public static int Count => Vector256<double>.Count;

    /// <summary>Up to four values as a vector, the lanes past them set to <paramref name="padding"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ReadOnlySpan<double> values, double padding) =>
        values.Length == Vector256<double>.Count ? Vector256.Create(values) : LoadPadded(values, padding);

    /// <summary>The first <c>destination.Length</c> lanes of <paramref name="values"/> into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> values, Span<double> destination)
    {
        if (destination.Length == Vector256<double>.Count)
        {
            values.CopyTo(destination);
        }
        else
        {
            StorePart(values, destination);
        }
    }

    /// <summary>Math.Max(0, x) lane by lane: +0 for x ≤ 0 (either zero), x above, NaN kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaxZero(Vector256<double> x) =>
        Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, Vector256<double>.Zero), Vector256<double>.Zero, x);

    private static Vector256<double> LoadPadded(ReadOnlySpan<double> values, double padding)
    {
        Span<double> padded = stackalloc double[Vector256<double>.Count];
        padded.Fill(padding);
        values.CopyTo(padded);
        return Vector256.Create((ReadOnlySpan<double>)padded);
    }

    private static void StorePart(Vector256<double> values, Span<double> destination)
    {
        Span<double> all = stackalloc double[Vector256<double>.Count];
        values.CopyTo(all);
        all[..destination.Length].CopyTo(destination);
    }
}
