using Spiral.Core.Events;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;

namespace Spiral.Core.Model;

/// <summary>
/// A crisis is bargaining over the dyad's contested stake on Kahn's escalation ladder (Fearon 1995; Powell 2006; Kahn
/// 1965; <see cref="EscalationLadder"/>). It opens by a demand (the challenger wants the stake), an incident (both hold
/// half of what is at issue) or a scripted event. Each side draws a private valuation of the stake around its resolve;
/// each round a hotline may let two sides that both prefer peace step back (Schelling 1960), then both move at once on
/// their perceived values (<see cref="Bargaining"/>, <see cref="CrisisRules"/>). Each side sees the other's move through
/// misperception a hotline reduces (Jervis 1976) and updates its belief by Bayes on what it saw (Kydd 2005). A back-down
/// ends the crisis (the challenger's demand met, or dropped); holding may let it fade; each escalation climbs a rung;
/// a side that escalates from the last rung before war starts a war, recorded with its route. Crises end at a MID
/// hostility level (threat, display, use of force with or without fatalities, war; Palmer et al. 2022).
/// </summary>
public static class Crisis
{
    /// <summary>Runs a crisis that <paramref name="a"/> opens against <paramref name="b"/> at <paramref name="startRung"/>; a demand makes a the challenger.</summary>
    public static void Run(World w, int a, int b, int startRung, bool demand = false)
    {
        var n = w.N;
        var p = w.P;
        int ab = a * n + b, ba = b * n + a;
        w.LastCrisisStep[ab] = w.LastCrisisStep[ba] = w.Step;
        w.OpponentCrisisMove[ab] = w.OpponentCrisisMove[ba] = CrisisMove.Hold;
        AssessPhase.RefreshAlliedCapabilities(w);
        var rung = Math.Clamp(startRung, 1, p.WarRung - 1);
        var highest = rung;
        bool clashed = false, fatal = false;
        CheckUseOfForce(w, a, b, rung, ref clashed, ref fatal);
        var stake = Bargaining.StakeValue(w, a, b);
        var valueA = PrivateValuation(w, a, stake);
        var valueB = PrivateValuation(w, b, stake);
        double heldA = demand ? 0 : 0.5, heldB = demand ? 1 : 0.5;
        var hotline = w.Hotline[ab];
        var maxRounds = 3 * p.WarRung;
        // Nothing a round does moves capabilities, observations or alliances (a war ends the crisis), so each side's
        // terms hold for the whole crisis; the rung and the beliefs move its fear.
        var termsA = Bargaining.Terms(w, a, b, valueA, heldA);
        var termsB = Bargaining.Terms(w, b, a, valueB, heldB);
        var greedyStrikesA = Bargaining.GreedyStrikes(termsA);
        var greedyStrikesB = Bargaining.GreedyStrikes(termsB);

        for (var round = 0; round < maxRounds; round++)
        {
            // Every round's moves update both beliefs, so the fear is computed anew each round.
            var ca = termsA.WithFear(Bargaining.Fear(p, termsA, greedyStrikesA, rung, w.Belief[ab]));
            var cb = termsB.WithFear(Bargaining.Fear(p, termsB, greedyStrikesB, rung, w.Belief[ba]));
            if (hotline > 0 && !ca.WantsWar && !cb.WantsWar && w.CrisisRng.NextDouble() < hotline * p.HotlineDeEscalation)
            {
                w.AddEvent(EventKind.CrisisDeEscalatedByHotline, a, b, rung, concept: Concept.Hotline);
                break;
            }
            var moveA = w.PolicyOf(a).Respond(new PolicyContext(w, a), Situation(w, b, rung, round, ca, heldA, hotline));
            var moveB = w.PolicyOf(b).Respond(new PolicyContext(w, b), Situation(w, a, rung, round, cb, heldB, hotline));
            var seenByB = Perceive(w, moveA, hotline);
            var seenByA = Perceive(w, moveB, hotline);
            w.OpponentCrisisMove[ab] = seenByA;
            w.OpponentCrisisMove[ba] = seenByB;
            UpdateBelief(w, b, a, seenByB);
            UpdateBelief(w, a, b, seenByA);

            if (moveA == CrisisMove.BackDown || moveB == CrisisMove.BackDown)
            {
                var yielder = moveA == CrisisMove.BackDown ? a : b;
                var other = yielder == a ? b : a;
                w.AddEvent(EventKind.CrisisBackDown, yielder, other, rung, concept: Concept.Bargaining);
                if (demand && yielder == b)
                {
                    w.AddEvent(EventKind.Concession, b, a, rung, stake, Concept.Bargaining);
                }
                break;
            }
            var escalations = (moveA == CrisisMove.Escalate ? 1 : 0) + (moveB == CrisisMove.Escalate ? 1 : 0);
            if (escalations == 0)
            {
                if (w.CrisisRng.NextDouble() < p.CrisisFadeProbability)
                {
                    w.AddEvent(EventKind.CrisisFaded, a, b, rung, concept: Concept.Escalation);
                    break;
                }
                continue;
            }
            if (rung >= p.WarRung - 1)
            {
                // The last step is war: the escalating side (the one that gains more if both) starts it.
                var attacker = escalations == 2 ? (ca.Gain >= cb.Gain ? a : b) : moveA == CrisisMove.Escalate ? a : b;
                var calculus = attacker == a ? ca : cb;
                var (defender, route) = (attacker == a ? b : a, calculus.WantsWar ? calculus.Route : WarRoute.PrivateInformation);
                highest = p.WarRung;
                War(w, attacker, defender, RouteConcept(route), route, BelievedCapabilityShare(w, attacker, defender));
                Outcome(w, a, b, highest, fatal: true);
                return;
            }
            rung = Math.Min(p.WarRung - 1, rung + escalations);
            highest = Math.Max(highest, rung);
            var escalator = moveA == CrisisMove.Escalate ? a : b;
            var concept = (escalator == a ? ca : cb).Fear * (escalator == a ? ca : cb).Preemption > 0 && rung > p.WarRung / 2
                ? Concept.Preemption
                : w.Nuclear[a] && w.Nuclear[b] ? Concept.NuclearDeterrence : Concept.Escalation;
            w.AddEvent(EventKind.CrisisEscalated, escalator, escalator == a ? b : a, rung, concept: concept);
            CheckUseOfForce(w, escalator, escalator == a ? b : a, rung, ref clashed, ref fatal);
        }
        Outcome(w, a, b, highest, fatal);
    }

