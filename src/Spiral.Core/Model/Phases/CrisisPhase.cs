using Spiral.Core.Events;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 7, incidents, crises and war: deliberate wars of greedy states first (Fearon 1995), then incidents per
/// dyad at rate λ0 · r · forward posture · (1 + h) · tension · (1 - φτ) · (1 + κ(I_i + I_j)), each opening a
/// crisis on Kahn's ladder (Kahn 1965; <see cref="Crisis"/>); internal threat adds incidents across borders
/// (Salehyan 2009).
/// </summary>
public static class CrisisPhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        AssessPhase.AlliedCapabilities(w);
        for (var i = 0; i < n; i++)
        {
            var target = w.AttackTarget[i];
            if (target >= 0 && target != i && w.CooldownUntil[i * n + target] <= w.Step)
            {
                Crisis.War(w, i, target, Concept.Greed);
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                int ij = i * n + j, ji = j * n + i;
                var r = Math.Max(w.Reach[ij], w.Reach[ji]);
                if (r <= 0 || w.CooldownUntil[ij] > w.Step)
                {
                    continue;
                }
                var forward = w.Posture[i] + w.Posture[j];
                var tension = 0.5 + w.Belief[ij] + w.Belief[ji];
                var damping = 1 - p.TransparencyIncidentDamping * 0.5 * (w.Transparency[ij] + w.Transparency[ji]);
                var probe = (w.Probe[ij] || w.Probe[ji]) ? p.ProbeMultiplier : 1.0;
                var unrest = 1 + p.InternalThreatIncidents * (w.InternalThreat[i] + w.InternalThreat[j]);
                var rate = w.IncidentBaseRate * r * forward * (1 + w.Rivalry[ij]) * tension * damping * probe * unrest;
                if (w.IncidentRng.NextDouble() < 1 - Math.Exp(-rate))
                {
                    var initiator = w.Probe[ij] ? i : w.Probe[ji] ? j : (w.Posture[i] >= w.Posture[j] ? i : j);
                    var concept = probe > 1 ? Concept.Greed : w.Rivalry[ij] > 0.3 ? Concept.HistoricalRivalry : Concept.Escalation;
                    w.AddEvent(EventKind.Incident, initiator, initiator == i ? j : i, rung: 1, concept: concept);
                    Crisis.Run(w, initiator, initiator == i ? j : i, 1);
                }
            }
        }
    }
}
