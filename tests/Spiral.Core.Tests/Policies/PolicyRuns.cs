using Spiral.Core.Model;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

/// <summary>A policy under test as state A against a Scripted state B, with incidents off so that only decisions move the world.</summary>
internal static class PolicyRuns
{
    public static World AgainstScript(string policy, IReadOnlyDictionary<int, double>? bShare = null,
        IReadOnlyDictionary<int, double>? bPosture = null, double beta = 1.0, double omega = 0.5, bool acceptCbm = false,
        int crisis = 0, Func<Scenario, Scenario>? change = null)
    {
        var s = ScenarioBuilder.Dyad(policy, "Scripted", offenseAdvantage: beta, distinguishability: omega)
            .WithScript(1, bShare, bPosture, crisis, acceptCbm)
            .NoIncidents()
            .QuietBudget();
        if (change is not null)
        {
            s = change(s);
        }
        return WorldFactory.Create(s, 1, 0);
    }

    public static CrisisMove Respond(World w, int self, CrisisSituation s) => w.PolicyOf(self).Respond(new PolicyContext(w, self), s);

    /// <summary>
    /// A crisis situation at <paramref name="rung"/> whose perceived values are given directly: a stake valued 1, war
    /// costs and defeat losses of 50 each, the given believed chance of winning, first-strike advantage, fear and value of war.
    /// </summary>
    public static CrisisSituation Situation(int opponent, int round, double fear = 0.1, double firstStrike = 0,
        double win = 0.5, int rung = 1, double warValue = -100, double concede = 0.5, double scale = 1.6)
    {
        var calculus = new WarCalculus(1, win, win - firstStrike, win, 50, 50, fear, warValue, firstStrike * 51, 0);
        return new CrisisSituation(opponent, rung, round, 12, calculus, concede, scale, firstStrike, 0);
    }
}
