namespace Spiral.Core.Policies;

/// <summary>Shared helper: the rival a reactive policy answers, the state it fears most, else the largest observed spender within reach.</summary>
internal static class Rivals
{
    public static int Main(in PolicyContext c)
    {
        var feared = c.MostFeared();
        if (feared >= 0)
        {
            return feared;
        }
        var best = -1;
        var bestScore = 0.0;
        for (var j = 0; j < c.StateCount; j++)
        {
            if (j == c.Self || c.IsAlly(j))
            {
                continue;
            }
            var score = c.Reach(j) * c.ObservedMilex(j);
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }
}
