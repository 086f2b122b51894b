using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spiral.Core.Model;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;
using Spiral.Core.Recording;
using Spiral.Core.Scenarios;

namespace Spiral.Core.Tests.Model;

/// <summary>Invariants over random valid scenarios: probabilities in [0,1], stocks and GDP ≥ 0, nothing NaN or infinite.</summary>
public class KernelPropertyTests
{
    private const int Steps = 30;

    private static readonly string[] Policies = PolicyCatalog.Names.Where(n => n != "Scripted").OrderBy(n => n).ToArray();

    private static Gen<double> Unit(double lo = 0, double hi = 1) => Gen.Choose(0, 1_000_000).Select(k => lo + (hi - lo) * k / 1_000_000.0);

    private static Gen<StateSpec> State(int index) =>
        from gdp in Unit(1, 20000)
        from growth in Unit(-0.05, 0.1)
        from share in Unit(0.005, 0.12)
        from posture in Unit()
        from greed in Unit()
        from internalThreat in Unit()
        from kappa in Unit()
        from empathy in Unit()
        from resolve in Unit()
        from policy in Gen.Elements(Policies)
        from greedyPolicy in Gen.Elements(Policies)
        from tags in Gen.SubListOf(new[] { "a", "b", "c" })
        select new StateSpec($"S{index}", gdp, growth, share, Posture: posture, GreedProbability: greed, InternalThreat: internalThreat,
            DevelopmentPriority: kappa, Empathy: empathy, Resolve: resolve)
        {
            Policy = new PolicySpec(policy), GreedyPolicy = new PolicySpec(greedyPolicy), Identity = tags.ToArray(),
        };

    private static Gen<DyadSpec> Dyad(string a, string b) =>
        from reach in Unit()
        from rivalry in Unit()
        from transparency in Unit()
        from hotline in Unit()
        select new DyadSpec(a, b, reach, rivalry, transparency, hotline);

    internal static Gen<(Scenario Scenario, ulong Seed)> Scenarios() =>
        from n in Gen.Choose(2, 8)
        from states in Gen.CollectToArray(Enumerable.Range(1, n), State)
        from dyads in Gen.CollectToArray(
            from i in Enumerable.Range(1, n) from j in Enumerable.Range(1, n) where i < j select (i, j),
            p => Dyad($"S{p.i}", $"S{p.j}"))
        from beta in Unit(0.2, 4)
        from omega in Unit()
        from iota in Unit()
        from sigma in Unit(0, 1.5)
        from incidentRate in Unit(0, 1)
        from prior in Gen.Elements<double?>(null, 0.05, 0.5, 0.95)
        from seed in Gen.Choose(0, int.MaxValue)
        select (new Scenario
        {
            Name = "random",
            Steps = Steps,
            States = states,
            Dyads = dyads,
            DefaultReach = 0.5,
            PriorBelief = prior,
            World = new WorldParameters(beta, omega, iota, sigma, IncidentBaseRate: incidentRate),
        }, (ulong)seed);

    private static readonly string[] SentinelArrays = [nameof(World.ForcedMilitaryShare)];

    private static string? Violation(World w)
    {
        var arrays = typeof(World).GetFields().Where(f => f.FieldType == typeof(double[])).Select(f => (f.Name, (double[])f.GetValue(w)!))
            .Concat(typeof(World).GetProperties().Where(p => p.PropertyType == typeof(double[])).Select(p => (p.Name, (double[])p.GetValue(w)!)));
        foreach (var (name, a) in arrays)
        {
            if (!SentinelArrays.Contains(name))
            {
                for (var k = 0; k < a.Length; k++)
                {
                    if (!double.IsFinite(a[k])) return $"{name}[{k}] = {a[k]} at step {w.Step}";
                }
            }
        }
        for (var i = 0; i < w.N; i++)
        {
            if (w.Security[i] is < 0 or > 1) return $"Security[{i}] = {w.Security[i]}";
            if (w.Offense[i] < 0 || w.Defense[i] < 0) return $"stock of {i} negative: O {w.Offense[i]}, D {w.Defense[i]}";
            if (w.Gdp[i] < 0) return $"Gdp[{i}] = {w.Gdp[i]}";
            if (w.Milex[i] < 0) return $"Milex[{i}] = {w.Milex[i]}";
            if (w.InternalThreat[i] is < 0 or > 1) return $"InternalThreat[{i}] = {w.InternalThreat[i]}";
            if (w.MilitaryShare[i] < 0 || w.MilitaryShare[i] > Math.Max(w.P.MaxMilitaryShare, w.P.WartimeBurden) + 1e-12) return $"MilitaryShare[{i}] = {w.MilitaryShare[i]}";
            if (w.Posture[i] is < 0 or > 1) return $"Posture[{i}] = {w.Posture[i]}";
        }
        for (var k = 0; k < w.Belief.Length; k++)
        {
            if (k / w.N == k % w.N) continue;
            if (w.Belief[k] is < 0 or > 1) return $"Belief[{k}] = {w.Belief[k]}";
            if (w.Threat[k] is < 0 or > 1) return $"Threat[{k}] = {w.Threat[k]}";
            if (w.Transparency[k] is < 0 or > 1 || w.Hotline[k] is < 0 or > 1 || w.Rivalry[k] is < 0 or > 1) return $"dyad {k} out of [0,1]";
        }
        return null;
    }

    [Property(MaxTest = 150)]
    public Property World_AfterEveryStep_StaysValid() =>
        Prop.ForAll(Scenarios().ToArbitrary(), input =>
        {
            var w = WorldFactory.Create(input.Scenario, input.Seed, 0);
            var problem = Violation(w);
            for (var t = 0; t < Steps && problem is null; t++)
            {
                Kernel.Step(w);
                problem = Violation(w);
            }
            return problem is null ? true.Label("ok") : false.Label(problem);
        });

    [Property(MaxTest = 150)]
    public Property RecordedRows_AfterThirtySteps_AreFiniteAndInRange() =>
        Prop.ForAll(Scenarios().ToArbitrary(), input =>
        {
            var n = input.Scenario.States.Count;
            var r = new RunRecord(n, Steps);
            Simulation.Run(input.Scenario, input.Seed, 0, r);
            foreach (var a in new[] { r.Gdp, r.MilitaryShare, r.Milex, r.Offense, r.Defense, r.Posture, r.Security, r.InternalThreat, r.Belief })
            {
                if (a.Any(x => !double.IsFinite(x) || x < 0)) return false.Label("a recorded value is NaN, infinite or negative");
            }
            if (r.Security.Any(x => x > 1) || r.Belief.Any(x => x > 1)) return false.Label("security or belief above 1");
            foreach (var e in r.Events.Items)
            {
                if (!double.IsFinite(e.Value)) return false.Label($"event {e.Kind} has value {e.Value}");
                if (e.Rung < 0 || e.Rung > input.Scenario.Model.WarRung) return false.Label($"event {e.Kind} at rung {e.Rung}");
            }
            return true.Label("ok");
        });
}
