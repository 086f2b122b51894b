using Spiral.Web.Charts;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.Charts;

public class WorldViewTests
{
    private static readonly string[] States = ["Alpha", "Beta", "Gamma"];

    [Fact]
    public void Frame_LargerBurden_LargerNode_AndAlliesSitSideBySideWithOneRing()
    {
        var frame = WorldView.Frame(2001, ["Alpha", "Beta", "Gamma", "Delta"], [0.0075, 0.03, 0.01, 0.01], [], [],
            [new[] { "Alpha", "Gamma" }]);
        var node = frame.Nodes.ToDictionary(n => n.Name);
        // the radius beyond the minimum grows with the square root of the burden: 3% of GDP twice 0.75%'s
        Assert.Equal(2, (node["Beta"].Radius - WorldView.MinRadius) / (node["Alpha"].Radius - WorldView.MinRadius), 9);
        Assert.Equal(node["Alpha"].Ring, node["Gamma"].Ring);
        Assert.Equal("white", node["Beta"].Ring);
        // Alpha and Gamma are neighbours on the circle (a quarter turn apart), not opposite
        var gap = Math.Sqrt(Math.Pow(node["Alpha"].X - node["Gamma"].X, 2) + Math.Pow(node["Alpha"].Y - node["Gamma"].Y, 2));
        Assert.Equal(Math.Sqrt(2) * WorldView.Radius, gap, 6);
        Assert.Equal("The world in 2001", frame.Title);
    }

    [Fact]
    public void Frame_EdgesFollowBeliefs_AndACrisisIsLabelledWithItsRung()
    {
        var edges = new[] { new NetworkEdge("Alpha", "Beta", 0.05, 0.15, 1), new NetworkEdge("Beta", "Gamma", 0.9, 0.8, 1) };
        var frame = WorldView.Frame(1999, States, [0.02, 0.02, 0.02], edges, [new WatchedCrisis("Beta", "Gamma", 7, false)], []);
        Assert.Equal(2, frame.Edges.Count);
        Assert.True(frame.Edges[1].Width > frame.Edges[0].Width);
        Assert.Equal(ChartFactory.BeliefColor(0.1), frame.Edges[0].Color);
        Assert.Equal(ChartFactory.BeliefColor(0.85), frame.Edges[1].Color);
        var crisis = Assert.Single(frame.Crises);
        Assert.Equal("rung 7", crisis.Label);
        var beta = frame.Nodes.Single(n => n.Name == "Beta");
        Assert.Equal((beta.X, beta.Y), (crisis.X1, crisis.Y1));
    }
}
