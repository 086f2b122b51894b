using Spiral.Analytic.Tournament;
using Spiral.Analytic.Tournament.Strategies;
using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tests.Tournament;

public class MatchTests
{
    private static MatchOutcome Play(Strategy a, Strategy b, MatchSettings? settings = null, ulong seed = 0)
    {
        var random = new RandomStream(seed);
        return Match.Play(a, b, settings ?? new MatchSettings(), ref random);
    }

    [Fact]
    public void Play_TitForTatVsAlwaysDefect200Turns_Scores199Vs204()
    {
        var o = Play(new TitForTat(), new AlwaysDefect());
        Assert.Equal(199, o.ScoreA);
        Assert.Equal(204, o.ScoreB);
        Assert.Equal(-1, o.Winner);
    }

    [Fact]
    public void Play_TitForTatVsTitForTat200Turns_Scores600Each()
    {
        var o = Play(new TitForTat(), new TitForTat());
        Assert.Equal(600, o.ScoreA);
        Assert.Equal(600, o.ScoreB);
        Assert.Equal(200, o.CooperationsA);
    }

    [Theory]
    [InlineData(nameof(Grudger), nameof(AlwaysDefect), 199, 204)]
    [InlineData(nameof(AlwaysCooperate), nameof(AlwaysDefect), 0, 1000)]
    [InlineData(nameof(WinStayLoseShift), nameof(AlwaysDefect), 100, 600)]
    [InlineData(nameof(TitForTat), nameof(SuspiciousTitForTat), 500, 500)]
    [InlineData(nameof(TitForTwoTats), nameof(Alternator), 300, 800)]
    [InlineData(nameof(Grit), nameof(AlwaysDefect), 133, 468)]
    public void Play_Deterministic200Turns_StandardScores(string a, string b, double scoreA, double scoreB)
    {
        var o = Play(StrategyCatalog.Create(a), StrategyCatalog.Create(b));
        Assert.Equal(scoreA, o.ScoreA);
        Assert.Equal(scoreB, o.ScoreB);
    }

    [Fact]
    public void Play_NoiseOne_TitForTatPairAlternatesPerceivedDefection()
    {
        var o = Play(new TitForTat(), new TitForTat(), new MatchSettings(Turns: 10, Noise: 1));
        Assert.Equal(5, o.CooperationsA);
    }

    [Fact]
    public void Play_SameSeedWithNoise_IsReproducible()
    {
        var settings = new MatchSettings(Noise: 0.1);
        Assert.Equal(Play(new TitForTat(), new WinStayLoseShift(), settings, 5), Play(new TitForTat(), new WinStayLoseShift(), settings, 5));
    }

    [Fact]
    public void SampleLength_ProbEndPoint1_MeanNearTen()
    {
        var random = new RandomStream(1);
        var total = 0L;
        for (var i = 0; i < 20_000; i++)
        {
            total += Match.SampleLength(0.1, ref random);
        }
        Assert.Equal(10, total / 20_000.0, 0);
    }

    [Fact]
    public void Validated_NoiseAboveOne_Throws()
    {
        var ex = Assert.Throws<ModelInputException>(() => new MatchSettings(Noise: 1.5).Validated());
        Assert.Contains("noise", ex.Message);
    }
}
