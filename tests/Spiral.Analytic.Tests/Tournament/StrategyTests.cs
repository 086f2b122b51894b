using Spiral.Analytic.Tournament;
using Spiral.Analytic.Tournament.Strategies;

namespace Spiral.Analytic.Tests.Tournament;

public class StrategyTests
{
    private const string Script = "CDDCCDCD";

    [Theory]
    [InlineData(nameof(TitForTat), "CCDDCCDC")]
    [InlineData(nameof(SuspiciousTitForTat), "DCDDCCDC")]
    [InlineData(nameof(TitForTwoTats), "CCCDCCCC")]
    [InlineData(nameof(Grudger), "CCDDDDDD")]
    [InlineData(nameof(WinStayLoseShift), "CCDCCCDD")]
    [InlineData(nameof(Alternator), "CDCDCDCD")]
    [InlineData(nameof(AlwaysCooperate), "CCCCCCCC")]
    [InlineData(nameof(AlwaysDefect), "DDDDDDDD")]
    [InlineData(nameof(Grit), "CCDDCCDC")]
    [InlineData(nameof(Prober), "DCCDCCDC")]
    public void Next_AgainstScript_PlaysPinnedSequence(string strategy, string expected)
    {
        Assert.Equal(expected, Moves.Of(StrategyCatalog.Create(strategy), new Scripted(Script), 8));
    }

    [Theory]
    [InlineData(nameof(TitForTat), "CDDDDDDD")]
    [InlineData(nameof(TitForTwoTats), "CCDDDDDD")]
    [InlineData(nameof(WinStayLoseShift), "CDCDCDCD")]
    [InlineData(nameof(Grit), "CDDCDDCD")]
    [InlineData(nameof(Grudger), "CDDDDDDD")]
    [InlineData(nameof(Joss), "CDDDDDDD")]
    public void Next_AgainstAlwaysDefect_PlaysPinnedSequence(string strategy, string expected)
    {
        Assert.Equal(expected, Moves.Of(StrategyCatalog.Create(strategy), new AlwaysDefect(), 8));
    }

    [Theory]
    [InlineData(nameof(Prober), "DCCDDDDD")]
    [InlineData(nameof(SuspiciousTitForTat), "DCCCCCCC")]
    [InlineData(nameof(GenerousTitForTat), "CCCCCCCC")]
    public void Next_AgainstAlwaysCooperate_PlaysPinnedSequence(string strategy, string expected)
    {
        Assert.Equal(expected, Moves.Of(StrategyCatalog.Create(strategy), new AlwaysCooperate(), 8));
    }

    [Fact]
    public void Next_TitForTwoTatsAgainstAlternatingDefector_NeverDefects()
    {
        Assert.Equal(new string('C', 10), Moves.Of(new TitForTwoTats(), new Scripted("DC"), 10));
    }

    [Fact]
    public void Next_GenerousTitForTatAgainstAlwaysDefect_ForgivesAboutOneThird()
    {
        var moves = Moves.Of(new GenerousTitForTat(), new AlwaysDefect(), 30_001, seed: 11);
        var forgiven = moves.Skip(1).Count(m => m == 'C') / 30_000.0;
        Assert.Equal(1.0 / 3.0, forgiven, 1);
    }

    [Fact]
    public void Next_RandomPlayer_CooperatesAboutHalfTheTime()
    {
        var moves = Moves.Of(new RandomPlayer(), new AlwaysCooperate(), 20_000, seed: 3);
        Assert.Equal(0.5, moves.Count(m => m == 'C') / 20_000.0, 1);
    }

    [Fact]
    public void Next_JossAgainstAlwaysCooperate_DefectsAboutOneTenth()
    {
        var moves = Moves.Of(new Joss(), new AlwaysCooperate(), 20_000, seed: 9);
        Assert.Equal(0.1, moves.Count(m => m == 'D') / 20_000.0, 1);
    }

    [Fact]
    public void GenerosityFor_StandardPayoffs_IsOneThird()
    {
        Assert.Equal(1.0 / 3.0, GenerousTitForTat.GenerosityFor(PdPayoffs.Standard), 12);
    }

    [Fact]
    public void Traits_EveryCatalogueStrategy_CitesASource()
    {
        Assert.All(StrategyCatalog.Names, n => Assert.False(string.IsNullOrWhiteSpace(StrategyCatalog.Create(n).Traits.Source)));
    }

    [Theory]
    [InlineData("tft", nameof(TitForTat))]
    [InlineData("Pavlov", nameof(WinStayLoseShift))]
    [InlineData("grim", nameof(Grudger))]
    [InlineData("alwaysdefect", nameof(AlwaysDefect))]
    public void Resolve_AliasesAndCase_GiveCanonicalName(string input, string expected)
    {
        Assert.Equal(expected, StrategyCatalog.Resolve(input));
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsListingKnownStrategies()
    {
        var ex = Assert.Throws<ModelInputException>(() => StrategyCatalog.Resolve("Nice"));
        Assert.Contains("TitForTat", ex.Message);
    }
}
