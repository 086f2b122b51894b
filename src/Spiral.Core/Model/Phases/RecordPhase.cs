using System.Numerics;
using System.Runtime.Intrinsics;
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
        var keepLanes = Vector256.Create(keep);
        var fromConflictLanes = Vector256.Create(fromConflict);
        var fromCooperationLanes = Vector256.Create(fromCooperation);
        var shiftLanes = Vector256.Create(p.BeliefShiftToRecord);
        var half = Vector256.Create(0.5);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        // Per observer row in four-lane vectors (issue 18): the same IEEE operations as one dyad at a time, so the same
        // bits; the diagonal is put back, and the events of a chunk are added in the dyads' order, as before.
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            var ii = row + i;
            var (ownGoldstein, ownRelations, ownRivalry) = (stepGoldstein[ii], relations[ii], rivalry[ii]);
            for (var j0 = 0; j0 < n; j0 += RowLanes.Count)
            {
                var count = Math.Min(RowLanes.Count, n - j0);
                var at = row + j0;
                var g = RowLanes.Load(stepGoldstein.AsSpan(at, count), 0);
                var scored = ~Vector256.Equals(g, zero);
                var r = RowLanes.Load(relations.AsSpan(at, count), 0);
                RowLanes.Store(Vector256.ConditionalSelect(scored, r + g, r), relations.AsSpan(at, count));
                RowLanes.Store(Vector256.ConditionalSelect(scored, zero, g), stepGoldstein.AsSpan(at, count));
                var h = RowLanes.Load(rivalry.AsSpan(at, count), 0) * keepLanes + fromConflictLanes * RowLanes.MaxZero(-g)
                    - fromCooperationLanes * RowLanes.MaxZero(g);
                RowLanes.Store(RowLanes.Clamp(h, zero, one), rivalry.AsSpan(at, count));

                var before = RowLanes.Load(previous.AsSpan(at, count), 0);
                var now = RowLanes.Load(belief.AsSpan(at, count), 0);
                var shifted = Vector256.GreaterThanOrEqual(Vector256.Abs(now - before), shiftLanes).ExtractMostSignificantBits();
                var crossed = (Vector256.LessThanOrEqual(before, half) & Vector256.GreaterThan(now, half)).ExtractMostSignificantBits();
                var events = (shifted | crossed) & ((1u << count) - 1);
                if (i >= j0 && i < j0 + count)
                {
                    events &= ~(1u << (i - j0));
                }
                while (events != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(events);
                    var j = j0 + lane;
                    var ij = row + j;
                    if ((shifted & (1u << lane)) != 0)
                    {
                        w.AddEvent(EventKind.BeliefShift, i, j, value: belief[ij] - previous[ij], concept: w.BeliefCause[ij]);
                    }
                    if ((crossed & (1u << lane)) != 0 && !w.IsGreedy[i] && !w.IsGreedy[j])
                    {
                        w.AddEvent(EventKind.SpiralOnset, i, j, value: belief[ij], concept: Concept.Spiral);
                    }
                    events &= events - 1;
                }
            }
            (stepGoldstein[ii], relations[ii], rivalry[ii]) = (ownGoldstein, ownRelations, ownRivalry);
        }
        Array.Copy(w.Security, w.PreviousSecurity, n);
    }
}
