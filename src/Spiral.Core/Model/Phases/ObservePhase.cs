using System.Runtime.Intrinsics;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 2: each state observes every other's posture with noise sd σ(1-ω)(1-τ) + s_min, read upward by rivalry
/// not offset by shared identity (λ_h·h), and its arming, the change of its log military burden in its last budget
/// year (net of GDP growth, so growth is not read as arming), with noise shrinking with transparency (Jervis 1976;
/// Wendt 1999); the level of spending is read with the same error. When ι &gt; 0, institutions add one report per
/// state of its burden change and posture, a shared draw every observer reads, with noise falling in ι (Keohane 1984).
/// </summary>
public static class ObservePhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        var posture = w.Posture;
        var milex = w.Milex;
        var burdenChange = w.BurdenChange;
        var transparency = w.Transparency;
        var rivalry = w.Rivalry;
        var identity = w.SharedIdentity;
        var observedPosture = w.ObservedPosture;
        var observedArming = w.ObservedArming;
        var observedMilex = w.ObservedMilex;
        var noise = NoiseModel.Of(w);
        var rivalryBias = p.RivalryBias;
        var affinity = p.IdentityAffinity;
        // Per observer row (issue 18): first the row's two normal draws per dyad, in the order one dyad at a time would
        // draw them (posture, then arming), with the stream's state in registers for the row (`NextGaussianPairs`); then
        // the readings in four-lane vectors, the same IEEE operations as one dyad at a time, so the same bits. The
        // diagonal, never observed, is put back.
        var postureDraw = w.Scratch.AsSpan(ScratchRow.PostureDraw * n, n);
        var armingDraw = w.Scratch.AsSpan(ScratchRow.ArmingDraw * n, n);
        var rng = w.ObserveRng;
        var rivalryBiasLanes = Vector256.Create(rivalryBias);
        var affinityLanes = Vector256.Create(affinity);
        var one = Vector256<double>.One;
        for (var i = 0; i < n; i++)
        {
            rng.NextGaussianPairs(postureDraw, armingDraw, skip: i);
            var row = i * n;
            var ii = row + i;
            var (ownPosture, ownArming, ownMilex) = (observedPosture[ii], observedArming[ii], observedMilex[ii]);
            for (var j0 = 0; j0 < n; j0 += RowLanes.Count)
            {
                var count = Math.Min(RowLanes.Count, n - j0);
                var at = row + j0;
                var opacity = one - RowLanes.Load(transparency.AsSpan(at, count), 0);
                var bias = rivalryBiasLanes * NetRivalry(RowLanes.Load(rivalry.AsSpan(at, count), 0), RowLanes.Load(identity.AsSpan(at, count), 0), affinityLanes);
                var reading = RowLanes.Load(posture.AsSpan(j0, count), 0) + noise.Posture(opacity) * RowLanes.Load(postureDraw.Slice(j0, count), 0) + bias;
                RowLanes.Store(reading, observedPosture.AsSpan(at, count));
                // One measurement error for the spending level and the burden change: the same budget is misread.
                var armingError = noise.Arming(opacity) * RowLanes.Load(armingDraw.Slice(j0, count), 0);
                RowLanes.Store(RowLanes.Load(burdenChange.AsSpan(j0, count), 0) + armingError, observedArming.AsSpan(at, count));
                RowLanes.Store(RowLanes.MaxZero(RowLanes.Load(milex.AsSpan(j0, count), 0) * (one + armingError)), observedMilex.AsSpan(at, count));
            }
            (observedPosture[ii], observedArming[ii], observedMilex[ii]) = (ownPosture, ownArming, ownMilex);
        }
        w.ObserveRng = rng;

        if (w.Institutions > 0)
        {
            var report = NoiseModel.InstitutionalReport(w);
            ref var shared = ref w.InstitutionsRng;
            for (var j = 0; j < n; j++)
            {
                w.ReportedArming[j] = burdenChange[j] + report.Arming(1) * shared.NextGaussian();
                w.ReportedPosture[j] = posture[j] + report.Posture(1) * shared.NextGaussian();
            }
        }
    }

    /// <summary>Rivalry of i toward j net of their shared identity, the term that biases perception (Wendt 1999).</summary>
    public static double EffectiveRivalry(World w, int ij) => NetRivalry(w.Rivalry[ij], w.SharedIdentity[ij], w.P.IdentityAffinity);

    private static double NetRivalry(double rivalry, double sharedIdentity, double affinity) => Math.Max(0, rivalry - affinity * sharedIdentity);

    /// <summary><see cref="NetRivalry(double, double, double)"/> in four lanes (the same IEEE operations, so the same bits).</summary>
    private static Vector256<double> NetRivalry(Vector256<double> rivalry, Vector256<double> sharedIdentity, Vector256<double> affinity) =>
        RowLanes.MaxZero(rivalry - affinity * sharedIdentity);
}
