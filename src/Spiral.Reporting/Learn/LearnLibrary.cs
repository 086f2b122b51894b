using Spiral.Core.Events;

namespace Spiral.Reporting.Learn;

/// <summary>Something to run that shows a concept or answers a question: a web explorer page and, where one exists, a CLI command.</summary>
public sealed record LearnTry(string Label, string WebPath, string? Command = null);

/// <summary>A glossary entry or an answer to a first question, with its sources and something to run.</summary>
public sealed record LearnEntry(string Id, string Title, string Kind, string Source, string Text, LearnTry Try)
{
    /// <summary>Concepts of the model's events that this entry explains (for the Story page's links).</summary>
    public IReadOnlyList<Concept> Concepts { get; init; } = [];
}

/// <summary>
/// The texts of the web explorer's Learn page and of <c>spiral explain</c>: a glossary of every concept of the
/// security dilemma that Spiral models (DESIGN.md section 2), each with its source and something to run, and answers
/// to the questions students ask first.
/// </summary>
public static class LearnLibrary
{
    public const string ConceptKind = "concept";
    public const string QuestionKind = "question";

    private const string Dangerous = "jervis-doubly-dangerous";
    private const string Stable = "jervis-doubly-stable";
    private const string Lac = "india-china-lac";

    public static IReadOnlyList<LearnEntry> Questions { get; } =
    [
        new("what-is-the-security-dilemma", "What is the security dilemma?", QuestionKind, "Herz 1950; Jervis 1978; Glaser 1997",
            "Under anarchy no one protects a state but itself, so it arms, allies and postures to be safe. Its neighbours cannot be sure "
            + "those means are only for defense, so they feel less safe and arm in turn, and the first state now feels less safe than "
            + "before. Each step is reasonable; together they give arms races, mistrust, crises and sometimes war that none of the "
            + "states wanted. The dilemma is that the means of one state's security are the source of another's insecurity.",
            new("Watch six security-seekers spiral into mistrust in the doubly dangerous world", $"/scenario/{Dangerous}",
                $"spiral run {Dangerous} --runs 500 --narrate")),
        new("who-introduced-it", "Who introduced the idea?", QuestionKind, "Herz 1950; Butterfield 1951; Jervis 1976, 1978",
            "John Herz named the 'security dilemma' in 'Idealist Internationalism and the Security Dilemma' (World Politics, 1950): "
            + "striving for security from attack, groups acquire more power, which makes others more insecure. Herbert Butterfield, "
            + "in History and Human Relations (1951), described the same 'irreducible dilemma' as a tragedy born of fear and of the "
            + "inability to enter into another's mind. Robert Jervis gave it its modern form: the spiral model of misperception "
            + "(Perception and Misperception in International Politics, 1976) and 'Cooperation under the Security Dilemma' (World "
            + "Politics, 1978), where the offense-defense balance and the distinguishability of postures decide how severe it is.",
            new("Map Jervis's four worlds", "/four-worlds", $"spiral run {Stable} --runs 500")),
        new("what-causes-it", "What causes it?", QuestionKind, "Herz 1950; Jervis 1976, 1978; Glaser 1997; Kydd 2005",
            "Three ingredients. Anarchy: no authority enforces promises, so each state must provide for itself. Uncertainty of "
            + "intentions: others' types are private and their capabilities and postures are seen only through noise, so a "
            + "security-seeker cannot prove it is one. Material conditions: when offense has the advantage and offensive and "
            + "defensive weapons look alike, arming for defense threatens others and striking first pays. Historical rivalry and "
            + "the failure to empathize (not seeing one's own arming as the cause of the rival's) make each reading worse.",
            new("Turn up observation noise and watch beliefs drift", $"/scenario/{Dangerous}?set=world.observationNoise%3D1.5",
                $"spiral run {Dangerous} --runs 500")),
        new("recent-examples", "What are recent examples?", QuestionKind, "SIPRI 2025; Fravel 2020; Glaser 1997",
            "India and China along the Line of Actual Control: roads, airfields and forward posts that each side builds for defense "
            + "look offensive to the other; standoffs at Depsang (2013) and Doklam (2017) led to the deadly Galwan clash of June "
            + "2020. Others: the South China Sea, where island-building and patrols read as threats on all sides; Russia, Ukraine "
            + "and NATO enlargement (2014-2022); Iran, Israel, the United States and Saudi Arabia in West Asia; and, a century ago, "
            + "the Anglo-German naval race before 1914.",
            new("Run India-China 2010-2024 and read one run's story", $"/story/{Lac}", $"spiral run {Lac} --runs 500 --narrate")),
        new("how-to-mitigate-it", "How can states mitigate it?", QuestionKind, "Jervis 1978; Osgood 1962; Kydd 2000; Holst 1983; Keohane 1984",
            "Make intentions easier to read and crises easier to stop. Confidence-building measures (transparency, notification, "
            + "verification) raise the accuracy of observation. Hotlines and crisis channels let leaders clarify intent and step back "
            + "from the brink. Preparedness without provocation: invest in defense rather than offense where the two can be told "
            + "apart. Multilateral engagement: institutions share information and pull beliefs toward the truth. Costly reassurance "
            + "(Kydd) and GRIT (Osgood): unilateral restraint that a greedy state would not pay for, then reciprocity.",
            new("Compare India-China with and without a hotline, same seeds", $"/compare/{Lac}?intervention=hotline%3AIndia%2CChina",
                $"spiral compare {Lac} --intervention hotline:India,China")),
    ];

