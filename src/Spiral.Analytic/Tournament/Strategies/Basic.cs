using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tournament.Strategies;

/// <summary>Cooperates unconditionally (Axelrod 1984).</summary>
public sealed class AlwaysCooperate : Strategy
{
    public override string Name => nameof(AlwaysCooperate);
    public override StrategyTraits Traits { get; } = new(false, 0, "Axelrod 1984");
    public override Move Next(ref readonly History history, ref RandomStream random) => Move.C;
}

/// <summary>Defects unconditionally (Axelrod 1984).</summary>
public sealed class AlwaysDefect : Strategy
{
    public override string Name => nameof(AlwaysDefect);
    public override StrategyTraits Traits { get; } = new(false, 0, "Axelrod 1984");
    public override Move Next(ref readonly History history, ref RandomStream random) => Move.D;
}

/// <summary>Cooperates with probability p, 0.5 by default (Axelrod 1980, the RANDOM entry).</summary>
public sealed class RandomPlayer(double cooperationProbability = 0.5) : Strategy
{
    private readonly double _p = Require.Probability(cooperationProbability, "cooperation probability");
    public override string Name => "Random";
    public override StrategyTraits Traits { get; } = new(true, 0, "Axelrod 1980");
    public override Move Next(ref readonly History history, ref RandomStream random) => random.NextBool(_p) ? Move.C : Move.D;
}

/// <summary>Cooperates first, then alternates D, C, D, … (Axelrod library's Alternator).</summary>
public sealed class Alternator : Strategy
{
    public override string Name => nameof(Alternator);
    public override StrategyTraits Traits { get; } = new(false, 1, "Axelrod library (Knight et al. 2016)");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        history.Turn == 0 || history.OwnLast == Move.D ? Move.C : Move.D;
}
