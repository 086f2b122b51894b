using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;

namespace Spiral.Experiments.Scenarios;

/// <summary>
/// Stylized systems of equal states that all reach each other, built in code: the benchmark scenario and the
/// base of tests and paired experiments (the library's Jervis worlds use the same values). Every pair contests the
/// same stake, as in the library's Jervis worlds (docs/scenarios/README.md: salience 6 of 12 × 0.004).
/// </summary>
public static class StylizedScenario
{
    /// <summary>The stake every pair of a stylized system contests: the Jervis worlds' 0.024 of the pair's size.</summary>
    public const double DefaultStake = 0.024;

    public static Scenario Create(int states = 6, double offenseAdvantage = 1.0, double distinguishability = 0.5,
        double greedProbability = 0.0, double priorBelief = 0.2, int steps = 50, string policy = "DefensiveRealist",
        double observationNoise = 0.5, double institutions = 0, double rivalry = 0, double hotline = 0,
        double transparency = 0, double empathy = 0.5, double reach = 0.8, double stake = DefaultStake)
    {
        var list = new List<StateSpec>();
        for (var i = 0; i < states; i++)
        {
            list.Add(new StateSpec($"S{i + 1}", Gdp: 1000, Growth: 0.03, MilitaryShare: 0.02, Posture: 0.35,
                GreedProbability: greedProbability, Empathy: empathy) { Policy = new PolicySpec(policy) });
        }
        var dyads = new List<DyadSpec>();
        if (rivalry > 0 || hotline > 0 || transparency > 0 || stake > 0)
        {
            for (var i = 0; i < states; i++)
            {
                for (var j = i + 1; j < states; j++)
                {
                    dyads.Add(new DyadSpec(list[i].Name, list[j].Name, reach, rivalry, transparency, hotline) { Stake = stake });
                }
            }
        }
        return new Scenario
        {
            Name = $"stylized-{states}",
            Title = $"Stylized system of {states} states",
            StartYear = 2000,
            Steps = steps,
            DefaultReach = reach,
            PriorBelief = priorBelief,
            World = new WorldParameters(offenseAdvantage, distinguishability, institutions, observationNoise),
            States = list,
            Dyads = dyads,
        };
    }

    /// <summary>The benchmark scenario of <c>spiral bench</c>: 10 states, 50 years, one in five states greedy on average, a balanced world.</summary>
    public static Scenario Benchmark() => Create(states: 10, steps: 50, greedProbability: 0.2) with { Name = "bench-10x50" };

    /// <summary>The name of the 190-state stylized world (<see cref="World190"/>).</summary>
    public const string World190Name = "world-190";

    /// <summary>
    /// A world of 190 equal states, about as many as the UN has members, for timing large worlds (issue 18): the
    /// <see cref="Benchmark"/> states (one in five greedy on average, a balanced world) on a 10 × 19 map, each reaching
    /// only its geographic neighbours (the up to 8 adjacent cells) and contesting a stake with each, none beyond
    /// (default reach 0), so 1,350 of the 35,910 directed dyads have reach (sparse, as real contiguity is: Stinnett et al.
    /// 2002). 100 years.
    /// </summary>
    public static Scenario World190(int steps = 100) => Grid(rows: 10, columns: 19, steps) with { Name = World190Name };

    /// <summary>
    /// <paramref name="rows"/> × <paramref name="columns"/> equal states on a map, each reaching its adjacent cells
    /// (horizontal, vertical, diagonal) with reach 0.8 and contesting the default stake with them; no other state.
    /// </summary>
    public static Scenario Grid(int rows, int columns, int steps = 50, double greedProbability = 0.2, double reach = 0.8)
    {
        var basis = Create(states: rows * columns, steps: steps, greedProbability: greedProbability, stake: 0);
        var dyads = new List<DyadSpec>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                foreach (var (dr, dc) in (ReadOnlySpan<(int, int)>)[(0, 1), (1, -1), (1, 0), (1, 1)])
                {
                    int r2 = r + dr, c2 = c + dc;
                    if (r2 < rows && c2 >= 0 && c2 < columns)
                    {
                        dyads.Add(new DyadSpec(basis.States[r * columns + c].Name, basis.States[r2 * columns + c2].Name, reach, 0, 0, 0)
                        {
                            Stake = DefaultStake,
                        });
                    }
                }
            }
        }
        return basis with
        {
            Name = $"grid-{rows}x{columns}",
            Title = $"{rows * columns} states on a {rows} × {columns} map, each reaching its neighbours",
            DefaultReach = 0,
            Dyads = dyads,
        };
    }
}
