using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Numerics.Random;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>
/// Drives phases 2-4 of a world year by year with each state's budget and posture given by the test: the budget
/// process of its type (as the policies run it, through <see cref="TypeModel"/>) plus a seeded shock of sd
/// <c>BudgetNoise</c>, or an exact yearly change; then stocks and GDP as phase 6 computes them. The kernel's own phases 5-7
/// are left out so that what observers read is exactly what the test says each state does.
/// </summary>
internal static class BeliefHarness
{
    /// <summary>A state's change of log burden this year; a type's process adds its shock from <paramref name="shocks"/>.</summary>
    public delegate double Budget(World w, int k, ref RandomStream shocks);

    /// <summary>A security-seeker's budget process: toward m̄ scaled by its insecurity, plus the short-run threat reaction.</summary>
    public static double SecuritySeeker(World w, int k, ref RandomStream shocks)
    {
        var p = w.P;
        var insecurity = Insecurity(w.Security[k]);
        var desired = TypeModel.SecurityDesiredBurden(w.LongRunShare[k], insecurity / w.ReferenceInsecurity[k], p);
        return Process(w, k, desired, ref shocks);
    }

    /// <summary>A greedy state's budget process: toward the greedy burden ratio times m̄.</summary>
    public static double Greedy(World w, int k, ref RandomStream shocks) =>
        Process(w, k, TypeModel.GreedyDesiredBurden(w.LongRunShare[k], w.P), ref shocks);

    /// <summary>A state that changes its log burden by exactly <paramref name="change"/> every year.</summary>
    public static Budget Fixed(double change) => (World _, int _, ref RandomStream _) => change;

    /// <summary>The type's process for state k by its drawn type (the harness plays the truth; observers never see it).</summary>
    public static double ByType(World w, int k, ref RandomStream shocks) =>
        w.IsGreedy[k] ? Greedy(w, k, ref shocks) : SecuritySeeker(w, k, ref shocks);

    /// <summary>The posture each type's policy takes in this world.</summary>
    public static double PostureOf(World w, bool greedy) =>
        greedy ? TypeModel.GreedyPosture(w.P) : TypeModel.SecurityPosture(w.OffenseAdvantage, w.Distinguishability, DefensiveRealistOptions.Default.DefensiveShift, w.P);

    /// <summary>Halfway between the two types' postures: a posture that says nothing about the type.</summary>
    public static double NeutralPosture(World w) => (PostureOf(w, true) + PostureOf(w, false)) / 2;

    /// <summary>
    /// Runs <paramref name="years"/> years: observe, believe, <paramref name="afterBelieve"/>, assess, then each state's
    /// budget (<paramref name="budgets"/>, drawing shocks from <paramref name="shocks"/>, within floor and cap) and
    /// posture, stocks (μ) and GDP growth.
    /// </summary>
    public static void Run(World w, int years, Budget[] budgets, double[] postures, ref RandomStream shocks, Action<World>? afterBelieve = null)
    {
        var n = w.N;
        var p = w.P;
        for (var k = 0; k < n; k++)
        {
            w.Posture[k] = postures[k];
        }
        for (var y = 0; y < years; y++)
        {
            ObservePhase.Run(w);
            BelievePhase.Run(w);
            afterBelieve?.Invoke(w);
            AssessPhase.Run(w);
            for (var k = 0; k < n; k++)
            {
                var before = w.MilitaryShare[k];
                var change = budgets[k](w, k, ref shocks);
                var share = Math.Clamp(before * Math.Exp(change), p.MinMilitaryShare, w.MilitaryShareCap(k));
                w.BurdenChange[k] = Math.Log(share / before);
                w.MilitaryShare[k] = share;
                w.Posture[k] = postures[k];
            }
            var keep = 1 - w.Depreciation;
            for (var k = 0; k < n; k++)
            {
                var milex = w.MilitaryShare[k] * w.Gdp[k];
                w.PreviousMilex[k] = w.Milex[k];
                w.Milex[k] = milex;
                w.MilexGrowth[k] = milex / w.PreviousMilex[k] - 1;
                w.Offense[k] = keep * w.Offense[k] + w.Posture[k] * milex;
                w.Defense[k] = keep * w.Defense[k] + (1 - w.Posture[k]) * milex;
                w.Gdp[k] *= 1 + w.Growth[k];
            }
            Array.Copy(w.Security, w.PreviousSecurity, n);
            w.Step++;
        }
    }

    /// <summary>Mean over observers and observed states of |b_ij − θ_j| (θ_j = 1 for greedy).</summary>
    public static double MeanBeliefError(World w)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < w.N; i++)
        {
            for (var j = 0; j < w.N; j++)
            {
                if (i != j)
                {
                    sum += Math.Abs(w.Belief[i * w.N + j] - (w.IsGreedy[j] ? 1 : 0));
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static double Process(World w, int k, double desired, ref RandomStream shocks)
    {
        var p = w.P;
        desired = Math.Clamp(desired, p.MinMilitaryShare, w.MilitaryShareCap(k));
        var threat = Math.Log(Insecurity(w.Security[k]) / Insecurity(w.PreviousSecurity[k]));
        return TypeModel.BurdenChange(Math.Log(desired), Math.Log(w.MilitaryShare[k]), threat, p) + p.BudgetNoise * shocks.NextGaussian();
    }

    private static double Insecurity(double security) => Math.Max(1e-6, 1 - security);
}
