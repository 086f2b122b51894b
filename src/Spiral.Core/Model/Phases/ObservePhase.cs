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
        // A local copy of the stream (written back below) lets the JIT keep its state in registers: the same draws.
        var rng = w.ObserveRng;
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
                var opacity = 1 - transparency[ij];
                var postureNoise = noise.Posture(opacity);
                var bias = rivalryBias * NetRivalry(rivalry[ij], identity[ij], affinity);
                observedPosture[ij] = posture[j] + postureNoise * rng.NextGaussian() + bias;
                // One measurement error for the spending level and the burden change: the same budget is misread.
                var armingError = noise.Arming(opacity) * rng.NextGaussian();
                observedArming[ij] = burdenChange[j] + armingError;
                observedMilex[ij] = Math.Max(0, milex[j] * (1 + armingError));
            }
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
}
