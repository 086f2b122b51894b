using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tournament.Strategies;

/// <summary>Cooperates first, then repeats the opponent's last move (Rapoport; Axelrod 1980, 1984).</summary>
public sealed class TitForTat : Strategy
{
    public override string Name => nameof(TitForTat);
    public override StrategyTraits Traits { get; } = new(false, 1, "Rapoport, in Axelrod 1980");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn == 0 ? Move.C : history.OpponentLast;
}

/// <summary>Defects first, then repeats the opponent's last move (Beaufils, Delahaye and Mathieu 1997).</summary>
public sealed class SuspiciousTitForTat : Strategy
{
    public override string Name => nameof(SuspiciousTitForTat);
    public override StrategyTraits Traits { get; } = new(false, 1, "Beaufils, Delahaye and Mathieu 1997");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn == 0 ? Move.D : history.OpponentLast;
}

/// <summary>Defects only after two consecutive defections by the opponent (Axelrod 1984, the sample strategy of the second tournament).</summary>
public sealed class TitForTwoTats : Strategy
{
    public override string Name => nameof(TitForTwoTats);
    public override StrategyTraits Traits { get; } = new(false, 2, "Axelrod 1984");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn >= 2 && history.OpponentLast == Move.D && history.OpponentSecondLast == Move.D ? Move.D : Move.C;
}

/// <summary>
/// Tit for tat that forgives a defection with probability g (Nowak and Sigmund 1992); by default
/// g = min(1 − (T − R)/(R − S), (R − P)/(T − P)) = 1/3 for R, S, T, P = 3, 0, 5, 1, as in the Axelrod library.
/// </summary>
public sealed class GenerousTitForTat(double generosity = 1.0 / 3.0) : Strategy
{
    private readonly double _g = Require.Probability(generosity, "generosity");
    public override string Name => nameof(GenerousTitForTat);
    public override StrategyTraits Traits { get; } = new(true, 1, "Nowak and Sigmund 1992");

    public static double GenerosityFor(PdPayoffs payoffs) =>
        Math.Clamp(Math.Min(1 - (payoffs.T - payoffs.R) / (payoffs.R - payoffs.S), (payoffs.R - payoffs.P) / (payoffs.T - payoffs.P)), 0, 1);

    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn == 0 || history.OpponentLast == Move.C ? Move.C : random.NextBool(_g) ? Move.C : Move.D;
}

/// <summary>Cooperates until the opponent first defects, then defects for ever (Friedman 1971's grim trigger; Axelrod library's Grudger).</summary>
public sealed class Grudger : Strategy
{
    public override string Name => nameof(Grudger);
    public override StrategyTraits Traits { get; } = new(false, -1, "Friedman 1971");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.OpponentDefections > 0 ? Move.D : Move.C;
}

/// <summary>
/// Win-stay, lose-shift (Pavlov): cooperates first, repeats its move after R or T, switches after S or P,
/// i.e. cooperates exactly when both moved alike last turn (Kraines and Kraines 1989; Nowak and Sigmund 1993).
/// </summary>
public sealed class WinStayLoseShift : Strategy
{
    public override string Name => nameof(WinStayLoseShift);
    public override StrategyTraits Traits { get; } = new(false, 1, "Nowak and Sigmund 1993");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn == 0 || history.OwnLast == history.OpponentLast ? Move.C : Move.D;
}

/// <summary>
/// GRIT, graduated and reciprocated initiatives in tension reduction (Osgood 1962), as a repeated-game rule:
/// cooperates first, answers defection with defection, but after <c>patience</c> consecutive turns of mutual
/// defection makes a unilateral conciliatory cooperation, whatever the opponent did.
/// </summary>
public sealed class Grit(int patience = 2) : Strategy
{
    private readonly int _patience = Require.Positive(patience, "patience");
    private int _mutualDefections;

    public override string Name => nameof(Grit);
    public override StrategyTraits Traits { get; } = new(false, -1, "Osgood 1962");

    public override void Reset() => _mutualDefections = 0;

    public override Move Next(ref readonly History history, ref RandomStream random)
    {
        if (history.Turn == 0)
        {
            return Move.C;
        }
        _mutualDefections = history.OwnLast == Move.D && history.OpponentLast == Move.D ? _mutualDefections + 1 : 0;
        if (_mutualDefections >= _patience)
        {
            _mutualDefections = 0;
            return Move.C;
        }
        return history.OpponentLast;
    }
}

/// <summary>Tit for tat that defects with probability 0.1 where it would cooperate (Joss, in Axelrod 1980).</summary>
public sealed class Joss(double sneakiness = 0.1) : Strategy
{
    private readonly double _p = Require.Probability(sneakiness, "sneakiness");
    public override string Name => nameof(Joss);
    public override StrategyTraits Traits { get; } = new(true, 1, "Joss, in Axelrod 1980");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn > 0 && history.OpponentLast == Move.D ? Move.D : random.NextBool(_p) ? Move.D : Move.C;
}

/// <summary>
/// Prober (Mathieu and Delahaye; Axelrod library): plays D, C, C; if the opponent cooperated on turns 2 and 3
/// it exploits it by defecting for ever, otherwise it plays tit for tat.
/// </summary>
public sealed class Prober : Strategy
{
    private bool _exploit;

    public override string Name => nameof(Prober);
    public override StrategyTraits Traits { get; } = new(false, -1, "Mathieu and Delahaye 2001");

    public override void Reset() => _exploit = false;

    public override Move Next(ref readonly History history, ref RandomStream random)
    {
        switch (history.Turn)
        {
            case 0:
                return Move.D;
            case 1:
            case 2:
                return Move.C;
            case 3:
                _exploit = history.OpponentLast == Move.C && history.OpponentSecondLast == Move.C;
                break;
        }
        return _exploit ? Move.D : history.OpponentLast;
    }
}
