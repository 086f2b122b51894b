namespace Spiral.Core.Parameters;

/// <summary>
/// Declares a scenario parameter where it lives (a property of <see cref="ModelParameters"/>, <see cref="WorldParameters"/>,
/// a state, a dyad, an alliance or the scenario itself): its valid range, unit, source and meaning. The property's name is
/// the parameter's name (camelCase in files and paths), its type says real or integer, its initializer is the default.
/// <see cref="ParameterCatalog"/> reads these declarations; nothing else restates them.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ScenarioParameterAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    public bool MinExclusive { get; init; }
    public bool MaxExclusive { get; init; }
    public string Unit { get; init; } = "";
    public string Source { get; init; } = "";
    public string Meaning { get; init; } = "";
    /// <summary>For an optional value: what an unset value means (e.g. "the dyad's reach").</summary>
    public string Unset { get; init; } = "";
    /// <summary>
    /// A behavioural constant: how states perceive, update and decide (not a measurement convention, an economic or
    /// physical quantity, or a rate read off data). Validation draws these over their ranges to test a claim's
    /// robustness (docs/explanation/validation.md).
    /// </summary>
    public bool Behavioural { get; init; }
}
