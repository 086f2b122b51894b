using Spiral.Core.Events;
using Spiral.Core.Policies;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 6, budget and economy (DESIGN.md 3.1.1). The budget process is an error correction toward the desired burden
/// m* each policy set in phase 5 (Smith 1989; Dunne &amp; Smith 2007):
/// Δln m = γ (ln m* − ln m_{t−1}) + δ Δln(1 − S) + ε, ε ~ N(0, σ_b²), then m is kept between the minimum deterrent
/// floor and the development cap (Acharya 1995). At war the desired burden is at least the wartime burden times the
/// enemies' share of the pair's capability, the gap of the share closes at the mobilisation speed and the cap is the
/// wartime burden (or the peacetime cap, if higher); after a war the share falls back at the demobilisation speed until it reaches the peacetime desired
/// burden (Rasler &amp; Thompson 1985); the short-run threat reaction and the shock apply in every regime. A share set outside the process (a timeline event, a policy that follows data) is applied as
/// given. Spending m·Y, less what internal threat absorbs, buys offense in proportion p and defense in 1 − p; stocks
/// depreciate at μ; GDP is the observed series times the losses of model wars (a scripted war's losses are in the series already) in a
/// year the series gives, else it grows at
/// g − ζm − internal losses (Benoit 1978; Collier 1999); internal threat decays and spreads to neighbours by reach
/// (Sørensen 2007; Salehyan &amp; Gleditsch 2006).
/// </summary>
public static class BudgetPhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        var keep = 1 - w.Depreciation;
        // Every budget first, from the capabilities at the start of the year (a state mobilising against another must
        // not see that other's new spending of the same year), then the economy.
        for (var i = 0; i < n; i++)
        {
            Budget(w, i);
        }
        for (var i = 0; i < n; i++)
        {
            if (w.ObservesGdp(i))
            {
                w.Gdp[i] = w.ObservedGdp[i][w.Step] * w.WarGdpFactor[i];
            }
            var milex = w.MilitaryShare[i] * w.Gdp[i];
            w.PreviousMilex[i] = w.Milex[i];
            w.Milex[i] = milex;
            w.MilexGrowth[i] = w.PreviousMilex[i] > 0 ? milex / w.PreviousMilex[i] - 1 : 0;
            var internalShare = Math.Min(0.9, p.InternalThreatDrain * w.InternalThreat[i]);
            var investment = milex * (1 - internalShare);
            w.Offense[i] = keep * w.Offense[i] + w.Posture[i] * investment;
            w.Defense[i] = keep * w.Defense[i] + (1 - w.Posture[i]) * investment;
            var growth = w.Growth[i] - p.MilitaryGrowthDrag * w.MilitaryShare[i] - p.InternalThreatGrowthLoss * w.InternalThreat[i];
            w.Gdp[i] = Math.Max(0, w.Gdp[i] * (1 + growth));

            // Reach-weighted neighbour threat, averaged once total reach exceeds 1, so that contagion stays below
            // decay in dense regions instead of igniting every state.
            double imported = 0, exposure = 0;
            for (var k = 0; k < n; k++)
            {
                if (k != i)
                {
                    imported += w.Reach[i * n + k] * w.InternalThreat[k];
                    exposure += w.Reach[i * n + k];
                }
            }
            imported /= Math.Max(1, exposure);
            w.InternalThreatNext[i] = Math.Clamp(w.InternalThreat[i] * (1 - p.InternalThreatDecay) + p.InternalThreatContagion * imported, 0, 1);
        }
        Array.Copy(w.InternalThreatNext, w.InternalThreat, n);
    }

    /// <summary>
    /// The yearly budget decision of state i: sets <see cref="World.MilitaryShare"/>, <see cref="World.BurdenChange"/>
    /// (the applied Δln m, which observers read as the arming signal) and records a buildup, cut or reassurance gesture.
    /// </summary>
    private static void Budget(World w, int i)
    {
        var p = w.P;
        var before = w.MilitaryShare[i];
        var floor = p.MinMilitaryShare;
        var peaceCap = w.MilitaryShareCap(i);
        var warCap = Math.Max(peaceCap, p.WartimeBurden);
        // One draw per state and year whatever the state does, so that one state's script never shifts another's noise.
        var shock = p.BudgetNoise * w.BudgetRng.NextGaussian();
        var atWar = w.AtWar(i);
        var demobilising = false;
        var forced = w.ForcedMilitaryShare[i];
        w.ForcedMilitaryShare[i] = double.NaN;
        double share;
        if (!double.IsNaN(forced))
        {
            share = double.IsFinite(forced) ? Math.Clamp(forced, floor, atWar ? warCap : peaceCap) : before;
        }
        else
        {
            var desired = w.DesiredBurden[i];
            desired = Math.Clamp(double.IsFinite(desired) ? desired : before, floor, peaceCap);
            var threat = Math.Log(World.Insecurity(w.Security[i]) / World.Insecurity(w.PreviousSecurity[i]));
            if (atWar || (w.Demobilising[i] && before > desired))
            {
                var shortRun = Math.Exp(p.ThreatReaction * threat + shock);
                // Wartime regimes close the gap of the share itself, as their speeds were measured (Ukraine 2021-2022 in
                // SIPRI's 2024 release: (33.5 − 3.2) / (37 − 3.2) ≈ 0.9 of the gap to its 2023 burden; the 2025 release
                // gives (25.6 − 3.4) / (36.5 − 3.4) ≈ 0.67 for the invasion year; US 1945-1947 and 1953-1955).
                double speed;
                if (atWar)
                {
                    desired = Math.Max(desired, p.WartimeBurden * EnemyCapabilityShare(w, i));
                    speed = p.MobilisationSpeed;
                    w.Demobilising[i] = true;
                }
                else
                {
                    speed = p.DemobilisationSpeed;
                    demobilising = true;
                }
                share = Math.Clamp((before + speed * (desired - before)) * shortRun, floor, warCap);
            }
            else
            {
                w.Demobilising[i] = false;
                // A log process cannot leave zero: a state without a burden (possible only with a zero floor) takes its desired one.
                share = before > 0
                    ? Math.Clamp(before * Math.Exp(TypeModel.BurdenChange(Math.Log(desired), Math.Log(before), threat, p) + shock), floor, peaceCap)
                    : Math.Clamp(desired, floor, peaceCap);
            }
        }

        var logChange = before > 0 && share > 0 ? Math.Log(share / before) : 0;
        w.BurdenChange[i] = logChange;
        w.MilitaryShare[i] = share;

        var threshold = p.ArmsChangeToRecord * p.BudgetNoise;
        var points = share - before;
        if (logChange > threshold)
        {
            var concept = atWar ? Concept.Mobilisation
                : w.Security[i] < w.PreviousSecurity[i] ? Concept.ArmsRace
                : w.IsGreedy[i] ? Concept.PowerCompetition : Concept.Anarchy;
            w.AddEvent(EventKind.ArmsBuildup, i, atWar ? StrongestEnemy(w, i) : AssessPhase.MostThreatening(w, i), value: points, concept: concept);
        }
        else if (w.Reassure[i])
        {
            w.AddEvent(EventKind.ReassuranceGesture, i, AssessPhase.MostThreatening(w, i), value: points,
                concept: w.PolicyOf(i) is Grit ? Concept.Grit : Concept.CostlyReassurance);
        }
        else if (logChange < -threshold)
        {
            w.AddEvent(EventKind.ArmsCut, i, -1, value: points,
                concept: demobilising ? Concept.Mobilisation
                : w.DevelopmentPriority[i] > 0.5 && share >= peaceCap - 1e-12 ? Concept.DevelopmentPriority : Concept.None);
        }
    }

    /// <summary>
    /// The share of the pair's capability O + D held by the states i is at war with, summed over them and capped at 1:
    /// how much of its economy a state at war must mobilise (a weak side fighting a strong one mobilises most).
    /// </summary>
    public static double EnemyCapabilityShare(World w, int i)
    {
        var own = w.Offense[i] + w.Defense[i];
        double share = 0;
        for (var j = 0; j < w.N; j++)
        {
            if (j != i && w.AtWar(i, j))
            {
                var enemy = w.Offense[j] + w.Defense[j];
                share += own + enemy > 0 ? enemy / (own + enemy) : 0.5;
            }
        }
        return Math.Min(1, share);
    }

    private static int StrongestEnemy(World w, int i)
    {
        var best = -1;
        var bestCapability = -1.0;
        for (var j = 0; j < w.N; j++)
        {
            if (j != i && w.AtWar(i, j) && w.Offense[j] + w.Defense[j] > bestCapability)
            {
                best = j;
                bestCapability = w.Offense[j] + w.Defense[j];
            }
        }
        return best;
    }
}
