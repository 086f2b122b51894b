using Spiral.Core.Model;
using Spiral.Core.Policies;
using Spiral.Numerics.Random;

namespace Spiral.Core.Tests.Policies;

/// <summary>
/// Wraps a policy and counts its calls and the draws it makes from the policy random stream during them, by
/// comparing the stream before and after each call (<see cref="RandomStream.DrawsSince"/>).
/// </summary>
internal sealed class DrawCountingPolicy(IPolicy inner) : IPolicy
{
    private const long MaxDrawsPerCall = 10_000;

    public int Decisions { get; private set; }
    public int Responses { get; private set; }
    public long Draws { get; private set; }

    public PolicyTraits Traits => inner.Traits;

    public void Decide(in PolicyContext context)
    {
        var before = context.Random;
        inner.Decide(context);
        Decisions++;
        Count(context, before);
    }

    public CrisisMove Respond(in PolicyContext context, in CrisisSituation situation)
    {
        var before = context.Random;
        var move = inner.Respond(context, situation);
        Responses++;
        Count(context, before);
        return move;
    }

    private void Count(in PolicyContext context, RandomStream before)
    {
        var draws = context.Random.DrawsSince(before, MaxDrawsPerCall);
        Assert.True(draws >= 0, $"{inner.Traits.Name} drew more than {MaxDrawsPerCall} times in one call");
        Draws += draws;
    }

    /// <summary>Wraps both policies of every state of <paramref name="w"/>; returns the wrappers.</summary>
    public static List<DrawCountingPolicy> WrapAll(World w)
    {
        var all = new List<DrawCountingPolicy>();
        foreach (var policies in new[] { w.SecurityPolicies, w.GreedyPolicies })
        {
            for (var i = 0; i < policies.Length; i++)
            {
                var counting = new DrawCountingPolicy(policies[i]);
                policies[i] = counting;
                all.Add(counting);
            }
        }
        return all;
    }
}
