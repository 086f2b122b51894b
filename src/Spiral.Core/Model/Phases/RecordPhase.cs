using Spiral.Core.Events;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 8: relations accumulate the year's Goldstein weights (Goldstein 1992); rivalry grows with conflict and
/// decays with cooperation and time (Diehl &amp; Goertz 2000); belief shifts and spiral onsets between
/// security-seekers (Jervis 1976) are recorded as events.
/// </summary>
public static class RecordPhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        var stepGoldstein = w.StepGoldstein;
        var relations = w.Relations;
        var rivalry = w.Rivalry;
        var belief = w.Belief;
        var previous = w.PreviousBelief;
        var fromConflict = p.RivalryFromConflict / 10;
        var fromCooperation = p.RivalryFromCooperation / 10;
        var keep = 1 - p.RivalryDecay;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var ij = row + j;
                var g = stepGoldstein[ij];
                if (g != 0)
                {
                    relations[ij] += g;
                    stepGoldstein[ij] = 0;
                }
                var h = rivalry[ij] * keep + fromConflict * Math.Max(0, -g) - fromCooperation * Math.Max(0, g);
                rivalry[ij] = Math.Clamp(h, 0, 1);

                var before = previous[ij];
                var now = belief[ij];
                if (Math.Abs(now - before) >= p.BeliefShiftToRecord)
                {
                    w.AddEvent(EventKind.BeliefShift, i, j, value: now - before, concept: w.BeliefCause[ij]);
                }
                if (before <= 0.5 && now > 0.5 && !w.IsGreedy[i] && !w.IsGreedy[j])
                {
                    w.AddEvent(EventKind.SpiralOnset, i, j, value: now, concept: Concept.Spiral);
                }
            }
        }
        Array.Copy(w.Security, w.PreviousSecurity, n);
    }
}
