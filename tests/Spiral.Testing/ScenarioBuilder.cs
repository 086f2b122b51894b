using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.Experiments.Scenarios;

namespace Spiral.Testing;

/// <summary>Builds scenarios in code for tests and benchmarks.</summary>
public static class ScenarioBuilder
{
    /// <summary>
    /// A stylized system of <paramref name="states"/> equal security-seekers that all reach each other, in the
    /// Jervis world given by offense advantage β and distinguishability ω (see <see cref="StylizedScenario"/>).
    /// </summary>
    public static Scenario Stylized(int states = 6, double offenseAdvantage = 1.0, double distinguishability = 0.5,
        double greedProbability = 0.0, double priorBelief = 0.2, int steps = 50, string policy = "DefensiveRealist",
        double observationNoise = 0.5, double institutions = 0, double rivalry = 0, double hotline = 0,
        double transparency = 0, double empathy = 0.5, double reach = 0.8, double stake = StylizedScenario.DefaultStake) =>
        StylizedScenario.Create(states, offenseAdvantage, distinguishability, greedProbability, priorBelief, steps, policy,
            observationNoise, institutions, rivalry, hotline, transparency, empathy, reach, stake);

    public static Scenario With(this Scenario s, Func<WorldParameters, WorldParameters> world) => s with { World = world(s.World) };

    public static Scenario WithModel(this Scenario s, Func<ModelParameters, ModelParameters> model) => s with { Model = model(s.Model) };

    public static Scenario WithState(this Scenario s, int index, Func<StateSpec, StateSpec> change)
    {
        var states = s.States.ToList();
        states[index] = change(states[index]);
        return s with { States = states };
    }

    /// <summary>Two states that see each other (reach 1), named A and B, with the given policies.</summary>
    public static Scenario Dyad(string policyA = "DefensiveRealist", string policyB = "DefensiveRealist", int steps = 20,
        double offenseAdvantage = 1.0, double distinguishability = 0.5, double rivalry = 0, double hotline = 0, double priorBelief = 0.2) =>
        new()
        {
            Name = "dyad",
            StartYear = 2000,
            Steps = steps,
            PriorBelief = priorBelief,
            World = new WorldParameters(offenseAdvantage, distinguishability),
            States =
            [
                new StateSpec("A", 1000) { Policy = new PolicySpec(policyA) },
                new StateSpec("B", 1000) { Policy = new PolicySpec(policyB) },
            ],
            Dyads = [new DyadSpec("A", "B", 1.0, rivalry, 0, hotline)],
        };
}
