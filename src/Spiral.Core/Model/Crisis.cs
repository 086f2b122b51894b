using Spiral.Core.Events;
using Spiral.Core.Policies;

namespace Spiral.Core.Model;

/// <summary>
/// A crisis climbs Kahn's escalation ladder (Kahn 1965; <see cref="EscalationLadder"/>): at each rung a hotline
/// may let the sides step back (Schelling 1960), then both move at once; a back-down ends it, holding may let it
/// fade, each escalation climbs a rung, and the war rung is war. War is decided by the contest function.
/// </summary>
public static class Crisis
{
    public static void Run(World w, int a, int b, int startRung)
    {
        var n = w.N;
        var p = w.P;
        int ab = a * n + b, ba = b * n + a;
        w.LastCrisisStep[ab] = w.LastCrisisStep[ba] = w.Step;
        w.OpponentCrisisMove[ab] = w.OpponentCrisisMove[ba] = CrisisMove.Hold;
        var rung = Math.Max(1, startRung);
        var maxRounds = 3 * p.WarRung;
        var fsaA = Contest.FirstStrikeAdvantage(w.Offense[a] + w.AlliedOffense[a], w.AlliedDefense[a],
            w.Offense[b] + w.AlliedOffense[b], w.AlliedDefense[b], w.OffenseAdvantage, p.ContestExponent);
        var capA = w.Offense[a] + w.Defense[a];
        var capB = w.Offense[b] + w.Defense[b];
        var relA = capA + capB > 0 ? capA / (capA + capB) : 0.5;
        var winA = Contest.AttackerWins(w.Offense[a] + w.AlliedOffense[a], w.AlliedDefense[b], w.OffenseAdvantage, p.ContestExponent);
        var winB = Contest.AttackerWins(w.Offense[b] + w.AlliedOffense[b], w.AlliedDefense[a], w.OffenseAdvantage, p.ContestExponent);
        var hotline = w.Hotline[ab];

        for (var round = 0; round < maxRounds; round++)
        {
            if (rung >= p.WarRung)
            {
                break;
            }
            if (hotline > 0 && w.CrisisRng.NextDouble() < hotline * p.HotlineDeEscalation)
            {
                w.AddEvent(EventKind.CrisisDeEscalatedByHotline, a, b, rung, concept: Concept.Hotline);
                End(w, ab, ba);
                return;
            }
            var cost = (double)rung / p.WarRung;
            var sa = new CrisisSituation(b, rung, round, w.Threat[ab], fsaA, relA, winA, cost, hotline);
            var sb = new CrisisSituation(a, rung, round, w.Threat[ba], fsaA, 1 - relA, winB, cost, hotline);
            var moveA = w.PolicyOf(a).Respond(new PolicyContext(w, a), sa);
            var moveB = w.PolicyOf(b).Respond(new PolicyContext(w, b), sb);
            w.OpponentCrisisMove[ab] = moveB;
            w.OpponentCrisisMove[ba] = moveA;

            if (moveA == CrisisMove.BackDown || moveB == CrisisMove.BackDown)
            {
                var yielder = moveA == CrisisMove.BackDown ? a : b;
                w.AddEvent(EventKind.CrisisBackDown, yielder, yielder == a ? b : a, rung, concept: Concept.Escalation);
                End(w, ab, ba);
                return;
            }
            var escalations = (moveA == CrisisMove.Escalate ? 1 : 0) + (moveB == CrisisMove.Escalate ? 1 : 0);
            if (escalations == 0)
            {
                if (w.CrisisRng.NextDouble() < p.CrisisFadeProbability)
                {
                    w.AddEvent(EventKind.CrisisFaded, a, b, rung, concept: Concept.Escalation);
                    End(w, ab, ba);
                    return;
                }
                continue;
            }
            rung = Math.Min(p.WarRung, rung + escalations);
            var escalator = moveA == CrisisMove.Escalate ? a : b;
            var concept = fsaA > 0 && rung > p.WarRung / 2 ? Concept.Preemption : Concept.Escalation;
            w.AddEvent(EventKind.CrisisEscalated, escalator, escalator == a ? b : a, rung, concept: concept);
            if (rung >= p.WarRung)
            {
                var attacker = escalations == 2 ? (winA >= winB ? a : b) : escalator;
                War(w, attacker, attacker == a ? b : a, fsaA > 0 ? Concept.Preemption : Concept.Escalation);
                return;
            }
        }
        if (rung < p.WarRung)
        {
            w.AddEvent(EventKind.CrisisFaded, a, b, rung, concept: Concept.Escalation);
        }
        End(w, ab, ba);
    }

    private static void End(World w, int ab, int ba)
    {
        w.CooldownUntil[ab] = w.CooldownUntil[ba] = w.Step + 1 + w.P.CooldownYears;
    }

    /// <summary>
    /// War between attacker and defender: the attacker wins with the contest probability of its (allied) offense
    /// against the defender's allied defense under β; both lose GDP, the loser capabilities and spoils to the
    /// winner; beliefs about the attacker harden and rivalry grows (Fearon 1995; Diehl &amp; Goertz 2000).
    /// </summary>
    public static void War(World w, int attacker, int defender, Concept cause)
    {
        var n = w.N;
        var p = w.P;
        int ad = attacker * n + defender, da = defender * n + attacker;
        var win = Contest.AttackerWins(w.Offense[attacker] + w.AlliedOffense[attacker], w.AlliedDefense[defender],
            w.OffenseAdvantage, p.ContestExponent);
        w.AddEvent(EventKind.WarStarted, attacker, defender, p.WarRung, win, cause);
        var attackerWins = w.CrisisRng.NextDouble() < win;
        var winner = attackerWins ? attacker : defender;
        var loser = attackerWins ? defender : attacker;
        w.ScaleGdpByWar(attacker, 1 - p.WarGdpCost);
        w.ScaleGdpByWar(defender, 1 - p.WarGdpCost);
        var spoils = p.WarSpoils * w.Gdp[loser];
        if (w.Gdp[winner] > 0)
        {
            w.ScaleGdpByWar(winner, 1 + spoils / w.Gdp[winner]);
        }
        else
        {
            w.Gdp[winner] = spoils;
        }
        w.ScaleGdpByWar(loser, 1 - p.WarSpoils);
        w.Offense[loser] *= 1 - p.WarCapabilityLoss;
        w.Defense[loser] *= 1 - p.WarCapabilityLoss;
        w.Offense[winner] *= 1 - p.WarCapabilityLoss / 2;
        w.Defense[winner] *= 1 - p.WarCapabilityLoss / 2;
        w.Belief[da] = Math.Min(1 - p.BeliefFloor, w.Belief[da] + 0.5 * (1 - w.Belief[da]));
        w.Belief[ad] = Math.Min(1 - p.BeliefFloor, w.Belief[ad] + 0.25 * (1 - w.Belief[ad]));
        w.Rivalry[ad] = w.Rivalry[da] = Math.Min(1, w.Rivalry[ad] + p.WarRivalryIncrease);
        w.LastCrisisStep[ad] = w.LastCrisisStep[da] = w.Step;
        w.AddEvent(EventKind.WarEnded, winner, loser, p.WarRung, spoils, cause);
        End(w, ad, da);
    }
}
