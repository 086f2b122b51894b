using Spiral.Core.Events;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Numerics.Random;

namespace Spiral.Core.Model;

/// <summary>Builds the initial <see cref="World"/> of one run from a scenario and the run's seed.</summary>
public static class WorldFactory
{
    /// <summary>
    /// Creates run <paramref name="runIndex"/> of an experiment with <paramref name="masterSeed"/>: every random
    /// stream of the run is derived from (master seed, run index, stream name), and private types are drawn here.
    /// Events go to <paramref name="events"/> (cleared) when given, so an ensemble reuses one buffer per worker
    /// instead of growing a new one per run. When <paramref name="reuse"/> is given and has the scenario's shape, it is
    /// re-initialised in place and returned, in exactly the state a new world would have (issue 18: a worker reuses one
    /// world across runs); its policies are kept where the state's policy is the same and carries no state between runs.
    /// </summary>
    public static World Create(Scenario scenario, ulong masterSeed, long runIndex, EventLog? events = null, World? reuse = null)
    {
        var n = scenario.States.Count;
        World w;
        Scenario? previous = null;
        if (reuse is not null && reuse.Fits(scenario))
        {
            previous = reuse.Scenario;
            reuse.Reset(scenario, events);
            w = reuse;
        }
        else
        {
            w = new World(scenario, n, events);
        }
        w.Apply(scenario.World);
        Crisis.ComputeMoveLlr(w);
        w.Seed = RandomStream.RunSeed(masterSeed, runIndex);
        w.TypeRng = RandomStream.Derive(masterSeed, runIndex, "types");
        w.ObserveRng = RandomStream.Derive(masterSeed, runIndex, "observe");
        w.InstitutionsRng = RandomStream.Derive(masterSeed, runIndex, "institutions");
        w.IncidentRng = RandomStream.Derive(masterSeed, runIndex, "incidents");
        w.CrisisRng = RandomStream.Derive(masterSeed, runIndex, "crisis");
        w.PolicyRng = RandomStream.Derive(masterSeed, runIndex, "policy");
        w.TimelineRng = RandomStream.Derive(masterSeed, runIndex, "timeline");
        w.BudgetRng = RandomStream.Derive(masterSeed, runIndex, "budget");

        for (var i = 0; i < n; i++)
        {
            var s = scenario.States[i];
            w.Names[i] = s.Name;
            w.Gdp[i] = s.Gdp;
            w.Growth[i] = s.Growth;
            w.MilitaryShare[i] = s.MilitaryShare;
            w.Milex[i] = s.MilitaryShare * s.Gdp;
            w.PreviousMilex[i] = w.Milex[i];
            w.Offense[i] = s.InitialOffense(w.Depreciation);
            w.Defense[i] = s.InitialDefense(w.Depreciation);
            w.Posture[i] = s.Posture;
            w.GreedProbability[i] = s.GreedProbability;
            w.InternalThreat[i] = s.InternalThreat;
            w.DevelopmentPriority[i] = s.DevelopmentPriority;
            w.Empathy[i] = s.Empathy;
            w.Resolve[i] = s.Resolve;
            w.Alliance[i] = -1;
            w.IsGreedy[i] = w.TypeRng.NextDouble() < s.GreedProbability;
            w.SecurityPolicies[i] = Policy(w.SecurityPolicies[i], previous?.States[i].Policy, s.Policy);
            w.GreedyPolicies[i] = Policy(w.GreedyPolicies[i], previous?.States[i].GreedyPolicy, s.GreedyPolicy);
            w.ForcedMilitaryShare[i] = double.NaN;
            w.DesiredBurden[i] = s.MilitaryShare;
            w.LongRunShare[i] = s.LongRunBurden;
            w.Nuclear[i] = s.Nuclear != 0;
            w.WarGdpFactor[i] = 1;
            w.ObservedGdp[i] = ObservedGdp(scenario, s);
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                w.LastCrisisStep[ij] = -1;
                w.WarUntil[ij] = -1;
                if (i == j)
                {
                    continue;
                }
                w.Reach[ij] = scenario.DefaultReach;
                w.ObservedMilex[ij] = scenario.States[j].MilitaryShare * scenario.States[j].Gdp;
                w.Belief[ij] = Math.Clamp(scenario.PriorBelief ?? scenario.States[j].GreedProbability, scenario.Model.BeliefFloor, 1 - scenario.Model.BeliefFloor);
                w.SharedIdentity[ij] = Jaccard(scenario.States[i].Identity, scenario.States[j].Identity);
            }
        }

