using Spiral.Core.Events;

namespace Spiral.Reporting.Narration;

/// <summary>Plain-language names and one-line explanations of the security dilemma's concepts, with their sources.</summary>
public static class ConceptGlossary
{
    public readonly record struct Entry(string Name, string Explanation, string Source);

    public static Entry Of(Concept concept) => concept switch
    {
        Concept.Anarchy => new("anarchy and self-help", "no authority protects a state, so it arms for itself against what others might do", "Herz 1950"),
        Concept.UncertaintyOfIntentions => new("the uncertainty of intentions", "postures are hard to tell apart here, so a defensive move can look offensive", "Butterfield 1951; Jervis 1976"),
        Concept.OffenseDefenseBalance => new("the offense-defense balance", "when offense is cheap, every weapon threatens and striking first pays", "Jervis 1978"),
        Concept.Distinguishability => new("offense-defense differentiation", "postures can be told apart, so what a state buys reveals what it wants", "Jervis 1978"),
        Concept.PowerCompetition => new("power competition", "a rival's growth lowers my security even if its intentions stay the same", "Mearsheimer 2001"),
        Concept.HistoricalRivalry => new("historical rivalry", "old enmity colours how each side reads the other's moves", "Diehl & Goertz 2000; Wendt 1999"),
        Concept.FailureToEmpathize => new("the failure to empathize", "it read the rival's reaction to its own arming as proof of hostile intent", "Butterfield 1951; Jervis 1976"),
        Concept.InsecurityDilemma => new("the insecurity dilemma", "internal threats drain resources and spill over to neighbours", "Sørensen 2007"),
        Concept.DevelopmentPriority => new("third-world security priorities", "development comes first, so arming is capped", "Acharya 1995"),
        Concept.AllianceSecurityDilemma => new("the alliance security dilemma", "an alliance that reassures its members threatens their rival", "Snyder 1984; Walt 1987"),
        Concept.ArmsRace => new("the arms race", "its security fell after a rival's buildup, so it built up too", "Richardson 1960"),
        Concept.Escalation => new("escalation", "each step up the ladder answers the other's last step", "Kahn 1965"),
        Concept.ConfidenceBuilding => new("confidence-building measures", "agreed transparency makes each side's forces easier to read", "Holst 1983"),
        Concept.Hotline => new("the hotline", "a direct channel lets leaders clarify intent and step back", "Schelling 1960"),
        Concept.PreparednessWithoutProvocation => new("preparedness without provocation", "a defensive posture keeps a state safe without frightening others", "Jervis 1978; Glaser 1997"),
        Concept.MultilateralEngagement => new("multilateral engagement", "institutions share information and damp mistaken beliefs", "Keohane 1984"),
        Concept.CostlyReassurance => new("costly reassurance", "a restraint a greedy state would never pay for proves benign intent", "Kydd 2000"),
        Concept.Grit => new("GRIT", "small announced unilateral cuts invite reciprocation", "Osgood 1962"),
        Concept.Greed => new("greed", "a state that wants more than security probes and attacks when war pays", "Glaser 2010; Fearon 1995"),
        Concept.Preemption => new("pre-emption", "when offense dominates, whoever strikes first wins, so fear itself pulls the trigger", "Schelling 1960; Van Evera 1999"),
        Concept.Spiral => new("the spiral", "two security-seekers now each believe the other is probably greedy", "Jervis 1976"),
        Concept.Timeline => new("history", "an event of the scenario's timeline", ""),
        _ => new("", "", ""),
    };
}
