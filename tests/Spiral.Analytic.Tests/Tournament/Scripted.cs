using Spiral.Analytic.Tournament;
using Spiral.Numerics.Random;

namespace Spiral.Analytic.Tests.Tournament;

/// <summary>Test opponent that plays a fixed script, cycling.</summary>
internal sealed class Scripted(string script) : Strategy
{
    public override string Name => $"Scripted({script})";
    public override StrategyTraits Traits { get; } = new(false, 0, "test");
    public override Move Next(ref readonly History history, ref RandomStream random) =>
        script[history.Turn % script.Length] == 'C' ? Move.C : Move.D;
}

internal static class Moves
{
    public static string Of(Strategy player, Strategy opponent, int turns, ulong seed = 0)
    {
        var random = new RandomStream(seed);
        var (a, _) = Match.Moves(player, opponent, turns, ref random);
        return string.Concat(a.Select(m => m == Move.C ? 'C' : 'D'));
    }
}
