using System.Globalization;
using Spiral.Web.ViewModels;

namespace Spiral.Web.Charts;

/// <summary>A state in the world view: where it sits, how large (its military burden), its alliance ring and its label.</summary>
public sealed record WorldNode(string Name, double X, double Y, double Radius, string Ring, bool LabelBelow, string Hover);

/// <summary>A dyad in the world view, coloured and thickened by the two sides' beliefs that the other is greedy.</summary>
public sealed record WorldEdge(double X1, double Y1, double X2, double Y2, double Width, string Color, string Hover);

/// <summary>A crisis of the year in the world view: a dashed red edge labelled with its rung.</summary>
public sealed record WorldCrisis(double X1, double Y1, double X2, double Y2, string Label, string Hover);

/// <summary>The world view of one year of a watched run, in the coordinates of <see cref="WorldView.ViewBox"/>.</summary>
public sealed record WorldFrame(int Year, IReadOnlyList<WorldNode> Nodes, IReadOnlyList<WorldEdge> Edges, IReadOnlyList<WorldCrisis> Crises)
{
    public string Title => $"The world in {Year}";
}

/// <summary>
/// The world view of a watched year as plain SVG (drawn by the page, so a step changes a few attributes instead of
/// re-laying out a plot): the states on a circle, node area growing with the military burden, each dyad coloured by
/// the two sides' beliefs that year (green trust, red fear), a crisis of the year as a dashed red edge labelled with
/// its rung, and the members of an alliance side by side with one ring colour.
/// </summary>
public static class WorldView
{
    public const string ViewBox = "0 0 600 430";
    public const double CenterX = 300, CenterY = 215, Radius = 140;
    /// <summary>A node's radius is this much plus <see cref="RadiusPerRootShare"/> × √(military share): the area beyond the minimum grows with the burden.</summary>
    public const double MinRadius = 7, RadiusPerRootShare = 80;
    public const string Legend = "size: military burden · edge: green trust, red fear · dashed red: crisis · ring: alliance";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static WorldFrame Frame(int year, IReadOnlyList<string> states, IReadOnlyList<double> militaryShare, IReadOnlyList<NetworkEdge> edges,
        IReadOnlyList<WatchedCrisis> crises, IReadOnlyList<IReadOnlyList<string>> alliances)
    {
        // alliance members first, each alliance together, then the others: allies sit side by side on the circle
        var order = alliances.SelectMany(a => a).Where(states.Contains).Concat(states).Distinct().ToList();
        var pos = new Dictionary<string, (double X, double Y)>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < order.Count; k++)
        {
            var angle = Math.PI / 2 - 2 * Math.PI * k / order.Count;
            pos[order[k]] = (CenterX + Radius * Math.Cos(angle), CenterY - Radius * Math.Sin(angle));
        }
        var nodes = states.Select((s, k) => new WorldNode(s, pos[s].X, pos[s].Y,
            MinRadius + RadiusPerRootShare * Math.Sqrt(Math.Max(0, militaryShare[k])),
            alliances.Select((a, i) => (a, i)).Where(x => x.a.Contains(s)).Select(x => ChartFactory.Color(x.i + 1)).FirstOrDefault() ?? "white",
            pos[s].Y > CenterY + 1e-9,
            string.Create(Inv, $"{s}: military spending {militaryShare[k]:P1} of GDP"))).ToList();
        var lines = edges.Select(e => new WorldEdge(pos[e.A].X, pos[e.A].Y, pos[e.B].X, pos[e.B].Y, 2 + 8 * e.MutualBelief,
            ChartFactory.BeliefColor(e.MutualBelief),
            string.Create(Inv, $"{e.A}–{e.B}: {e.A} thinks {e.B} greedy {e.BeliefAB:P0}, {e.B} thinks {e.A} greedy {e.BeliefBA:P0}"))).ToList();
        var clashes = crises.Select(c => new WorldCrisis(pos[c.A].X, pos[c.A].Y, pos[c.B].X, pos[c.B].Y, $"rung {c.Rung}",
            $"crisis {c.A}–{c.B}, rung {c.Rung}{(c.Scripted ? " (history)" : "")}")).ToList();
        return new WorldFrame(year, nodes, lines, clashes);
    }
}
