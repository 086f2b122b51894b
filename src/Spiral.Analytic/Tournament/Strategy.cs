using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tournament;

/// <summary>Classification of a strategy, in the Axelrod library's sense.</summary>
/// <param name="Stochastic">Whether its moves use randomness.</param>
/// <param name="MemoryDepth">How many past turns it uses; −1 for unbounded.</param>
/// <param name="Source">Author and year of the strategy.</param>
public sealed record StrategyTraits(bool Stochastic, int MemoryDepth, string Source);

/// <summary>
/// A player of the repeated game. One instance plays one match at a time; <see cref="Reset"/> is called
/// before every match.
/// </summary>
public abstract class Strategy
{
    public abstract string Name { get; }

    public abstract StrategyTraits Traits { get; }

    public virtual void Reset()
    {
    }

    /// <summary>The next move, given the history so far and the match's random stream.</summary>
    public abstract Move Next(ref readonly History history, ref RandomStream random);

    public override string ToString() => Name;
}
