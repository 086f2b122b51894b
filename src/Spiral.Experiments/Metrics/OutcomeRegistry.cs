using Spiral.Numerics.Statistics;
using System.Text;

namespace Spiral.Experiments.Metrics;

/// <summary>What a run's value of an outcome is, which decides how it is stored and summarized over runs.</summary>
public enum OutcomeKind
{
    /// <summary>Events counted in a run (≥ 0): mean per run with a normal 95% interval cut at 0; INTEGER column.</summary>
    Count,
    /// <summary>0 or 1 (did it happen in the run): the proportion of runs with a Wilson 95% interval; BOOLEAN column.</summary>
    Indicator,
    /// <summary>An integer level reached in a run (≥ 0), such as the highest rung: mean and maximum over runs; INTEGER column.</summary>
    Level,
    /// <summary>A real number: mean with a normal 95% interval; DOUBLE column.</summary>
    Real,
}

/// <summary>What an outcome is measured on: a whole run, one state of it, or one directed dyad i→j.</summary>
public enum OutcomeScope
{
    Run,
    State,
    Dyad,
}

/// <summary>
/// One outcome, defined once: its canonical camelCase <see cref="Name"/>, label, unit, kind and the function that
/// reads it from a run's <see cref="RunSummary"/>. Every other spelling is derived from the name: the snake_case
/// <see cref="Column"/> of CSV files and the results store, and the JSON field <see cref="SummaryName"/> of its
/// summary over runs. A function returns NaN when the outcome is undefined for a run (stored as NULL, skipped by means).
/// </summary>
public sealed class Outcome
{
    private readonly Func<RunSummary, int, int, double> _of;

    internal Outcome(OutcomeScope scope, int index, string name, string label, string unit, OutcomeKind kind,
        Func<RunSummary, int, int, double> of, bool headline, bool optional)
    {
        Scope = scope;
        Index = index;
        Name = name;
        Label = label;
        Unit = unit;
        Kind = kind;
        Headline = headline;
        Optional = optional;
        _of = of;
    }

    public OutcomeScope Scope { get; }
    /// <summary>Position in its scope's list (<see cref="OutcomeRegistry.Runs"/>, <see cref="OutcomeRegistry.States"/>, <see cref="OutcomeRegistry.Dyads"/>).</summary>
    public int Index { get; }
    /// <summary>The canonical identifier (camelCase), e.g. <c>hadWar</c>.</summary>
    public string Name { get; }
    /// <summary>What people read in tables and charts, e.g. "P(war)".</summary>
    public string Label { get; }
    public string Unit { get; }
    public OutcomeKind Kind { get; }
    /// <summary>Shown where only a few outcomes fit (the sweep table, the explorer's headline figures, a report's per-point table).</summary>
    public bool Headline { get; }
    /// <summary>Undefined for some runs (the function returns NaN; the column is nullable).</summary>
    public bool Optional { get; }

    /// <summary>The CSV and results-store column: <see cref="Name"/> in snake_case, e.g. <c>had_war</c>.</summary>
    public string Column => OutcomeNaming.SnakeCase(Name);

    /// <summary>
    /// The JSON field of the outcome's summary over runs. Run outcomes: an indicator <c>hadX</c> gives <c>xProbability</c>,
    /// a count <c>x</c> gives <c>xPerRun</c>, a level <c>x</c> gives <c>xMean</c> (and <see cref="MaximumName"/>), a
    /// real <c>x</c> stays <c>x</c>. State and dyad outcomes (plain means): an indicator <c>isX</c> gives <c>xShare</c>,
    /// others keep their name.
    /// </summary>
    public string SummaryName => (Scope, Kind) switch
    {
        (OutcomeScope.Run, OutcomeKind.Indicator) => OutcomeNaming.Stem(Name) + "Probability",
        (OutcomeScope.Run, OutcomeKind.Count) => Name + "PerRun",
        (OutcomeScope.Run, OutcomeKind.Level) => Name + "Mean",
        (_, OutcomeKind.Indicator) => OutcomeNaming.Stem(Name) + "Share",
        _ => Name,
    };