        for (var k = 0; k < scenario.Dyads.Count; k++)
        {
            var d = scenario.Dyads[k];
            var a = scenario.IndexOf(d.A);
            var b = scenario.IndexOf(d.B);
            if (a < 0 || b < 0 || a == b)
            {
                throw new ArgumentException($"dyad {d.A}-{d.B} names an unknown state or the same state twice");
            }
            int ab = a * n + b, ba = b * n + a;
            w.Reach[ab] = d.ReachAB ?? d.Reach;
            w.Reach[ba] = d.ReachBA ?? d.Reach;
            w.Rivalry[ab] = w.Rivalry[ba] = d.Rivalry;
            w.Transparency[ab] = w.Transparency[ba] = d.Transparency;
            w.Hotline[ab] = w.Hotline[ba] = d.Hotline;
            w.Stake[ab] = w.Stake[ba] = d.Stake;
            if (d.BeliefAB is { } bab) w.Belief[ab] = bab;
            if (d.BeliefBA is { } bba) w.Belief[ba] = bba;
        }

        for (var k = 0; k < scenario.Alliances.Count; k++)
        {
            var alliance = scenario.Alliances[k];
            var id = w.AllianceCount++;
            w.AllianceCommitment[id] = alliance.Commitment;
            w.AllianceNames[id] = alliance.Name;
            foreach (var member in alliance.Members)
            {
                var m = scenario.IndexOf(member);
                if (m < 0)
                {
                    throw new ArgumentException($"alliance {alliance.Name} names unknown state {member}");
                }
                w.Alliance[m] = id;
            }
        }

        Array.Copy(w.Belief, w.PreviousBelief, w.Belief.Length);
        Array.Copy(w.Belief, w.PriorBelief, w.Belief.Length);
        AssessPhase.Run(w);
        Array.Copy(w.Security, w.PreviousSecurity, n);
        Array.Copy(w.Vulnerability, w.ReferenceVulnerability, w.Vulnerability.Length);
        Array.Copy(w.Vulnerability, w.PreviousVulnerability, w.Vulnerability.Length);
        for (var i = 0; i < n; i++)
        {
            w.ReferenceInsecurity[i] = World.Insecurity(w.Security[i]);
        }
        return w;
    }

    /// <summary>
    /// The policy <paramref name="spec"/> names: <paramref name="kept"/>, the reused world's policy, when it was built from
    /// the same spec and its class keeps nothing between runs; otherwise a new one.
    /// </summary>
    private static IPolicy Policy(IPolicy? kept, PolicySpec? keptSpec, PolicySpec spec) =>
        kept is DefensiveRealist or OffensiveRealist or Richardson or TitForTat or Hawk or Dove or Scripted
        && ReferenceEquals(keptSpec, spec)
            ? kept
            : PolicyCatalog.Create(spec);

    /// <summary>The state's observed GDP series laid out by step (index t − 1 for step t), NaN for years it does not give.</summary>
    private static double[] ObservedGdp(Scenario scenario, StateSpec s)
    {
        if (s.GdpSeries is not { Count: > 0 } series)
        {
            return [];
        }
        var byStep = new double[scenario.Steps];
        for (var t = 1; t <= scenario.Steps; t++)
        {
            byStep[t - 1] = series.TryGetValue(Recording.TimeConvention.Year(scenario.StartYear, t), out var y) ? y : double.NaN;
        }
        return byStep;
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        // Loops, not LINQ: a lambda capturing b allocated on every call, 24 bytes per dyad and run.
        var shared = 0;
        for (var x = 0; x < a.Count; x++)
        {
            for (var y = 0; y < b.Count; y++)
            {
                if (string.Equals(a[x], b[y], StringComparison.OrdinalIgnoreCase))
                {
                    shared++;
                    break;
                }
            }
        }
        return (double)shared / (a.Count + b.Count - shared);
    }
}
