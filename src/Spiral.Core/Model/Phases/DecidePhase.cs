using Spiral.Core.Events;
using Spiral.Core.Policies;

namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 5: every policy decides at once into buffers (desired burden, posture, diplomacy, alliance and crisis moves),
/// then the kernel resolves agreements (both must propose; mistrust blocks), alliances (two states balancing against
/// the same threat that trust each other ally; Walt 1987) and applies postures. The desired burden is applied by the
/// budget process of phase 6 (<see cref="BudgetPhase"/>); a policy that sets none keeps its current burden as desired.
/// </summary>
public static class DecidePhase
{
    public static void Run(World w)
    {
        var n = w.N;
        var p = w.P;
        Array.Clear(w.CbmIntent);
        Array.Clear(w.HotlineIntent);
        Array.Clear(w.Probe);
        Array.Clear(w.Demand);
        Array.Fill(w.BalanceAgainst, -1);
        Array.Clear(w.Reassure);
        for (var i = 0; i < n; i++)
        {
            w.DesiredBurden[i] = w.MilitaryShare[i];
            w.NextPosture[i] = w.Posture[i];
            w.PolicyOf(i).Decide(new PolicyContext(w, i));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                int ij = i * n + j, ji = j * n + i;
                ResolveAgreement(w, i, j, w.CbmIntent[ij], w.CbmIntent[ji], isHotline: false);
                ResolveAgreement(w, i, j, w.HotlineIntent[ij], w.HotlineIntent[ji], isHotline: true);
                var target = w.BalanceAgainst[i];
                if (target >= 0 && target == w.BalanceAgainst[j] && target != i && target != j && !w.AreAllies(i, j)
                    && w.Belief[ij] < p.TrustThreshold && w.Belief[ji] < p.TrustThreshold)
                {
                    FormAlliance(w, i, j, target);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var posture = w.NextPosture[i];
            w.Posture[i] = double.IsFinite(posture) ? Math.Clamp(posture, 0, 1) : w.Posture[i];
        }
    }

    private static void ResolveAgreement(World w, int i, int j, DiplomacyIntent a, DiplomacyIntent b, bool isHotline)
    {
        if (a == DiplomacyIntent.None && b == DiplomacyIntent.None)
        {
            return;
        }
        var concept = isHotline ? Concept.Hotline : Concept.ConfidenceBuilding;
        if (a == DiplomacyIntent.Propose && b == DiplomacyIntent.Propose)
        {
            if (isHotline)
            {
                OpenHotline(w, i, j, 1.0);
            }
            else
            {
                SignCbm(w, i, j, w.P.CbmTransparencyGain);
            }
            return;
        }
        if (a == DiplomacyIntent.BlockedByMistrust || b == DiplomacyIntent.BlockedByMistrust)
        {
            var blocker = a == DiplomacyIntent.BlockedByMistrust ? i : j;
            var other = blocker == i ? j : i;
            w.AddEvent(isHotline ? EventKind.HotlineBlocked : EventKind.CbmBlocked, blocker, other, concept: concept);
            return;
        }
        var proposer = a == DiplomacyIntent.Propose ? i : j;
        w.AddEvent(isHotline ? EventKind.HotlineProposed : EventKind.CbmProposed, proposer, proposer == i ? j : i, concept: concept);
    }

    /// <summary>A CBM raises transparency between the parties (Holst 1983).</summary>
    public static void SignCbm(World w, int i, int j, double gain)
    {
        int ij = i * w.N + j, ji = j * w.N + i;
        w.Transparency[ij] = w.Transparency[ji] = Math.Min(1, w.Transparency[ij] + gain);
        w.Cbm[ij] = w.Cbm[ji] = true;
        w.AddEvent(EventKind.CbmSigned, i, j, value: w.Transparency[ij], concept: Concept.ConfidenceBuilding);
    }

    /// <summary>A crisis channel of the given strength between the parties (Schelling 1960).</summary>
    public static void OpenHotline(World w, int i, int j, double strength)
    {
        int ij = i * w.N + j, ji = j * w.N + i;
        w.Hotline[ij] = w.Hotline[ji] = Math.Clamp(strength, 0, 1);
        w.AddEvent(EventKind.HotlineOpened, i, j, value: strength, concept: Concept.Hotline);
    }

    /// <summary>
    /// Puts i and j in one alliance against <paramref name="against"/> (Walt 1987): joins the one that exists, else
    /// founds one with the default commitment; two states already in alliances stay where they are.
    /// </summary>
    public static void FormAlliance(World w, int i, int j, int against)
    {
        int ai = w.Alliance[i], aj = w.Alliance[j];
        if (ai >= 0 && aj >= 0)
        {
            return;
        }
        var id = ai >= 0 ? ai : aj;
        if (id < 0)
        {
            if (w.AllianceCount >= w.AllianceCommitment.Length)
            {
                return;
            }
            id = w.AllianceCount++;
            w.AllianceCommitment[id] = w.P.DefaultAllianceCommitment;
        }
        w.Alliance[i] = w.Alliance[j] = id;
        w.AddEvent(EventKind.AllianceFormed, i, j, value: against, concept: Concept.AllianceSecurityDilemma);
    }
}
