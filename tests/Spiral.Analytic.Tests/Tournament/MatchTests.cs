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

    private const int LongRun = 1_000_000;

    // Action noise p: both TitForTats play the opponent's last played move, each flipped with probability p. The chain
    // on the four outcomes (CC, CD, DC, DD) is "swap, then flip each independently": a permutation followed by a
    // symmetric kernel, so it is doubly stochastic and its stationary law is uniform for any 0 < p < 1. The mean payoff
    // per turn tends to (R + S + T + P) / 4 = 2.25 (Molander 1985). Asymptotic standard error over 10^6 turns, from
    // the chain's fundamental matrix: 0.0032 at p = 0.05, 0.0023 at 0.1, 0.0016 at 0.25; the tolerance is 0.015.
    [Theory]
    [InlineData(0.05, 11UL)]
    [InlineData(0.1, 12UL)]
    [InlineData(0.25, 13UL)]
    public void Play_ActionNoiseTitForTatPair_MeanPayoffTendsToQuarterOfPayoffSum(double p, ulong seed)
    {
        var o = Play(new TitForTat(), new TitForTat(), new MatchSettings(LongRun, p, NoiseKind: NoiseKind.Action), seed);
        Assert.Equal(2.25, o.ScoreA / LongRun, 0.015);
        Assert.Equal(2.25, o.ScoreB / LongRun, 0.015);
        Assert.Equal(0.5, (double)o.CooperationsA / LongRun, 0.01);
    }

    // Under perception noise TitForTat's played move is the opponent's last played move flipped with probability p:
    // the same chain as under action noise, so here the two kinds agree in law.
    [Fact]
    public void Play_PerceptionNoiseTitForTatPair_MeanPayoffAlsoTendsToQuarterOfPayoffSum()
    {
        var o = Play(new TitForTat(), new TitForTat(), new MatchSettings(LongRun, 0.1), 14);
        Assert.Equal(2.25, o.ScoreA / LongRun, 0.015);
    }

    // Action noise p, Cooperator (A) against Defector (B): every turn is independent; A plays C and B plays D with
    // probability 1 − p each. Outcome probabilities (A, B): CC p(1 − p), CD (1 − p)², DC p², DD p(1 − p).
    // A's mean payoff R·p(1 − p) + S(1 − p)² + T·p² + P·p(1 − p) = 4p + p² at the standard payoffs; B's
    // T(1 − p)² + P·p(1 − p) + R·p(1 − p) + S·p². Tolerance: five standard errors of the mean over 10^6 turns.
    [Theory]
    [InlineData(0.05, 21UL)]
    [InlineData(0.1, 22UL)]
    [InlineData(0.25, 23UL)]
    public void Play_ActionNoiseCooperatorVsDefector_MatchesClosedForm(double p, ulong seed)
    {
        var g = PdPayoffs.Standard;
        double[] probs = [p * (1 - p), (1 - p) * (1 - p), p * p, p * (1 - p)];
        double[] payA = [g.R, g.S, g.T, g.P];
        double[] payB = [g.R, g.T, g.S, g.P];
        var meanA = probs.Zip(payA, (q, v) => q * v).Sum();
        var meanB = probs.Zip(payB, (q, v) => q * v).Sum();
        var seA = Math.Sqrt((probs.Zip(payA, (q, v) => q * v * v).Sum() - meanA * meanA) / LongRun);
        var seB = Math.Sqrt((probs.Zip(payB, (q, v) => q * v * v).Sum() - meanB * meanB) / LongRun);
        var seCoop = Math.Sqrt(p * (1 - p) / LongRun);

        var o = Play(new AlwaysCooperate(), new AlwaysDefect(), new MatchSettings(LongRun, p, NoiseKind: NoiseKind.Action), seed);

        Assert.Equal(4 * p + p * p, meanA, 12);
        Assert.Equal(meanA, o.ScoreA / LongRun, 5 * seA);
        Assert.Equal(meanB, o.ScoreB / LongRun, 5 * seB);
        Assert.Equal(1 - p, (double)o.CooperationsA / LongRun, 5 * seCoop);
        Assert.Equal(p, (double)o.CooperationsB / LongRun, 5 * seCoop);
    }

    [Fact]
    public void Play_PerceptionNoiseCooperatorVsDefector_MovesAndPayoffsNeverFlip()
    {
        var o = Play(new AlwaysCooperate(), new AlwaysDefect(), new MatchSettings(10_000, 0.25), 31);
        Assert.Equal(0, o.ScoreA);
        Assert.Equal(5 * 10_000, o.ScoreB);
        Assert.Equal(10_000, o.CooperationsA);
        Assert.Equal(0, o.CooperationsB);
    }

    [Fact]
    public void Play_ActionNoiseOne_EveryPlayedMoveFlipped()
    {
        var o = Play(new AlwaysCooperate(), new AlwaysDefect(), new MatchSettings(100, 1, NoiseKind: NoiseKind.Action));
        Assert.Equal(5 * 100, o.ScoreA);
        Assert.Equal(0, o.ScoreB);
        Assert.Equal(0, o.CooperationsA);
    }

    // At noise 1 both kinds are deterministic, and TitForTat against Cooperator shows what each player sees. Action:
    // Cooperator plays D every turn; TitForTat intends C then copies the played D, and each intention is flipped:
    // D, C, C, C (what Axelrod-Python's Match(..., noise=1) plays). Perception: Cooperator plays C, TitForTat sees D
    // and answers D from the second turn: C, D, D, D.
    [Theory]
    [InlineData(NoiseKind.Action, "DCCC", "DDDD")]
    [InlineData(NoiseKind.Perception, "CDDD", "CCCC")]
    public void Moves_NoiseOneTitForTatVsCooperator_HistoriesFollowTheNoiseKind(NoiseKind kind, string expectedA, string expectedB)
    {
        var random = new RandomStream(0);
        var (a, b) = Match.Moves(new TitForTat(), new AlwaysCooperate(), 4, ref random, noise: 1, kind: kind);
        Assert.Equal(expectedA, string.Concat(a));
        Assert.Equal(expectedB, string.Concat(b));
    }

    [Fact]
    public void Play_ZeroNoise_SameMatchForBothKinds()
    {
        var perception = Play(new RandomPlayer(), new Joss(), new MatchSettings(1_000, 0), 41);
        var action = Play(new RandomPlayer(), new Joss(), new MatchSettings(1_000, 0, NoiseKind: NoiseKind.Action), 41);
        Assert.Equal(perception, action);
    }

    [Fact]
    public void Validated_UndefinedNoiseKind_Throws()
    {
        var ex = Assert.Throws<ModelInputException>(() => new MatchSettings(NoiseKind: (NoiseKind)7).Validated());
        Assert.Contains("noise kind", ex.Message);
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
