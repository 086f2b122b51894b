using Spiral.Experiments.Classroom;

namespace Spiral.Web.Charts;

/// <summary>The classroom's charts: a seat's years so far and, in the debrief, each seat's beliefs against the truth (presentation only).</summary>
public static class ClassroomCharts
{
    /// <summary>The seat's belief about each other state, its observation of their spending and its own burden, year by year.</summary>
    public static IReadOnlyList<(string Id, ChartSpec Spec)> Seat(SeatView view)
    {
        var seen = view.History.Select(h => h.Year).Concat(view.OwnHistory.Select(h => h.Year)).ToList();
        if (seen.Count == 0)
        {
            return [];
        }
        var first = seen.Min();
        var years = Enumerable.Range(first, Math.Max(view.Year + view.YearsLeft - 1, seen.Max()) - first + 1).ToList();
        IEnumerable<(string, IReadOnlyList<double>)> PerState(Func<SeatHistoryPoint, double> value) =>
            view.History.GroupBy(h => h.About).Select(g => (g.Key, (IReadOnlyList<double>)g.OrderBy(h => h.Year).Select(value).ToList()));
        return
        [
            ("chart-seat-beliefs", Years(ChartFactory.Growing("Your belief that each is greedy", "belief", years, PerState(h => h.Belief), yMax: 1))),
            ("chart-seat-observed", Years(ChartFactory.Growing("Their spending, as you observe it", "observed spending", years, PerState(h => h.ObservedMilex)))),
            ("chart-seat-own", Years(ChartFactory.Growing("Your military spending", "% of GDP", years,
                [("you", view.OwnHistory.OrderBy(h => h.Year).Select(h => h.MilitaryShare).ToList())], scale: 100))),
        ];
    }

    /// <summary>One chart per seat: its belief about each other state by year, each line named with that state's true type.</summary>
    public static IReadOnlyList<(string Seat, ChartSpec Spec)> BeliefsAgainstTruth(ClassroomDebrief debrief)
    {
        var years = debrief.Beliefs.Select(b => b.Year).Distinct().Order().ToList();
        if (years.Count == 0)
        {
            return [];
        }
        return debrief.SeatYears.Select(r => r.Seat).Distinct().Select(seat => (seat, Years(ChartFactory.Growing($"{seat}'s beliefs", "belief: greedy", years,
            debrief.Beliefs.Where(b => b.Observer == seat).GroupBy(b => (b.About, b.Truth))
                .Select(g => ($"{g.Key.About} ({g.Key.Truth})", (IReadOnlyList<double>)g.OrderBy(b => b.Year).Select(b => b.Belief).ToList())),
            yMax: 1)))).ToList();
    }

    /// <summary>A game lasts a few years: one tick per calendar year, written as a year.</summary>
    private static ChartSpec Years(ChartSpec spec)
    {
        spec.Layout.XAxis[0].DTick = 1;
        spec.Layout.XAxis[0].TickFormat = "d";
        return spec;
    }
}
