using Spiral.Core.Model;

namespace Spiral.Core.Tests.Model;

public class ContestTests
{
    [Theory]
    [InlineData(100, 50, 2.0, 1.0, 0.8)]
    [InlineData(100, 100, 1.0, 1.0, 0.5)]
    [InlineData(0, 0, 1.0, 1.0, 0.0)]
    [InlineData(10, 0, 0.5, 1.0, 1.0)]
    [InlineData(100, 50, 2.0, 2.0, 40000.0 / 42500.0)]
    public void AttackerWins_KnownValues(double o, double d, double beta, double gamma, double expected) =>
        Assert.Equal(expected, Contest.AttackerWins(o, d, beta, gamma), 12);

    [Fact]
    public void FirstStrikeAdvantage_PositiveUnderOffenseDominance_NegativeUnderDefense()
    {
        Assert.True(Contest.FirstStrikeAdvantage(100, 100, 100, 100, 2.5, 1) > 0);
        Assert.True(Contest.FirstStrikeAdvantage(100, 100, 100, 100, 0.6, 1) < 0);
        Assert.Equal(0.0, Contest.FirstStrikeAdvantage(100, 100, 100, 100, 1.0, 1), 12);
    }
}
