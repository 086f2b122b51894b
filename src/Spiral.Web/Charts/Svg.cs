using System.Globalization;

namespace Spiral.Web.Charts;

/// <summary>What the explorer's own SVG drawings (the watched run's plots and world view) share.</summary>
public static class Svg
{
    /// <summary>A number for an SVG attribute (invariant, two decimals).</summary>
    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
