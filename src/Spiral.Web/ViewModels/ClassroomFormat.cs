using System.Globalization;

namespace Spiral.Web.ViewModels;

/// <summary>How the classroom pages write times, shares and names (presentation only).</summary>
public static class ClassroomFormat
{
    /// <summary>Minutes and seconds left until <paramref name="deadline"/>, "0:00" once it passed.</summary>
    public static string Countdown(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        return left <= TimeSpan.Zero ? "0:00" : $"{(int)left.TotalMinutes}:{left.Seconds:00}";
    }

    /// <summary>An enum or event name in words: LeadershipChange → "Leadership change", CbmProposed → "CBM proposed".</summary>
    public static string Words(string name) =>
        string.Join(' ', string.Concat(name.Select((c, k) => k > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()))
            .Split(' ').Select(w => w.Equals("cbm", StringComparison.OrdinalIgnoreCase) ? "CBM" : w));

    /// <summary>A share as a percentage with one decimal: 0.0234 → "2.3%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
