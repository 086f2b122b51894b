using Spiral.Core;
using Spiral.Core.Model;
using Spiral.Core.Recording;
using Spiral.Experiments.Scenarios;

namespace Spiral.Experiments.Tests.Scenarios;

/// <summary>The stylized systems built in code, and the 190-state world of issue 18.</summary>
public class StylizedScenarioTests
{
    [Fact]
    public void World190_Built_Has190ValidStatesAnd1350ReachableDirectedDyads()
    {
        var scenario = StylizedScenario.World190();

        var world = WorldFactory.Create(scenario, 1, 0);

        Assert.Equal("world-190", scenario.Name);
        Assert.Equal(100, scenario.Steps);
        Assert.Empty(scenario.Validate());
        Assert.Equal(190, world.N);
        Assert.Equal(1350, world.Reach.Count(r => r > 0));
    }

    [Fact]
    public void Grid_TwoByThree_EachStateReachesItsAdjacentCellsOnly()
    {
        // S1 S2 S3
        // S4 S5 S6
        var world = WorldFactory.Create(StylizedScenario.Grid(rows: 2, columns: 3), 1, 0);

        double Reach(int a, int b) => world.Reach[(a - 1) * world.N + (b - 1)];

        Assert.Equal(0.8, Reach(1, 2));
        Assert.Equal(0.8, Reach(2, 1));
        Assert.Equal(0.8, Reach(1, 5));
        Assert.Equal(0.8, Reach(3, 5));
        Assert.Equal(0.8, Reach(4, 2));
        Assert.Equal(0, Reach(1, 3));
        Assert.Equal(0, Reach(1, 6));
        Assert.Equal(0, Reach(4, 3));
        Assert.Equal(StylizedScenario.DefaultStake, world.Stake[0 * world.N + 4]);
        Assert.Equal(0, world.Stake[0 * world.N + 2]);
    }

    [Fact]
    public void World190_ShortRunTwiceOnOneThread_BitIdentical()
    {
        var scenario = StylizedScenario.World190(steps: 5);
        var a = new RunRecord(190, 5);
        var b = new RunRecord(190, 5);

        Simulation.Run(scenario, 18, 3, a);
        Simulation.Run(scenario, 18, 4, b); // the worker's world, reused for another run in between
        Simulation.Run(scenario, 18, 3, b);

        Assert.Equal(a.Belief.Select(BitConverter.DoubleToInt64Bits), b.Belief.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.Security.Select(BitConverter.DoubleToInt64Bits), b.Security.Select(BitConverter.DoubleToInt64Bits));
        Assert.True(a.Events.Items.SequenceEqual(b.Events.Items));
    }
}
