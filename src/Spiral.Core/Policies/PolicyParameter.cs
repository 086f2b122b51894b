using System.Globalization;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Policies;

/// <summary>
/// One parameter of a policy as scenario files name it (<c>policy.parameters</c>), declared once beside the
/// policy's options record.
/// </summary>
/// <param name="Name">camelCase name, as in scenario files.</param>
/// <param name="Default">The options record's default.</param>
/// <param name="Min">Smallest valid value (inclusive).</param>
/// <param name="Max">Largest valid value (inclusive).</param>
/// <param name="IsInteger">True when only whole numbers are valid.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Source">Author and year of the mechanism the parameter sets.</param>
/// <param name="Meaning">One line in plain language.</param>
public sealed record PolicyParameter(
    string Name,
    double Default,
    double Min,
    double Max,
    bool IsInteger,
    string Unit,
    string Source,
    string Meaning)
{
    /// <summary>Null when <paramref name="value"/> is valid for this parameter, else what was expected.</summary>
    public string? Check(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!IsInteger || value == Math.Floor(value))
            ? null
            : $"{Name} must be {(IsInteger ? "a whole number" : "a number")} in [{Format(Min)}, {Format(Max)}], not {Format(value)}";

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The parameters of one policy's options record <typeparamref name="TOptions"/>: each one's metadata, its default
/// read from a default-constructed record, and how a value is written into the record. Reads a
/// <see cref="PolicySpec"/> into the record by these declarations alone.
/// </summary>
internal sealed class PolicyOptions<TOptions> where TOptions : new()
{
    private static readonly TOptions Defaults = new();
    private readonly string _source;
    private readonly List<(PolicyParameter Parameter, Func<TOptions, double, TOptions> Set)> _options = [];
    private readonly List<PolicyParameter> _parameters = [];

    /// <param name="source">Source of the parameters that name none of their own (the policy's).</param>
    public PolicyOptions(string source) => _source = source;

    public IReadOnlyList<PolicyParameter> Parameters => _parameters;

    /// <summary>A real-valued parameter.</summary>
    public PolicyOptions<TOptions> Real(string name, Func<TOptions, double> get, Func<TOptions, double, TOptions> set,
        double min, double max, string unit, string meaning, string? source = null) =>
        Add(new PolicyParameter(name, get(Defaults), min, max, false, unit, source ?? _source, meaning), set);

    /// <summary>A whole-number parameter.</summary>
    public PolicyOptions<TOptions> Integer(string name, Func<TOptions, int> get, Func<TOptions, int, TOptions> set,
        int min, int max, string unit, string meaning, string? source = null) =>
        Add(new PolicyParameter(name, get(Defaults), min, max, true, unit, source ?? _source, meaning), (o, v) => set(o, (int)v));

    /// <summary>A yes/no parameter, written 0 or 1.</summary>
    public PolicyOptions<TOptions> Flag(string name, Func<TOptions, bool> get, Func<TOptions, bool, TOptions> set,
        string meaning, string? source = null) =>
        Add(new PolicyParameter(name, get(Defaults) ? 1 : 0, 0, 1, true, "0 or 1", source ?? _source, meaning), (o, v) => set(o, v == 1));

    /// <summary>The posture a fixed-posture policy holds (Hawk, Dove).</summary>
    public PolicyOptions<TOptions> FixedPosture(Func<TOptions, double> get, Func<TOptions, double, TOptions> set) =>
        Real("posture", get, set, 0, 1, "share", "offensive share of new military investment it holds");

    /// <summary>
    /// The options of <paramref name="spec"/>: defaults, overridden by each parameter the spec gives. A parameter
    /// the policy does not take, or a value outside its range or not whole where it must be, is an error: nothing
    /// is truncated or clamped.
    /// </summary>
    public TOptions Read(PolicySpec spec)
    {
        foreach (var name in spec.Parameters.Keys)
        {
            if (!_parameters.Exists(p => p.Name == name))
            {
                throw new ArgumentException(_parameters.Count == 0
                    ? $"policy {spec.Name}: unknown parameter '{name}'; it takes no parameters"
                    : $"policy {spec.Name}: unknown parameter '{name}'; expected one of {string.Join(", ", _parameters.Select(p => p.Name))}");
            }
        }
        var options = Defaults;
        foreach (var (parameter, set) in _options)
        {
            if (spec.Parameters.TryGetValue(parameter.Name, out var value))
            {
                if (parameter.Check(value) is { } problem)
                {
                    throw new ArgumentException($"policy {spec.Name}: {problem}");
                }
                options = set(options, value);
            }
        }
        return options;
    }

    private PolicyOptions<TOptions> Add(PolicyParameter parameter, Func<TOptions, double, TOptions> set)
    {
        _options.Add((parameter, set));
        _parameters.Add(parameter);
        return this;
    }
}
