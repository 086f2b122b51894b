namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 6, invest and economy: spending m·Y, less what internal threat absorbs, buys offense in proportion p and
/// defense in 1-p, stocks depreciate at μ; GDP grows at g - ζm - internal losses (Benoit 1978; Collier 1999);
/// internal threat decays and spreads to neighbours by reach (Sørensen 2007; Salehyan &amp; Gleditsch 2006).
/// </summary>
public static class BudgetPhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        var keep = 1 - w.Depreciation;
        for (var i = 0; i < n; i++)
        {
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
}
