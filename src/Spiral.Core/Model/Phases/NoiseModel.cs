using System.Runtime.Intrinsics;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// The observation noise of phase 2, which the observer's likelihoods of phase 3 also assume: posture sd
/// σ(1-ω)(1-τ) + s_min, arming sd (of the change of log burden) σ·k_arm·(1-τ) + a floor, given opacity 1-τ
/// (Jervis 1976 on misperception; Holst 1983 on transparency).
/// </summary>
internal readonly record struct NoiseModel(double PostureScale, double PostureFloor, double ArmingScale)
{
    /// <summary>Noise of the arming signal left with full transparency.</summary>
    private const double ArmingFloor = 0.005;

    public static NoiseModel Of(World w) =>
        new(w.ObservationNoise * (1 - w.Distinguishability), w.P.ObservationNoiseFloor, w.ObservationNoise * w.P.ArmingNoiseScale);

    /// <summary>
    /// The noise of the institutional report (Keohane 1984: institutions provide information): posture sd
    /// r·σ(1-ι) + s_min and arming sd r·σ·k_arm(1-ι) + the arming floor, with r the report's noise per unit of σ. The
    /// arming term keeps k_arm, the scale that turns σ into the units of a burden change, as private observation does.
    /// Read with <c>opacity</c> 1 (<see cref="Posture(double)"/>, <see cref="Arming(double)"/>).
    /// </summary>
    public static NoiseModel InstitutionalReport(World w)
    {
        var scale = w.P.InstitutionalReportNoise * w.ObservationNoise * (1 - w.Institutions);
        return new(scale, w.P.ObservationNoiseFloor, scale * w.P.ArmingNoiseScale);
    }

    public double Posture(double opacity) => PostureScale * opacity + PostureFloor;

    public double Arming(double opacity) => ArmingScale * opacity + ArmingFloor;

    /// <summary><see cref="Posture(double)"/> in four lanes (the same IEEE operations, so the same bits).</summary>
    public Vector256<double> Posture(Vector256<double> opacity) => Vector256.Create(PostureScale) * opacity + Vector256.Create(PostureFloor);

    /// <summary><see cref="Arming(double)"/> in four lanes (the same IEEE operations, so the same bits).</summary>
    public Vector256<double> Arming(Vector256<double> opacity) => Vector256.Create(ArmingScale) * opacity + Vector256.Create(ArmingFloor);
}
