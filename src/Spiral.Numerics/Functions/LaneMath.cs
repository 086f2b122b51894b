using System.Runtime.Intrinsics;

namespace Spiral.Numerics.Functions;

/// <summary>
/// Elementary functions in four lanes whose bits depend on nothing but their argument: only IEEE additions,
/// multiplications and integer operations on the bits, never a fused multiply-add, so the result is the same on every
/// processor (with or without FMA or AVX) and every .NET version, and a lane's result never depends on its neighbours.
/// .NET's own <see cref="Vector256.Exp(Vector256{double})"/> does not promise this: its polynomial is evaluated with
/// multiply-add estimates, fused where the processor can and not elsewhere.
/// </summary>
public static class LaneMath
{
    /// <summary>Largest |x| of the fast path: 2^k stays a normal number and the result neither overflows nor underflows.</summary>
    public const double ExpFastBound = 708.0;

    private const double InverseLn2 = 1.4426950408889634;
    // 1.5 · 2^52: adding it rounds a double of magnitude below 2^51 to an integer held in the low bits of the mantissa.
    private const double RoundingShifter = 6755399441055744.0;
    // ln 2 split in two (Cody and Waite 1980): the high part has 32 significant bits, so k · Ln2High is exact for
    // |k| < 2^21 and the reduced argument loses nothing to cancellation.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    /// <summary>
    /// e^x lane by lane, within two units in the last place of the correctly rounded result. Cody–Waite reduction
    /// x = k ln 2 + r with |r| ≲ ln 2 / 2 (Cody and Waite 1980; Muller 2016, "Elementary Functions", ch. 11), e^r by its
    /// Taylor polynomial of degree 13 written as 1 + (r + r² q(r)) (truncation below
    /// 5·10⁻¹⁸ relative), times 2^k built in the exponent bits. Lanes outside ±<see cref="ExpFastBound"/> (overflow,
    /// underflow, subnormal results, infinities, NaN) are computed one at a time by <see cref="Math.Exp(double)"/>.
    /// </summary>
    public static Vector256<double> Exp(Vector256<double> x)
    {
        if (!Vector256.LessThanOrEqualAll(Vector256.Abs(x), Vector256.Create(ExpFastBound)))
        {
            return ExpOneLaneAtATime(x);
        }
        var shifted = x * Vector256.Create(InverseLn2) + Vector256.Create(RoundingShifter);
        var k = shifted - Vector256.Create(RoundingShifter);
        var r = x - k * Vector256.Create(Ln2High) - k * Vector256.Create(Ln2Low);
        // q(r) = Σ_{n=2}^{13} rⁿ⁻² / n!, in Estrin's scheme (pairs, then r², r⁴, r⁸) so the dependent chain is short.
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var p0 = Vector256.Create(1.0 / 2) + Vector256.Create(1.0 / 6) * r;
        var p1 = Vector256.Create(1.0 / 24) + Vector256.Create(1.0 / 120) * r;
        var p2 = Vector256.Create(1.0 / 720) + Vector256.Create(1.0 / 5040) * r;
        var p3 = Vector256.Create(1.0 / 40320) + Vector256.Create(1.0 / 362880) * r;
        var p4 = Vector256.Create(1.0 / 3628800) + Vector256.Create(1.0 / 39916800) * r;
        var p5 = Vector256.Create(1.0 / 479001600) + Vector256.Create(1.0 / 6227020800) * r;
        var q = (p0 + p1 * r2) + (p2 + p3 * r2) * r4 + (p4 + p5 * r2) * r8;
        var expR = Vector256<double>.One + (r + r2 * q);
        // The integer k sits in the low bits of the shifted value; (bits + 1023) << 52 is 2^k's bit pattern because the
        // shifter's own bits vanish in the shift.
        var twoToK = ((shifted.AsUInt64() + Vector256.Create(1023UL)) << 52).AsDouble();
        return expR * twoToK;
    }

    private static Vector256<double> ExpOneLaneAtATime(Vector256<double> x) =>
        Vector256.Create(ExpOne(x[0]), ExpOne(x[1]), ExpOne(x[2]), ExpOne(x[3]));

    /// <summary>One lane's e^x: the fast path broadcast when |x| is within its bound, else <see cref="Math.Exp(double)"/>.</summary>
    private static double ExpOne(double x) => Math.Abs(x) <= ExpFastBound ? Exp(Vector256.Create(x)).ToScalar() : Math.Exp(x);
}
