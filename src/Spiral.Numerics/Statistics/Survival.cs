namespace Spiral.Numerics.Statistics;

/// <summary>One step of a Kaplan-Meier curve: at <c>Time</c>, <c>Events</c> of <c>AtRisk</c> subjects had the event and the survival fell to <c>Survival</c>.</summary>
public readonly record struct SurvivalStep(double Time, int AtRisk, int Events, double Survival);

/// <summary>
/// The Kaplan-Meier estimate of a survival curve from right-censored times (Kaplan &amp; Meier 1958), and its restricted
/// mean survival time (RMST) up to a horizon τ with the variance of Klein &amp; Moeschberger (2003, Survival Analysis, §4.5).
/// Censored times are not treated as event times: a run that never saw the event within its horizon counts as at risk up
/// to its horizon and no further, so a mean of censored times (which is bounded by the horizon) is never taken.
/// </summary>
public sealed class KaplanMeier
{
    /// <summary>The curve's steps at the distinct event times, in increasing time.</summary>
    public IReadOnlyList<SurvivalStep> Steps { get; }

    /// <summary>Number of subjects.</summary>
    public int Count { get; }

    /// <summary>Number of observed events (not censored).</summary>
    public int EventCount { get; }

    /// <summary>
    /// The estimate from <paramref name="times"/> and <paramref name="observed"/> (true: the event happened at that time;
    /// false: censored, known only not to have happened by then). At tied times, censorings count as at risk for the
    /// events (the usual convention: censoring just after the event).
    /// </summary>
    public KaplanMeier(IReadOnlyList<double> times, IReadOnlyList<bool> observed)
    {
        if (times.Count != observed.Count)
        {
            throw new ArgumentException("times and observed must have the same length");
        }
        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ToArray();
        var steps = new List<SurvivalStep>();
        var atRisk = times.Count;
        var survival = 1.0;
        var k = 0;
        while (k < order.Length)
        {
            var t = times[order[k]];
            if (double.IsNaN(t))
            {
                throw new ArgumentException("a time is NaN");
            }
            int events = 0, leaving = 0;
            while (k < order.Length && times[order[k]] == t)
            {
                if (observed[order[k]])
                {
                    events++;
                }
                leaving++;
                k++;
            }
            if (events > 0)
            {
                survival *= 1.0 - (double)events / atRisk;
                steps.Add(new SurvivalStep(t, atRisk, events, survival));
            }
            atRisk -= leaving;
        }
        Steps = steps;
        Count = times.Count;
        EventCount = steps.Sum(s => s.Events);
    }

    /// <summary>Ŝ(t): the estimated probability that the event has not happened by time <paramref name="t"/> (right-continuous).</summary>
    public double SurvivalAt(double t)
    {
        var s = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > t)
            {
                break;
            }
            s = step.Survival;
        }
        return s;
    }

    /// <summary>
    /// The restricted mean survival time ∫₀^τ Ŝ(t) dt with its 95% normal interval; variance
    /// Σ_{t_j ≤ τ} A_j² d_j / (Y_j (Y_j − d_j)) with A_j = ∫_{t_j}^τ Ŝ(t) dt (Klein &amp; Moeschberger 2003, eq. 4.5.2);
    /// a step where every subject at risk had the event adds nothing (Ŝ is 0 after it, so A_j = 0).
    /// </summary>
    public Estimate RestrictedMean(double tau)
    {
        if (!(tau > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "the horizon must be positive");
        }
        var within = Steps.Where(s => s.Time <= tau).ToArray();
        // Area under the step function from 0 to τ.
        double area = 0, previousTime = 0, previousSurvival = 1;
        foreach (var s in within)
        {
            area += previousSurvival * (s.Time - previousTime);
            previousTime = s.Time;
            previousSurvival = s.Survival;
        }
        area += previousSurvival * (tau - previousTime);
        double variance = 0;
        for (var j = 0; j < within.Length; j++)
        {
            var s = within[j];
            if (s.AtRisk == s.Events)
            {
                continue;
            }
            // A_j: the area from t_j to τ.
            double a = 0;
            for (var l = j; l < within.Length; l++)
            {
                var end = l + 1 < within.Length ? within[l + 1].Time : tau;
                a += within[l].Survival * (end - within[l].Time);
            }
            variance += a * a * s.Events / ((double)s.AtRisk * (s.AtRisk - s.Events));
        }
        return Estimate.Normal(area, Math.Sqrt(variance));
    }

    /// <summary>The standard error of <see cref="RestrictedMean"/> at <paramref name="tau"/>.</summary>
    public double RestrictedMeanStandardError(double tau)
    {
        var e = RestrictedMean(tau);
        return (e.High - e.Mean) / Estimate.Z95;
    }

    /// <summary>
    /// The difference of two arms' restricted mean survival times, <paramref name="treated"/> − <paramref name="baseline"/>,
    /// with a 95% interval from the sum of the two variances (arms treated as independent samples; with common random
    /// numbers the arms are positively correlated, so the interval is conservative).
    /// </summary>
    public static Estimate RestrictedMeanDifference(KaplanMeier baseline, KaplanMeier treated, double tau)
    {
        var b = baseline.RestrictedMean(tau);
        var t = treated.RestrictedMean(tau);
        var se = Math.Sqrt(Math.Pow(baseline.RestrictedMeanStandardError(tau), 2) + Math.Pow(treated.RestrictedMeanStandardError(tau), 2));
        return Estimate.Normal(t.Mean - b.Mean, se);
    }
}
