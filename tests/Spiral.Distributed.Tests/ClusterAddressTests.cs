namespace Spiral.Distributed.Tests;

public sealed class ClusterAddressTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6379", "127.0.0.1", 6379)]
    [InlineData("redis://cluster-head:7000/", "cluster-head", 7000)]
    [InlineData(" REDIS://10.0.0.5 ", "10.0.0.5", 6379)]
    public void Parse_RedisUrl_HostAndPort(string text, string host, int port)
    {
        Assert.Equal(new ClusterAddress(host, port), ClusterAddress.Parse(text));
    }

    [Theory]
    [InlineData("127.0.0.1:6379", "is not a Redis address")]
    [InlineData("http://127.0.0.1:6379", "is not a Redis address")]
    [InlineData("redis://", "has no valid host and port")]
    [InlineData("redis://host:6379/0", "more than a host and a port")]
    [InlineData("redis://user:pw@host:6379", "more than a host and a port")]
    [InlineData("redis://host:99999", "has no valid host and port")]
    public void Parse_Malformed_SaysWhatAndExpected(string text, string what)
    {
        var ex = Assert.Throws<FormatException>(() => ClusterAddress.Parse(text));
        Assert.Contains(what, ex.Message);
        Assert.Contains("expected redis://HOST:PORT", ex.Message);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var address = new ClusterAddress("10.1.2.3", 6380);
        Assert.Equal(address, ClusterAddress.Parse(address.ToString()));
    }
}