    /// <summary>A side's private value of the stake this crisis: V × (greedy valuation) × exp(spread·z + resolve − ½) (Fearon 1995).</summary>
    private static double PrivateValuation(World w, int i, double stake)
    {
        var p = w.P;
        var greed = w.IsGreedy[i] ? p.GreedyStakeValue : 1.0;
        return stake * greed * Math.Exp(p.ResolveSpread * w.CrisisRng.NextGaussian() + (w.Resolve[i] - 0.5));
    }

    private static CrisisSituation Situation(World w, int opponent, int rung, int round, in WarCalculus calculus, double held, double hotline)
    {
        var p = w.P;
        var audience = p.AudienceCost * calculus.Valuation;
        var concede = held * calculus.Valuation + audience * rung;
        var scale = calculus.Valuation * (1 + p.AudienceCost * p.WarRung);
        return new CrisisSituation(opponent, rung, round, p.WarRung, calculus, concede, scale,
            calculus.WinFirst - calculus.WinSecond, hotline);
    }

    /// <summary>What the other side sees of a move: a hold is misread as an escalation with chance misreading × (1 − hotline) (Jervis 1976; Schelling 1960).</summary>
    private static CrisisMove Perceive(World w, CrisisMove move, double hotline) =>
        move == CrisisMove.Hold && w.CrisisRng.NextDouble() < w.P.CrisisMisreading * (1 - hotline) ? CrisisMove.Escalate : move;

    /// <summary>
    /// Bayes on a crisis move (Kydd 2005): a greedy type values the stake more, so its resolve index is higher by
    /// (greedy valuation − 1) × ½ (the concession cost's typical share of the scale); each type's chance of the move
    /// follows the crisis rule's logistic thresholds at ±1.
    /// </summary>
    private static void UpdateBelief(World w, int observer, int actor, CrisisMove seen) =>
        BeliefUpdate.ApplyLogLikelihoodRatio(w, observer, actor, w.CrisisMoveLlr[(int)seen + 1]);

    /// <summary>The log likelihood ratio of each crisis move seen (<see cref="UpdateBelief"/>), once per world into <see cref="World.CrisisMoveLlr"/>.</summary>
    internal static void ComputeMoveLlr(World w)
    {
        var shift = (w.P.GreedyStakeValue - 1) * 0.5;
        foreach (var seen in (ReadOnlySpan<CrisisMove>)[CrisisMove.BackDown, CrisisMove.Hold, CrisisMove.Escalate])
        {
            w.CrisisMoveLlr[(int)seen + 1] = Math.Log(MoveChance(seen, shift) / MoveChance(seen, 0));
        }
    }

