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

    public static CrisisSituation Situation(int opponent, int round, double fear = 0.1, double firstStrike = 0, double relative = 0.5,
        double win = 0.5, int rung = 1) =>
        new(opponent, rung, round, fear, firstStrike, relative, win, rung / 12.0, 0);
}