    /// <summary>The JSON field of the maximum over runs, for a run-level <see cref="OutcomeKind.Level"/>; otherwise null.</summary>
    public string? MaximumName => Scope == OutcomeScope.Run && Kind == OutcomeKind.Level ? Name + "Max" : null;

    /// <summary>.NET format of a value for people: probabilities to 3 decimals, counts to 2, levels to 1, growth rates in percent.</summary>
    public string Format => Kind switch
    {
        OutcomeKind.Indicator => "F3",
        OutcomeKind.Count => "F2",
        OutcomeKind.Level => "F1",
        _ => Unit == OutcomeRegistry.Units.GrowthPerYear ? "P2" : "F3",
    };

    /// <summary>The value in run <paramref name="s"/> (run scope).</summary>
    public double Of(RunSummary s) => _of(s, -1, -1);

    /// <summary>The value for state <paramref name="state"/> in run <paramref name="s"/> (state scope).</summary>
    public double Of(RunSummary s, int state) => _of(s, state, -1);

    /// <summary>The value for the directed dyad <paramref name="i"/>→<paramref name="j"/> in run <paramref name="s"/> (dyad scope).</summary>
    public double Of(RunSummary s, int i, int j) => _of(s, i, j);

    /// <summary>
    /// The 95% interval of the mean over <paramref name="runs"/> runs from the sum and sample variance of their values:
    /// Wilson for an indicator, normal (cut at 0 for counts and levels) otherwise; NaN when no run defines it.
    /// The streaming aggregate and the results-store reader both call this.
    /// </summary>
    public Estimate Estimate(long runs, double sum, double variance)
    {
        if (runs <= 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }
        return Kind == OutcomeKind.Indicator
            ? Numerics.Statistics.Estimate.Wilson(sum / runs, runs)
            : Numerics.Statistics.Estimate.OfMoments(runs, sum / runs, variance, Kind is OutcomeKind.Count or OutcomeKind.Level ? 0 : double.NegativeInfinity);
    }

    public override string ToString() => Name;
}

/// <summary>
/// An ensemble ratio of run outcomes' totals: the sum over runs of the <see cref="Numerators"/> over the sum of the
/// <see cref="Denominator"/>, e.g. wars per crisis = Σ wars / Σ crises (0 when the denominator's sum is 0). A ratio of
/// sums, not a mean of per-run ratios, so runs without a crisis do not count.
/// </summary>
public sealed record OutcomeRatio(string Name, string Label, IReadOnlyList<Outcome> Numerators, Outcome Denominator)
{
    public OutcomeRatio(string name, string label, Outcome numerator, Outcome denominator) : this(name, label, [numerator], denominator)
    {
    }

    public double Of(double numeratorSum, double denominatorSum) => Numerics.Statistics.Estimate.Ratio(numeratorSum, denominatorSum);

    /// <summary>The ratio from a function giving each run outcome's sum over the runs.</summary>
    public double Of(Func<Outcome, double> sumOf) => Of(Numerators.Sum(sumOf), sumOf(Denominator));

    /// <summary>How it is computed, for people: <c>Σ wars / Σ crises</c>, <c>Σ (crisesAtUseOfForce + crisesAtWar) / Σ crises</c>.</summary>
    public string Formula => (Numerators.Count == 1 ? "Σ " + Numerators[0].Name : "Σ (" + string.Join(" + ", Numerators.Select(o => o.Name)) + ")")
        + " / Σ " + Denominator.Name;
}

/// <summary>
/// Every outcome of a run, defined once (DESIGN.md 3.3, 7): run JSON and tables, CSV columns, the results store's
/// <c>runs</c> and <c>run_states</c> columns, its reader, reports, comparisons, the tornado chart and the web
/// explorer read these lists. A new outcome is one entry here and its metric in <see cref="RunMetrics"/>.
/// </summary>
public static class OutcomeRegistry
{
    /// <summary>Units of the outcomes.</summary>
    public static class Units
    {
        public const string Probability = "probability";
        public const string PerRun = "per run";
        public const string Rung = "Kahn rung";
        public const string Step = "step";
        public const string GrowthPerYear = "growth per year";
        public const string Coefficient = "coefficient";
        public const string Security = "security (1 = safe)";
        public const string Belief = "belief (0–1)";
    }

