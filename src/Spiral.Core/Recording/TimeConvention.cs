namespace Spiral.Core.Recording;

/// <summary>
/// The one time convention of every output (docs/explanation/model.md, "Time"). Step t ∈ {1..Steps} simulates
/// calendar year Y(t) = StartYear + t − 1, so a scenario covers StartYear .. StartYear + Steps − 1 and a timeline
/// event dated Y applies at the start of the step t with Y(t) = Y. Recorded row t ≥ 1 is the state at the end of
/// year Y(t); row 0 is the initial state, labelled with year StartYear − 1 ("the end of the previous year") by the
/// same formula. An event recorded during step t carries step t and year Y(t).
/// </summary>
public static class TimeConvention
{
    /// <summary>The calendar year of step (or recorded row) <paramref name="step"/>: StartYear + t − 1.</summary>
    public static int Year(int startYear, int step) => startYear + step - 1;

    /// <summary>The step that simulates <paramref name="year"/> (inverse of <see cref="Year"/>).</summary>
    public static int Step(int startYear, int year) => year - startYear + 1;

    /// <summary>The last year a horizon of <paramref name="steps"/> simulates.</summary>
    public static int LastYear(int startYear, int steps) => Year(startYear, steps);

    /// <summary>"2010–2024 (15 years)": the years a horizon simulates, for people.</summary>
    public static string Span(int startYear, int steps) =>
        $"{startYear}–{LastYear(startYear, steps)} ({steps} {(steps == 1 ? "year" : "years")})";
}
