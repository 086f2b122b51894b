namespace Spiral.Core.Parameters;

/// <summary>
/// The structural parameters of the international system that a scenario sets (DESIGN.md section 3).
/// </summary>
public sealed record WorldParameters(
    [property: ScenarioParameter(0, 100, MinExclusive = true, Unit = "ratio", Source = "Jervis 1978",
        Meaning = "β: worth of an offensive capability against a defensive one in the contest that decides a war; 1 neutral, > 1 offense favoured.")]
    double OffenseAdvantage = 1.0,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Jervis 1978",
        Meaning = "ω: how well an observer can tell an offensive from a defensive posture.")]
    double Distinguishability = 0.5,
    [property: ScenarioParameter(0, 1, Unit = "share", Source = "Herz 1950; Keohane 1984",
        Meaning = "ι: multilateral engagement that shares information about members' behaviour; 0 is pure anarchy.")]
    double Institutions = 0.0,
    [property: ScenarioParameter(0, 10, Unit = "sd", Source = "Butterfield 1951; Jervis 1976",
        Meaning = "σ: noise of observing others' posture and arming: the uncertainty of intentions.")]
    double ObservationNoise = 0.5,
    [property: ScenarioParameter(0, 1, MinExclusive = true, MaxExclusive = true, Unit = "share per year", Source = "Spiral v1 default, not yet estimated",
        Meaning = "μ: yearly depreciation of military stocks (the initial stocks are the steady state m·Y/μ, so μ > 0).")]
    double Depreciation = 0.08,
    [property: ScenarioParameter(0, 100, Unit = "incidents per year", Source = "Spiral v1 default, not yet estimated",
        Meaning = "λ0: yearly incident rate of a fully exposed dyad at neutral posture and no rivalry.")]
    double IncidentBaseRate = 0.15);
