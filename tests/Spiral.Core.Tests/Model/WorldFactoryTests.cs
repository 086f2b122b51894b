using System.Collections;
using System.Reflection;
using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model;

/// <summary>
/// Issue 18: a worker re-initialises one world per run instead of allocating one. A reused world must be, field for
/// field and bit for bit, the world <see cref="WorldFactory.Create"/> builds fresh, and must run the same.
/// </summary>
public class WorldFactoryTests
{
    /// <summary>Greedy states, alliances (given and formed), a timeline, institutions, stateful policies (Grit, CostlySignaller).</summary>
    private static readonly Scenario Busy = ScenarioBuilder.Stylized(states: 6, offenseAdvantage: 2.0, distinguishability: 0.2,
        greedProbability: 0.4, steps: 40, rivalry: 0.3, institutions: 0.4, hotline: 0.2) with
    {
        Alliances = [new AllianceSpec("A", ["S1", "S2"], 0.7)],
        Timeline = [new TimelineEvent(2010, TimelineEventKind.RegimeChange, ["S3"], 0.6)],
    };

    private static readonly Scenario Stateful = Busy
        .WithState(3, s => s with { Policy = new PolicySpec("Grit") })
        .WithState(4, s => s with { Policy = new PolicySpec("CostlySignaller") });

    [Theory]
    [InlineData(1UL)]
    [InlineData(1978UL)]
    [InlineData(20240601UL)]
    public void Create_ReusedWorldAfterRuns_EqualsFreshWorldBeforeAndAfterSteps(ulong seed)
    {
        World? reused = null;
        for (var run = 0; run < 12; run++)
        {
            // Alternate the scenario so that the reused world last ran another configuration (and formed alliances).
            var scenario = run % 3 == 2 ? Busy : Stateful;
            var previous = reused;
            reused = WorldFactory.Create(scenario, seed, run, reuse: reused);
            if (previous is not null)
            {
                Assert.Same(previous, reused);
            }
            var fresh = WorldFactory.Create(scenario, seed, run);
            AssertSameState(fresh, reused, $"run {run}, created");
            for (var t = 0; t < scenario.Steps; t++)
            {
                Kernel.Step(fresh);
                Kernel.Step(reused);
            }
            AssertSameState(fresh, reused, $"run {run}, after {scenario.Steps} steps");
        }
    }

    [Fact]
    public void Create_ReuseOfAnotherShape_ReturnsNewWorld()
    {
        var small = WorldFactory.Create(ScenarioBuilder.Stylized(states: 4), 1, 0);

        var large = WorldFactory.Create(ScenarioBuilder.Stylized(states: 5), 1, 0, reuse: small);

        Assert.NotSame(small, large);
        Assert.Equal(5, large.N);
    }

    [Fact]
    public void Create_StatefulPolicyReused_GetsNewInstance()
    {
        var first = WorldFactory.Create(Stateful, 7, 0);
        var grit = first.SecurityPolicies[3];
        var realist = first.SecurityPolicies[0];

        var second = WorldFactory.Create(Stateful, 7, 1, reuse: first);

        Assert.NotSame(grit, second.SecurityPolicies[3]);
        Assert.Same(realist, second.SecurityPolicies[0]);
    }

    /// <summary>Every instance field of the two worlds (arrays element by element, doubles by bits; policies by class; random streams by state; events).</summary>
    private static void AssertSameState(World expected, World actual, string where)
    {
        foreach (var f in typeof(World).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var x = f.GetValue(expected);
            var y = f.GetValue(actual);
            var name = $"{where}: {f.Name}";
            if (f.Name == nameof(World.Scratch))
            {
                continue; // Written before it is read each year: carries nothing between runs.
            }
            switch (x)
            {
                case IPolicy[] px:
                    Assert.Equal(px.Select(p => p.GetType()), ((IPolicy[])y!).Select(p => p.GetType()));
                    break;
                case EventLog ex:
                    Assert.True(ex.Items.SequenceEqual(((EventLog)y!).Items), name);
                    break;
                case double dx:
                    Assert.True(BitConverter.DoubleToInt64Bits(dx) == BitConverter.DoubleToInt64Bits((double)y!), name);
                    break;
                case double[] ax:
                    Assert.True(ax.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(((double[])y!).Select(BitConverter.DoubleToInt64Bits)), name);
                    break;
                case double[][] jx:
                    var jy = (double[][])y!;
                    Assert.Equal(jx.Length, jy.Length);
                    for (var i = 0; i < jx.Length; i++)
                    {
                        Assert.True(jx[i].Select(BitConverter.DoubleToInt64Bits).SequenceEqual(jy[i].Select(BitConverter.DoubleToInt64Bits)), name);
                    }
                    break;
                case Array[]:
                    break; // World's own list of the arrays above.
                case IEnumerable ex when x is Array:
                    Assert.True(ex.Cast<object?>().SequenceEqual(((IEnumerable)y!).Cast<object?>()), name);
                    break;
                case Scenario or ModelParameters:
                    Assert.Same(x, y);
                    break;
                default:
                    Assert.True(Equals(x, y), name);
                    break;
            }
        }
    }
}