    private static readonly List<Outcome> RunList = [], StateList = [], DyadList = [];

    // ---- per run, in the column order of the results store's runs table ----
    public static readonly Outcome HadWar = Run("hadWar", "P(war)", Units.Probability, OutcomeKind.Indicator,
        s => s.HadWar ? 1 : 0, headline: true);
    public static readonly Outcome HadWarBetweenSecuritySeekers = Run("hadWarBetweenSecuritySeekers",
        "P(war between two security-seekers)", Units.Probability, OutcomeKind.Indicator, s => s.WarsBetweenSecuritySeekers > 0 ? 1 : 0,
        headline: true);
    public static readonly Outcome Wars = Run("wars", "wars per run", Units.PerRun, OutcomeKind.Count, s => s.Wars);
    public static readonly Outcome WarsBetweenSecuritySeekers = Run("warsBetweenSecuritySeekers", "wars between security-seekers per run",
        Units.PerRun, OutcomeKind.Count, s => s.WarsBetweenSecuritySeekers);
    public static readonly Outcome FirstWarStep = Run("firstWarStep", "step of the first war (runs with a war)", Units.Step,
        OutcomeKind.Level, s => s.FirstWarStep >= 0 ? s.FirstWarStep : double.NaN, optional: true);
    public static readonly Outcome WarsFromPrivateInformation = Run("warsFromPrivateInformation",
        "wars from private information per run", Units.PerRun, OutcomeKind.Count, s => s.WarsFromPrivateInformation);
    public static readonly Outcome WarsFromCommitmentProblem = Run("warsFromCommitmentProblem",
        "preventive wars (commitment problem) per run", Units.PerRun, OutcomeKind.Count, s => s.WarsFromCommitmentProblem);
    public static readonly Outcome WarsFromPreemption = Run("warsFromPreemption", "pre-emptive wars per run", Units.PerRun,
        OutcomeKind.Count, s => s.WarsFromPreemption);
    public static readonly Outcome WarsStartedByWeakerSide = Run("warsStartedByWeakerSide",
        "wars started by the weaker side per run", Units.PerRun,
        OutcomeKind.Count, s => s.WarsStartedByWeakerSide);
    public static readonly Outcome ScriptedWars = Run("scriptedWars", "scripted wars (history, not model output) per run",
        Units.PerRun, OutcomeKind.Count, s => s.ScriptedWars);
    public static readonly Outcome Crises = Run("crises", "crises per run", Units.PerRun, OutcomeKind.Count, s => s.Crises, headline: true);
    public static readonly Outcome CrisesAtThreat = Run("crisesAtThreat", "crises ending at a threat (MID 2) per run", Units.PerRun,
        OutcomeKind.Count, s => s.CrisesAtThreat);
    public static readonly Outcome CrisesAtDisplay = Run("crisesAtDisplay", "crises ending at a display of force (MID 3) per run",
        Units.PerRun, OutcomeKind.Count, s => s.CrisesAtDisplay);
    public static readonly Outcome CrisesAtUseOfForce = Run("crisesAtUseOfForce", "crises ending at use of force (MID 4) per run",
        Units.PerRun, OutcomeKind.Count, s => s.CrisesAtUseOfForce);
    public static readonly Outcome CrisesAtWar = Run("crisesAtWar", "crises ending in war (MID 5) per run", Units.PerRun,
        OutcomeKind.Count, s => s.CrisesAtWar);
    public static readonly Outcome FatalClashes = Run("fatalClashes", "fatal clashes per run",
        Units.PerRun, OutcomeKind.Count, s => s.FatalClashes);
    public static readonly Outcome MaxRung = Run("maxRung", "highest escalation rung (Kahn)", Units.Rung, OutcomeKind.Level,
        s => s.MaxRung, headline: true);
    public static readonly Outcome Spirals = Run("spirals", "spirals per run", Units.PerRun, OutcomeKind.Count, s => s.Spirals, headline: true);
    public static readonly Outcome AllyInterventions = Run("allyInterventions", "ally interventions per run", Units.PerRun,
        OutcomeKind.Count, s => s.AllyInterventions);
    public static readonly Outcome AllyAbandonments = Run("allyAbandonments", "ally abandonments per run",
        Units.PerRun, OutcomeKind.Count, s => s.AllyAbandonments);
    public static readonly Outcome CbmsProposed = Run("cbmsProposed", "CBMs proposed per run", Units.PerRun, OutcomeKind.Count, s => s.CbmsProposed);
    public static readonly Outcome CbmsSigned = Run("cbmsSigned", "CBMs signed per run", Units.PerRun, OutcomeKind.Count, s => s.CbmsSigned);
    public static readonly Outcome CbmsBlocked = Run("cbmsBlocked", "CBMs blocked by mistrust per run", Units.PerRun, OutcomeKind.Count,
        s => s.CbmsBlocked);
    public static readonly Outcome HotlinesOpened = Run("hotlinesOpened", "hotlines opened per run", Units.PerRun, OutcomeKind.Count,
        s => s.HotlinesOpened);
    public static readonly Outcome AlliancesFormed = Run("alliancesFormed", "alliances formed per run", Units.PerRun, OutcomeKind.Count,
        s => s.AlliancesFormed);
    public static readonly Outcome CrisesEndedByHotline = Run("crisesEndedByHotline", "crises ended by a hotline per run", Units.PerRun,
        OutcomeKind.Count, s => s.CrisesEndedByHotline);
    public static readonly Outcome ArmsRaceIndex = Run("armsRaceIndex", "arms-race index (milex growth of rival dyads)", Units.GrowthPerYear,
        OutcomeKind.Real, s => s.ArmsRaceIndex);
    public static readonly Outcome RichardsonReaction = Run("richardsonReaction", "Richardson reaction coefficient k", Units.Coefficient,
        OutcomeKind.Real, s => s.RichardsonReaction);
    public static readonly Outcome MeanSecurityChange = Run("meanSecurityChange", "mean security change", Units.Security, OutcomeKind.Real,
        s => s.MeanSecurityChange);
    public static readonly Outcome MeanBeliefError = Run("meanBeliefError", "mean belief error at the end", Units.Belief, OutcomeKind.Real,
        s => s.MeanBeliefError);
    public static readonly Outcome MeanMilexGrowth = Run("meanMilexGrowth", "mean yearly milex growth", Units.GrowthPerYear, OutcomeKind.Real,
        s => s.MeanMilexGrowth, headline: true);
    public static readonly Outcome MeanFinalSecurity = Run("meanFinalSecurity", "mean final security", Units.Security, OutcomeKind.Real,
        s => s.MeanFinalSecurity, headline: true);
    public static readonly Outcome GreedyStates = Run("greedyStates", "states of the greedy type per run", Units.PerRun, OutcomeKind.Count,
        s => s.GreedyStates);