    private static double MoveChance(CrisisMove move, double z)
    {
        var escalate = 1 / (1 + Math.Exp(1 - z));
        var backDown = 1 / (1 + Math.Exp(1 + z));
        return move switch
        {
            CrisisMove.Escalate => escalate,
            CrisisMove.BackDown => backDown,
            _ => 1 - escalate - backDown,
        };
    }


    /// <summary>The first time a crisis reaches the use-of-force rungs: a clash, fatal with the MID share (Palmer et al. 2022).</summary>
    private static void CheckUseOfForce(World w, int actor, int target, int rung, ref bool clashed, ref bool fatal)
    {
        var p = w.P;
        if (clashed || rung < p.UseOfForceRung || rung >= p.WarRung)
        {
            return;
        }
        clashed = true;
        fatal = w.CrisisRng.NextDouble() < p.FatalClashShare;
        w.AddEvent(EventKind.UseOfForce, actor, target, rung, fatal ? 1 : 0,
            w.Nuclear[actor] && w.Nuclear[target] ? Concept.NuclearDeterrence : Concept.Escalation);
    }

    private static void Outcome(World w, int a, int b, int highest, bool fatal)
    {
        w.AddEvent(EventKind.CrisisOutcome, a, b, highest, fatal ? 1 : 0, Concept.Bargaining);
        End(w, a * w.N + b, b * w.N + a);
    }

    private static void End(World w, int ab, int ba)
    {
        var until = Math.Max(w.Step, w.WarUntil[ab]) + 1 + w.P.CooldownYears;
        w.CooldownUntil[ab] = w.CooldownUntil[ba] = Math.Max(w.CooldownUntil[ab], until);
    }

    /// <summary>
    /// Takes <paramref name="amount"/> (negative: gives) from i's GDP through the war-loss factor, so that an observed GDP
    /// series keeps a model war's loss; a scripted war's loss is already in an observed series (<see cref="World.ScaleGdpByWar"/>).
    /// </summary>
    private static void LoseGdp(World w, int i, double amount, bool scripted)
    {
        if (w.Gdp[i] > 0)
        {
            w.ScaleGdpByWar(i, Math.Max(0, 1 - amount / w.Gdp[i]), scripted);
        }
        else if (amount < 0)
        {
            w.Gdp[i] = -amount;
        }
    }

    private static Concept RouteConcept(WarRoute route) => route switch
    {
        WarRoute.Preemption => Concept.Preemption,
        WarRoute.CommitmentProblem => Concept.CommitmentProblem,
        WarRoute.Scripted => Concept.Timeline,
        _ => Concept.Bargaining,
    };

    /// <summary>The initiator's believed share of the pair's capability, its allies at their reliability, the target's seen through its observation.</summary>
    public static double BelievedCapabilityShare(World w, int attacker, int defender)
    {
        var seen = Bargaining.Seen(w, attacker, defender);
        var mine = w.Offense[attacker] + w.AlliedOffense[attacker] + w.AlliedDefense[attacker];
        var theirs = (w.Offense[defender] + w.Defense[defender]) * seen + w.AlliedOffense[defender] + w.AlliedDefense[defender] - w.Defense[defender];
        return mine + theirs > 0 ? mine / (mine + theirs) : 0.5;
    }

