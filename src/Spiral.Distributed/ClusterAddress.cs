using System.Globalization;

namespace Spiral.Distributed;

/// <summary>Where the cluster's membership lives: a Redis server, written <c>redis://HOST:PORT</c>.</summary>
public sealed record ClusterAddress(string Host, int Port)
{
    public const int DefaultPort = 6379;

    /// <summary>The address a silo uses when none is given: Redis on this machine.</summary>
    public static ClusterAddress Local { get; } = new("127.0.0.1", DefaultPort);

    /// <summary>Parses <c>redis://HOST:PORT</c> (the port may be left out: 6379).</summary>
    /// <exception cref="FormatException">Anything else, with what was expected.</exception>
    public static ClusterAddress Parse(string text)
    {
        const string expected = "expected redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{text}' is not a Redis address; {expected}");
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"'{text}' has no valid host and port; {expected}");
        }
        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new FormatException($"'{text}' has more than a host and a port; {expected}");
        }
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        if (port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}': port {port.ToString(CultureInfo.InvariantCulture)} is outside 1..65535; {expected}");
        }
        return new ClusterAddress(uri.Host, port);
    }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string Endpoint => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => "redis://" + Endpoint;
}