    // ---- per state, in the column order of run_states ----
    public static readonly Outcome IsGreedy = State("isGreedy", "share of runs greedy", Units.Probability, OutcomeKind.Indicator,
        (s, i) => s.IsGreedy[i] ? 1 : 0);
    public static readonly Outcome MilexGrowth = State("milexGrowth", "yearly milex growth", Units.GrowthPerYear, OutcomeKind.Real,
        (s, i) => s.MilexGrowth[i]);
    public static readonly Outcome InitialSecurity = State("initialSecurity", "initial security", Units.Security, OutcomeKind.Real,
        (s, i) => s.InitialSecurity[i]);
    public static readonly Outcome FinalSecurity = State("finalSecurity", "final security", Units.Security, OutcomeKind.Real,
        (s, i) => s.FinalSecurity[i]);
    public static readonly Outcome MeanBeliefAboutOthers = State("meanBeliefAboutOthers", "mean belief others are greedy", Units.Belief,
        OutcomeKind.Real, (s, i) => s.MeanBeliefAboutOthers[i]);

    // ---- per directed dyad i→j ----
    public static readonly Outcome Belief = Dyad("belief", "final belief", Units.Belief, OutcomeKind.Real,
        (s, i, j) => s.FinalBelief[i * s.IsGreedy.Length + j]);
    public static readonly Outcome BeliefError = Dyad("beliefError", "belief error", Units.Belief, OutcomeKind.Real,
        (s, i, j) => s.BeliefError[i * s.IsGreedy.Length + j]);