    public static IReadOnlyList<LearnEntry> Glossary { get; } =
    [
        Entry("anarchy", "Anarchy and self-help", "Herz 1950; Waltz 1979",
            "There is no world government to enforce agreements or protect a state, so each provides its own security and allies "
            + "help only through their own capabilities. In Spiral, `institutions` = 0 is pure anarchy; raising it shares information "
            + "and damps beliefs toward the truth.",
            new("Raise institutions in the doubly dangerous world", $"/scenario/{Dangerous}?set=world.institutions%3D0.6", $"spiral run {Dangerous}"),
            Concept.Anarchy),
        Entry("uncertainty-of-intentions", "Uncertainty of intentions", "Butterfield 1951; Jervis 1976; Kydd 1997",
            "States have private types, security-seeker or greedy, and see others only through noisy signals of their arming and "
            + "posture. They hold Bayesian beliefs about each other. More noise means larger belief errors and more spirals between "
            + "states that only want to be safe.",
            new("Raise observation noise", $"/scenario/{Dangerous}?set=world.observationNoise%3D1.5", $"spiral run {Dangerous}"),
            Concept.UncertaintyOfIntentions),
        Entry("offense-defense-balance", "Offense-defense balance", "Jervis 1978; Glaser and Kaufmann 1998",
            "How much an offensive capability is worth against a defensive one in the contest that decides a war (`offenseAdvantage`, "
            + "1 = neutral). When offense has the advantage every weapon threatens, striking first pays, and the war rate and the "
            + "intensity of arms races rise.",
            new("Move along the offense axis of the four-worlds map", "/four-worlds", $"spiral run {Dangerous}"),
            Concept.OffenseDefenseBalance),
        Entry("offense-defense-differentiation", "Offense-defense differentiation", "Jervis 1978",
            "How well an observer can tell an offensive posture from a defensive one (`distinguishability`, 0..1). When postures can "
            + "be told apart, security-seekers can signal benign intent by buying defense, and aggressors are exposed early.",
            new("Compare the doubly stable world with the doubly dangerous one", $"/scenario/{Stable}", $"spiral run {Stable}"),
            Concept.Distinguishability),
        Entry("four-worlds", "Jervis's four worlds", "Jervis 1978, p. 211",
            "The two variables above make a 2x2: offense advantaged and postures indistinguishable is 'doubly dangerous'; defense "
            + "advantaged and postures distinguishable is 'doubly stable'; the two mixed worlds lie in between.",
            new("Compute the four-worlds heat map", "/four-worlds", $"spiral run {Dangerous}")),
        Entry("spiral", "The spiral model", "Jervis 1976",
            "Two security-seekers each read the other's defensive arming as hostile and arm more, until each believes the other is "
            + "probably greedy. Spiral counts a spiral when a security-seeker believes another security-seeker greedy above 0.5.",
            new("Read a run where a spiral starts", $"/story/{Dangerous}", $"spiral run {Dangerous} --narrate"),
            Concept.Spiral),
        Entry("power-competition", "Power competition", "Mearsheimer 2001; Richardson 1960",
            "Relative capability matters: a rival's growth lowers my security even if its intentions stay the same, so arms races "
            + "are reactive (a Richardson reaction coefficient above zero).",
            new("See military spending bands in India-China", $"/scenario/{Lac}", $"spiral run {Lac}"),
            Concept.PowerCompetition),
        Entry("rivalry-and-identity", "Historical rivalry and identity", "Diehl and Goertz 2000; Wendt 1999",
            "A constructivist term: old enmity biases how a state reads another's signals (`rivalry` per dyad), and grows or decays "
            + "with events. Higher rivalry means more misread signals, more spirals and more incidents.",
            new("Raise the India-China rivalry", $"/scenario/{Lac}?set=dyads%5BIndia%2CChina%5D.rivalry%3D0.9", $"spiral run {Lac}"),
            Concept.HistoricalRivalry),
        Entry("failure-to-empathize", "Failure to empathize", "Butterfield 1951; Jervis 1976",
            "A state discounts the part of a rival's arming that is a reaction to its own arming only to the degree of its `empathy`. "
            + "With low empathy the rival's reaction looks like proof of hostility, and spirals feed on themselves.",
            new("Set empathy to 0 for every state", $"/scenario/{Dangerous}?set=states%5B*%5D.empathy%3D0", $"spiral run {Dangerous}"),
            Concept.FailureToEmpathize),
        Entry("insecurity-dilemma", "The insecurity dilemma", "Sørensen 2007; Job 1992",
            "Internal threats (ethnic unrest, non-state armed groups, a failing state) consume resources, lower a state's security and "
            + "spill over to its neighbours (`internalThreat`).",
            new("Raise a state's internal threat", $"/scenario/{Lac}?set=states%5BPakistan%5D.internalThreat%3D0.6", $"spiral run {Lac}"),
            Concept.InsecurityDilemma),
        Entry("third-world-priorities", "Third-world security priorities", "Acharya 1995; Ayoob 1995",
            "For many postcolonial states development comes first: a `developmentPriority` caps the share of GDP they put into arms, "
            + "so they arm less and the interstate dilemma is weaker for them.",
            new("Raise India's development priority", $"/scenario/{Lac}?set=states%5BIndia%5D.developmentPriority%3D0.8", $"spiral run {Lac}"),
            Concept.DevelopmentPriority),
        Entry("alliances", "Alliances and the alliance security dilemma", "Snyder 1984; Walt 1987",
            "Balancing alliances add allies' defense to mine, and are themselves read as threatening by the rival. They deter but can "
            + "also raise the rival's threat perception.",
            new("See China and Pakistan aligned against India", $"/scenario/{Lac}", $"spiral run {Lac}"),
            Concept.AllianceSecurityDilemma),
        Entry("arms-races", "Arms races", "Richardson 1960; Glaser 2000",
            "A consequence: military spending grows in rival dyads, each side reacting to the other's buildup. Spiral measures the mean "
            + "military spending growth of rival dyads and fits Richardson's reaction coefficient.",
            new("Watch the spending bands", $"/scenario/{Dangerous}", $"spiral run {Dangerous}"),
            Concept.ArmsRace),
        Entry("regional-instability", "Regional instability", "Kahn 1965; Sørensen 2007",
            "A consequence: incidents and crises per dyad and year, and how high they climb.",
            new("See crisis probabilities and rungs reached", $"/scenario/{Lac}", $"spiral run {Lac}")),
        Entry("diplomatic-constraints", "Diplomatic constraints", "Kydd 2005",
            "A consequence: mistrust blocks diplomacy. Spiral counts confidence-building measures and hotlines proposed, signed, or "
            + "blocked because one side trusts the other too little.",
            new("Read a story where mistrust blocks talks", $"/story/{Dangerous}", $"spiral run {Dangerous} --narrate")),
        Entry("escalation", "Escalation", "Kahn 1965; Schelling 1966",
            "An incident opens a crisis that can climb Herman Kahn's 44-rung escalation ladder. At each rung each side escalates, holds "
            + "or backs down; the top is war. Minor incidents sometimes escalate, as at Galwan in 2020.",
            new("See the rungs crises reach in India-China", $"/scenario/{Lac}", $"spiral run {Lac}"),
            Concept.Escalation),
        Entry("preemption", "Pre-emption", "Schelling 1960; Van Evera 1999",
            "Under offense dominance a side that fears war gains by striking first, which raises escalation in a crisis: the route by "
            + "which two security-seekers can end at war.",
            new("Read a war between two security-seekers", $"/story/{Dangerous}", $"spiral run {Dangerous} --narrate"),
            Concept.Preemption),
        Entry("greed", "Greedy states", "Glaser 2010; Fearon 1995",
            "Not every state only wants security. A greedy type maximises relative power, probes weaker neighbours and attacks when "
            + "the expected gain of war beats its cost. The dilemma is that others cannot tell which type they face.",
            new("Give every state a chance of being greedy", $"/scenario/{Dangerous}?set=states%5B*%5D.greedProbability%3D0.3", $"spiral run {Dangerous}"),
            Concept.Greed),
        Entry("confidence-building-measures", "Confidence-building measures", "Holst 1983; Krepon 1995",
            "Transparency agreements (notification, observation, verification) raise the accuracy of observation between the parties "
            + "(`transparency` per dyad): fewer spirals between security-seekers, and a greedy state is identified faster.",
            new("Compare with and without CBMs, same seeds", $"/compare/{Dangerous}?intervention=cbm%3AAlpha%2CBeta", $"spiral compare {Dangerous} --intervention cbm:Alpha,Beta"),
            Concept.ConfidenceBuilding),
        Entry("hotline", "Hotlines and crisis channels", "Schelling 1960",
            "A direct channel between leaders (`hotline` per dyad), like the US-Soviet hotline of 1963, raises the chance of "
            + "de-escalation at each rung of a crisis and clarifies intent: a lower probability of war given an incident.",
            new("Compare India-China with and without a hotline", $"/compare/{Lac}?intervention=hotline%3AIndia%2CChina", $"spiral compare {Lac} --intervention hotline:India,China"),
            Concept.Hotline),
        Entry("preparedness-without-provocation", "Preparedness without provocation", "Jervis 1978; Glaser 1997",
            "A policy that invests in defense rather than offense when the two can be told apart keeps a state safe without "
            + "frightening others: rivals' beliefs and arming fall.",
            new("Compare a defensive posture, same seeds", $"/compare/{Lac}?intervention=posture%3AIndia%3Ddefensive", $"spiral compare {Lac} --intervention posture:India=defensive"),
            Concept.PreparednessWithoutProvocation),
        Entry("multilateral-engagement", "Multilateral engagement", "Keohane 1984",
            "Forums such as the UN or regional organisations share information and damp beliefs toward the truth (`institutions`): "
            + "smaller belief errors and fewer crises.",
            new("Compare with institutions at 0.6, same seeds", $"/compare/{Dangerous}?intervention=institutions%3D0.6", $"spiral compare {Dangerous} --intervention institutions=0.6"),
            Concept.MultilateralEngagement),
        Entry("costly-reassurance", "Costly reassurance and GRIT", "Kydd 2000; Osgood 1962",
            "Unilateral restraint that a greedy type would not pay for proves benign intent (Kydd's costly signal); Osgood's GRIT "
            + "makes small announced cuts and reciprocates. Both can end spirals between trustworthy states. Set a state's policy to "
            + "CostlySignaller or Grit.",
            new("Give Alpha the GRIT policy", $"/compare/{Dangerous}?intervention=policy%3AAlpha%3DGrit", $"spiral compare {Dangerous} --intervention policy:Alpha=Grit"),
            Concept.CostlyReassurance, Concept.Grit),
    ];

    public static IEnumerable<LearnEntry> All => Questions.Concat(Glossary);

    private static LearnEntry Entry(string id, string title, string source, string text, LearnTry run, params Concept[] concepts) =>
        new(id, title, ConceptKind, source, text, run) { Concepts = concepts };

    /// <summary>The entry whose id or title matches <paramref name="topic"/> (case-insensitive; spaces and hyphens alike), or null.</summary>
    public static LearnEntry? Find(string topic)
    {
        var key = Key(topic);
        return All.FirstOrDefault(e => Key(e.Id) == key)
            ?? All.FirstOrDefault(e => Key(e.Title) == key)
            ?? All.FirstOrDefault(e => Key(e.Id).StartsWith(key, StringComparison.Ordinal) && key.Length >= 3);
    }

    /// <summary>The glossary entry that explains a model concept, or null (e.g. for <see cref="Concept.None"/>).</summary>
    public static LearnEntry? ForConcept(Concept concept) =>
        concept is Concept.None or Concept.Timeline ? null : Glossary.FirstOrDefault(e => e.Concepts.Contains(concept));

    private static string Key(string s) =>
        new string(s.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
