namespace Spiral.Core.Parameters;

/// <summary>
/// The structural parameters of the international system that a scenario sets (DESIGN.md section 3).
/// </summary>
/// <param name="OffenseAdvantage">β: worth of an offensive capability against a defensive one in the contest that decides a war; 1 neutral, &gt; 1 offense favoured (Jervis 1978).</param>
/// <param name="Distinguishability">ω in [0,1]: how well an observer can tell an offensive from a defensive posture (Jervis 1978).</param>
/// <param name="Institutions">ι in [0,1]: multilateral engagement that shares information and pulls beliefs toward the truth; 0 is pure anarchy (Herz 1950; Keohane 1984).</param>
/// <param name="ObservationNoise">σ ≥ 0: noise of observing others' posture and arming: the uncertainty of intentions (Butterfield 1951; Jervis 1976).</param>
/// <param name="Depreciation">μ in [0,1): yearly depreciation of military stocks.</param>
/// <param name="IncidentBaseRate">λ0 ≥ 0: yearly incident rate of a fully exposed dyad at neutral posture and no rivalry.</param>
public sealed record WorldParameters(
    double OffenseAdvantage = 1.0,
    double Distinguishability = 0.5,
    double Institutions = 0.0,
    double ObservationNoise = 0.5,
    double Depreciation = 0.08,
    double IncidentBaseRate = 0.15);