    /// <summary>Model wars per model crisis over the whole ensemble.</summary>
    public static readonly OutcomeRatio WarGivenCrisis = new("warGivenCrisis", "wars per crisis", Wars, Crises);

    /// <summary>Share of model crises whose highest level is use of force or war (MID 4 or 5) over the whole ensemble.</summary>
    public static readonly OutcomeRatio ForceOrWarGivenCrisis = new("forceOrWarGivenCrisis", "share of crises reaching use of force or war",
        [CrisesAtUseOfForce, CrisesAtWar], Crises);

    /// <summary>Run outcomes in store-column and report order.</summary>
    public static IReadOnlyList<Outcome> Runs => RunList;
    public static IReadOnlyList<Outcome> States => StateList;
    public static IReadOnlyList<Outcome> Dyads => DyadList;
    public static IReadOnlyList<OutcomeRatio> Ratios { get; } = [WarGivenCrisis, ForceOrWarGivenCrisis];

    /// <summary>Run outcomes defined in every run: the ones a paired comparison differences run by run.</summary>
    public static IReadOnlyList<Outcome> Compared { get; } = RunList.Where(o => !o.Optional).ToList();

    /// <summary>The run outcome named <paramref name="name"/> (canonical name or column), or null.</summary>
    public static Outcome? Find(string name) =>
        RunList.FirstOrDefault(o => o.Name == name || o.Column == name);

    /// <summary>The label of a run outcome (by name or column) or of a ratio (by name); the name itself when unknown.</summary>
    public static string LabelOf(string name) => Find(name)?.Label ?? Ratios.FirstOrDefault(r => r.Name == name)?.Label ?? name;

    private static Outcome Run(string name, string label, string unit, OutcomeKind kind, Func<RunSummary, double> of,
        bool headline = false, bool optional = false) =>
        Add(RunList, new Outcome(OutcomeScope.Run, RunList.Count, name, label, unit, kind, (s, _, _) => of(s), headline, optional));

    private static Outcome State(string name, string label, string unit, OutcomeKind kind, Func<RunSummary, int, double> of) =>
        Add(StateList, new Outcome(OutcomeScope.State, StateList.Count, name, label, unit, kind, (s, i, _) => of(s, i), false, false));

    private static Outcome Dyad(string name, string label, string unit, OutcomeKind kind, Func<RunSummary, int, int, double> of) =>
        Add(DyadList, new Outcome(OutcomeScope.Dyad, DyadList.Count, name, label, unit, kind, of, false, false));

    private static Outcome Add(List<Outcome> list, Outcome outcome)
    {
        list.Add(outcome);
        return outcome;
    }
}

/// <summary>The mechanical spellings of an outcome's canonical camelCase name.</summary>
public static class OutcomeNaming
{
    /// <summary><c>hadWarBetweenSecuritySeekers</c> → <c>had_war_between_security_seekers</c>.</summary>
    public static string SnakeCase(string camel)
    {
        var b = new StringBuilder(camel.Length + 8);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                if (b.Length > 0)
                {
                    b.Append('_');
                }
                b.Append(char.ToLowerInvariant(c));
            }
            else
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }

    /// <summary>The name without a leading <c>had</c> or <c>is</c>: <c>hadWar</c> → <c>war</c>, <c>isGreedy</c> → <c>greedy</c>.</summary>
    public static string Stem(string camel)
    {
        foreach (var prefix in new[] { "had", "is" })
        {
            if (camel.Length > prefix.Length && camel.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(camel[prefix.Length]))
            {
                return char.ToLowerInvariant(camel[prefix.Length]) + camel[(prefix.Length + 1)..];
            }
        }
        return camel;
    }
}
