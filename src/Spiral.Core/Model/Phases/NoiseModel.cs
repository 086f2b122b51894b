namespace Spiral.Core.Model.Phases;

/// <summary>
/// The observation noise of phase 2, which the observer's likelihoods of phase 3 also assume: posture sd
/// σ(1-ω)(1-τ) + s_min, arming sd σ·k_arm·(1-τ) + a floor, given opacity 1-τ (Jervis 1976 on misperception;
/// Holst 1983 on transparency).
/// </summary>
internal readonly record struct NoiseModel(double PostureScale, double PostureFloor, double ArmingScale)
{
    /// <summary>Noise of the arming signal left with full transparency.</summary>
    private const double ArmingFloor = 0.005;

    public static NoiseModel Of(World w) =>
        new(w.ObservationNoise * (1 - w.Distinguishability), w.P.ObservationNoiseFloor, w.ObservationNoise * w.P.ArmingNoiseScale);

    public double Posture(double opacity) => PostureScale * opacity + PostureFloor;

    public double Arming(double opacity) => ArmingScale * opacity + ArmingFloor;
}
