using Spiral.Core.Events;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 7, crises: every war starts in one (DESIGN.md 3.1.3). First the demands decided in phase 5 open crises over
/// contested stakes (Fearon 1995); then incidents per dyad at rate λ0 · r · forward posture · (1 + h) · tension ·
/// (1 - φτ) · probe · (1 + κ(I_i + I_j)) open crises by accident (Kahn 1965; Salehyan 2009 on internal threat across
/// borders). Dyads at war or cooling down after a crisis have none.
/// </summary>
public static class CrisisPhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        AssessPhase.AlliedCapabilities(w);
        w.AlliedCapabilitiesCurrent = true;
        try
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var ij = i * n + j;
                    if (i == j || !w.Demand[ij] || w.CooldownUntil[ij] > w.Step || w.AtWar(i, j))
                    {
                        continue;
                    }
                    w.AddEvent(EventKind.Demand, i, j, p.DemandRung, w.Stake[ij], Concept.Bargaining);
                    BeliefUpdate.ApplyLogLikelihoodRatio(w, j, i, p.DemandEvidence);
                    Crisis.Run(w, i, j, p.DemandRung, demand: true);
                }
            }
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    int ij = i * n + j, ji = j * n + i;
                    var r = Math.Max(w.Reach[ij], w.Reach[ji]);
                    if (r <= 0 || w.CooldownUntil[ij] > w.Step || w.AtWar(i, j))
                    {
                        continue;
                    }
                    var forward = w.Posture[i] + w.Posture[j];
                    var tension = 0.5 + w.Belief[ij] + w.Belief[ji];
                    var damping = 1 - p.TransparencyIncidentDamping * 0.5 * (w.Transparency[ij] + w.Transparency[ji]);
                    var probe = (w.Probe[ij] || w.Probe[ji]) ? p.ProbeMultiplier : 1.0;
                    var unrest = 1 + p.InternalThreatIncidents * (w.InternalThreat[i] + w.InternalThreat[j]);
                    var rate = w.IncidentBaseRate * r * forward * (1 + w.Rivalry[ij]) * tension * damping * probe * unrest;
                    if (Occurs(w.IncidentRng.NextDouble(), rate))
                    {
                        var initiator = w.Probe[ij] ? i : w.Probe[ji] ? j : (w.Posture[i] >= w.Posture[j] ? i : j);
                        var concept = probe > 1 ? Concept.Greed : w.Rivalry[ij] > 0.3 ? Concept.HistoricalRivalry : Concept.Escalation;
                        w.AddEvent(EventKind.Incident, initiator, initiator == i ? j : i, rung: 1, concept: concept);
                        Crisis.Run(w, initiator, initiator == i ? j : i, 1);
                    }
                }
            }
        }
        finally
        {
            w.AlliedCapabilitiesCurrent = false;
        }
    }

    /// <summary>
    /// Whether a uniform <paramref name="draw"/> falls below 1 − e^(−rate), the chance of at least one incident in a
    /// year at <paramref name="rate"/> (a Poisson process). 1 − e^(−x) ≤ x for every x and ≥ x − x²/2 for x ≥ 0; for
    /// x ≥ 0 the computed 1 − e^(−x) is within 10⁻¹⁵ of the true one, and for x &lt; 0 both it and the true one are
    /// negative, so a draw more than 10⁻¹² outside these bounds gets the same answer without the exponential; only
    /// draws near the threshold compute it.
    /// </summary>
    internal static bool Occurs(double draw, double rate)
    {
        const double margin = 1e-12;
        if (draw >= rate + margin)
        {
            return false;
        }
        if (rate >= 0 && draw < rate - 0.5 * rate * rate - margin)
        {
            return true;
        }
        return draw < 1 - Math.Exp(-rate);
    }
}
