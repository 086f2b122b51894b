using Spiral.Core.Events;
using Spiral.Core.Recording;

namespace Spiral.Experiments.Metrics;

/// <summary>Per-run outcomes (DESIGN.md 3.2), computed by <see cref="RunMetrics.Summarize"/> from recorded rows only.</summary>
public sealed class RunSummary
{
    public RunSummary(int states)
    {
        MilexGrowth = new double[states];
        FinalSecurity = new double[states];
        InitialSecurity = new double[states];
        MeanBeliefAboutOthers = new double[states];
        BeliefError = new double[states * states];
        FinalBelief = new double[states * states];
        IsGreedy = new bool[states];
    }

    public long RunIndex { get; set; }
    public ulong Seed { get; set; }
    public int Wars { get; set; }
    public int WarsBetweenSecuritySeekers { get; set; }
    public int Crises { get; set; }
    public int MaxRung { get; set; }
    public int Spirals { get; set; }
    public int CbmsProposed { get; set; }
    public int CbmsSigned { get; set; }
    public int CbmsBlocked { get; set; }
    public int HotlinesOpened { get; set; }
    public int AlliancesFormed { get; set; }
    public int CrisesEndedByHotline { get; set; }
    /// <summary>Mean yearly milex growth over rival dyads' members (dyads with reach both ways).</summary>
    public double ArmsRaceIndex { get; set; }
    /// <summary>Pooled Richardson reaction coefficient k fitted on rival dyads' series: Δx_i = k x_j − a x_i + g.</summary>
    public double RichardsonReaction { get; set; }
    public double MeanSecurityChange { get; set; }
    /// <summary>Mean over directed dyads of |belief − truth| at the end.</summary>
    public double MeanBeliefError { get; set; }
    public bool[] IsGreedy { get; }
    /// <summary>Per state: yearly geometric mean growth of military spending.</summary>
    public double[] MilexGrowth { get; }
    public double[] InitialSecurity { get; }
    public double[] FinalSecurity { get; }
    public double[] MeanBeliefAboutOthers { get; }
    /// <summary>Final belief of i about j at i·N+j.</summary>
    public double[] FinalBelief { get; }
    /// <summary>|final belief − truth| of i about j at i·N+j.</summary>
    public double[] BeliefError { get; }
    /// <summary>Step of the first war, or -1.</summary>
    public int FirstWarStep { get; set; } = -1;

    public bool HadWar => Wars > 0;
}
