using System.Text.RegularExpressions;

namespace Spiral.Cli;

/// <summary>Plain-language parse errors and "did you mean" for mistyped commands and names.</summary>
internal static partial class Suggestions
{
    /// <summary>The closest candidate within a small edit distance (Levenshtein 1966), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var best = (Name: (string?)null, Distance: int.MaxValue);
        foreach (var c in candidates)
        {
            var d = Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < best.Distance)
            {
                best = (c, d);
            }
        }
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Name : null;
    }

    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } c ? $"; did you mean '{c}'?" : "";

    /// <summary>System.CommandLine's message with its .NET type name put in words.</summary>
    public static string Friendly(string message) => TypeName().Replace(message, m => "; expected " + (m.Groups[1].Value switch
    {
        "UInt64" => "a whole number from 0 to 18446744073709551615",
        "UInt32" => "a whole number from 0 to 4294967295",
        "Int32" => "a whole number from -2147483648 to 2147483647",
        "Int64" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number such as 0.5",
        "Boolean" => "true or false",
        var other => other,
    }));

    [GeneratedRegex(@"\s+as expected type 'System\.(?:Nullable`1\[)?(?:System\.)?(\w+)\]?'")]
    private static partial Regex TypeName();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