    /// <summary>
    /// War between attacker and defender (started in a crisis, or by the timeline). Each ally of either side intervenes
    /// with the allies' intervention probability (Leeds 2003) — entrapment for the attacker's allies, abandonment when one
    /// stays out (Snyder 1984) — adding its committed capability and bearing a share of the costs. The attacker wins with
    /// the contest probability of the coalitions' offense against defense under β; each participant loses the war's cost
    /// (scaled by both sides' size, catastrophic between nuclear states), the loser capabilities and the contested stake to
    /// the winner (spoils bounded by the stake; Fearon 1995); the war lasts a geometric number of years of mean
    /// warDurationYears (or <paramref name="years"/>), during which both mobilise; beliefs about the attacker harden and
    /// rivalry grows (Diehl &amp; Goertz 2000). <paramref name="believedShare"/> is recorded as the event's value.
    /// </summary>
    public static void War(World w, int attacker, int defender, Concept cause, WarRoute route, double believedShare, int years = 0)
    {
        var n = w.N;
        var p = w.P;
        int ad = attacker * n + defender, da = defender * n + attacker;
        AssessPhase.RefreshAlliedCapabilities(w);
        w.AddEvent(EventKind.WarStarted, attacker, defender, p.WarRung, believedShare, cause, route);
        if (years <= 0)
        {
            years = 1;
            var stay = 1 - 1 / Math.Max(1, p.WarDurationYears);
            while (years < 100 && w.CrisisRng.NextDouble() < stay)
            {
                years++;
            }
        }
        var until = w.Step + years - 1;
        var scripted = route == WarRoute.Scripted;
        double attackOffense = w.Offense[attacker], defendDefense = w.Defense[defender];
        Span<bool> joined = stackalloc bool[n];
        for (var k = 0; k < n; k++)
        {
            if (k == attacker || k == defender || w.Alliance[k] < 0)
            {
                continue;
            }
            var withAttacker = w.AreAllies(k, attacker);
            var withDefender = w.AreAllies(k, defender);
            if (withAttacker == withDefender)
            {
                continue;
            }
            var member = withAttacker ? attacker : defender;
            var enemy = withAttacker ? defender : attacker;
            if (w.CrisisRng.NextDouble() < p.AllyInterventionProbability)
            {
                joined[k] = true;
                var c = w.AllianceCommitment[w.Alliance[k]];
                if (withAttacker) attackOffense += c * w.Offense[k];
                else defendDefense += c * w.Defense[k];
                w.WarUntil[k * n + enemy] = w.WarUntil[enemy * n + k] = Math.Max(w.WarUntil[k * n + enemy], until);
                w.AddEvent(EventKind.AllyIntervened, k, enemy, p.WarRung, c, Concept.AllianceSecurityDilemma);
            }
            else
            {
                w.AddEvent(EventKind.AllyAbandoned, k, member, concept: Concept.AllianceSecurityDilemma);
            }
        }

        var win = Contest.AttackerWins(attackOffense, defendDefense, w.OffenseAdvantage, p.ContestExponent);
        var attackerWins = w.CrisisRng.NextDouble() < win;
        var winner = attackerWins ? attacker : defender;
        var loser = attackerWins ? defender : attacker;
        var spoils = Math.Min(w.Stake[ad] * Bargaining.PairSize(w, attacker, defender), 0.5 * w.Gdp[loser]);
        var costA = Bargaining.WarCost(w, attacker, defender);
        var costD = Bargaining.WarCost(w, defender, attacker);
        for (var k = 0; k < n; k++)
        {
            if (!joined[k])
            {
                continue;
            }
            var member = w.AreAllies(k, attacker) ? attacker : defender;
            var share = p.AllyCostShare * w.Gdp[k] / Math.Max(1e-12, w.Gdp[k] + w.Gdp[member]);
            var memberCost = member == attacker ? costA : costD;
            LoseGdp(w, k, share * memberCost, scripted);
            if (member == attacker) costA *= 1 - share;
            else costD *= 1 - share;
        }
        LoseGdp(w, attacker, costA, scripted);
        LoseGdp(w, defender, costD, scripted);
        LoseGdp(w, loser, spoils, scripted);
        LoseGdp(w, winner, -spoils, scripted);
        w.Offense[loser] *= 1 - p.WarCapabilityLoss;
        w.Defense[loser] *= 1 - p.WarCapabilityLoss;
        w.Offense[winner] *= 1 - p.WarCapabilityLoss / 2;
        w.Defense[winner] *= 1 - p.WarCapabilityLoss / 2;
        w.AlliedCapabilitiesCurrent = false;
        w.Belief[da] = Math.Min(1 - p.BeliefFloor, w.Belief[da] + 0.5 * (1 - w.Belief[da]));
        w.Belief[ad] = Math.Min(1 - p.BeliefFloor, w.Belief[ad] + 0.25 * (1 - w.Belief[ad]));
        w.Rivalry[ad] = w.Rivalry[da] = Math.Min(1, w.Rivalry[ad] + p.WarRivalryIncrease);
        w.LastCrisisStep[ad] = w.LastCrisisStep[da] = w.Step;
        w.WarUntil[ad] = w.WarUntil[da] = Math.Max(w.WarUntil[ad], until);
        w.AddEvent(EventKind.WarEnded, winner, loser, p.WarRung, spoils, cause);
        End(w, ad, da);
    }
}
