using System.Globalization;
using Spiral.Core.Parameters;

namespace Spiral.Web.Services;

/// <summary>
/// One control of the Scenario page: the parameter path it sets (a path of <see cref="ParameterCatalog"/>, with
/// <c>A</c>, <c>B</c> or <c>NAME</c> standing for the dyad's or state's names) and the range it offers. The range is
/// the classroom's window inside the catalog's (never wider); a link's <c>?set=</c> is held to the same window.
/// </summary>
public sealed record ExplorerControl(string Path, string Label, double Min, double Max, double Step, string? Help = null)
{
    /// <summary>The last segment of the path, e.g. <c>offenseAdvantage</c> or <c>hotline</c>.</summary>
    public string Field => Path[(Path.LastIndexOf('.') + 1)..];
}

/// <summary>The Scenario page's controls and the check of a link's <c>?set=PATH=VALUE</c> against them.</summary>
public static class ExplorerControls
{
    public static IReadOnlyList<ExplorerControl> World { get; } =
    [
        new("world.offenseAdvantage", "Offense advantage β", 0.2, 5, 0.1, "1 = neutral; above 1 offense is favoured"),
        new("world.distinguishability", "Distinguishability ω", 0, 1, 0.05, "how well offensive and defensive postures can be told apart"),
        new("world.observationNoise", "Observation noise σ", 0, 3, 0.05, "the uncertainty of intentions"),
        new("world.institutions", "Institutions ι", 0, 1, 0.05, "0 = pure anarchy"),
        new("states[*].empathy", "Empathy (every state)", 0, 1, 0.05, "how much of a rival's arming a state sees as a reaction to its own"),
    ];

    public static IReadOnlyList<ExplorerControl> Dyad { get; } =
    [
        new("dyads[A,B].rivalry", "rivalry", 0, 1, 0.05),
        new("dyads[A,B].transparency", "transparency", 0, 1, 0.05),
        new("dyads[A,B].hotline", "hotline", 0, 1, 0.1),
    ];

    public static IReadOnlyList<ExplorerControl> State { get; } =
    [
        new("states[NAME].greedProbability", "greed probability", 0, 1, 0.05),
        new("states[NAME].internalThreat", "internal threat", 0, 1, 0.05),
        new("states[NAME].developmentPriority", "development priority", 0, 1, 0.05),
    ];

    /// <summary>The control whose path has the same scope and field as <paramref name="path"/>, or null (a path the page has no control for).</summary>
    public static ExplorerControl? For(string path)
    {
        var p = path.Trim();
        var field = p[(p.LastIndexOf('.') + 1)..];
        if (p.StartsWith("dyads[", StringComparison.Ordinal))
        {
            return Dyad.FirstOrDefault(c => c.Field == field);
        }
        if (p.StartsWith("states[", StringComparison.Ordinal))
        {
            return State.Concat(World).FirstOrDefault(c => c.Path.StartsWith("states[", StringComparison.Ordinal) && c.Field == field && !p.Contains("].policy", StringComparison.Ordinal));
        }
        var world = p.StartsWith("world.", StringComparison.Ordinal) ? p : "world." + p;
        return World.FirstOrDefault(c => c.Path == world);
    }

    /// <summary>
    /// Checks a link's assignments: the catalog checks path and value (<see cref="ParameterCatalog.SetAll"/>), then a
    /// value outside the range of the control that shows it is refused too, so a link never sets what the page could
    /// not show. Returns the scenario with the assignments applied.
    /// </summary>
    /// <exception cref="ScenarioPathException">An unknown path, a bad value, or a value outside the control's range.</exception>
    public static Spiral.Core.Scenarios.Scenario ApplyLink(Spiral.Core.Scenarios.Scenario scenario, IEnumerable<string> assignments)
    {
        foreach (var a in assignments)
        {
            scenario = ParameterCatalog.SetAll(scenario, [a]);
            var eq = a.IndexOf('=');
            if (For(a[..eq]) is { } control && double.TryParse(a[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                && (v < control.Min || v > control.Max))
            {
                throw new ScenarioPathException(
                    $"'{a[..eq]}': {Format(v)} is outside the explorer's range for {control.Label}, {Format(control.Min)} to {Format(control.Max)}.");
            }
        }
        return scenario;
    }

    public static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Whole numbers read from a link's query, with one sentence for a bad one.</summary>
public static class LinkValues
{
    /// <summary>The value of <paramref name="raw"/>, or <paramref name="fallback"/> when absent; an error sentence for anything but a whole number from 0 to <paramref name="max"/>.</summary>
    public static (long Value, string? Error) Whole(string name, string? raw, long fallback, long max, long min = 0)
    {
        if (raw is null)
        {
            return (fallback, null);
        }
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? (v, null)
            : (fallback, $"In the link, {name} must be a whole number from {min} to {max} (got '{raw}').");
    }
}
