using Spiral.Core.Model;
using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.IO.Calibration;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Tests.Scenarios;

/// <summary>
/// The library's model v2 inputs (issue 11; docs/scenarios/README.md, "Model v2 inputs"): nuclear status, long-run
/// burdens recomputed from the shipped data over the training years only, stakes on the 0.004-per-salience-point
/// scale, scripted war durations, and no scripted spending path beyond the documented exogenous wars.
/// </summary>
public class ScenarioLibraryModelV2Tests
{
    /// <summary>Every state with a survivable nuclear arsenal in the scenario's years (SIPRI Yearbook 2024 ch. 7; Norris &amp; Kristensen 2010).</summary>
    public static TheoryData<string, string[]> NuclearStates() => new()
    {
        { "india-china-lac", ["India", "China", "Pakistan"] },
        { "south-china-sea", ["China", "USA"] },
        { "russia-ukraine-nato", ["Russia", "USA", "UK", "France"] },
        { "west-asia", ["Israel", "USA"] },
        { "afghanistan-2021", ["Pakistan"] },
        { "cold-war-hotline", ["USA", "USSR"] },
        { "anglo-german-naval-race", [] },
        { "jervis-doubly-dangerous", [] },
        { "jervis-doubly-stable", [] },
        { "jervis-offense-distinguishable", [] },
        { "jervis-defense-indistinguishable", [] },
    };

    [Theory]
    [MemberData(nameof(NuclearStates))]
    public void LoadLibrary_EveryScenario_NuclearExactlyTheArmedStates(string name, string[] armed)
    {
        var s = ScenarioLoader.LoadLibrary(name);
        Assert.Equal(armed.Order(), s.States.Where(st => st.Nuclear == 1).Select(st => st.Name).Order());
        Assert.All(s.States, st => Assert.Contains(st.Nuclear, new[] { 0, 1 }));
    }

    public static TheoryData<string> SipriScenarios() =>
        new() { "india-china-lac", "south-china-sea", "russia-ukraine-nato", "west-asia", "afghanistan-2021" };

    [Theory]
    [MemberData(nameof(SipriScenarios))]
    public void LoadLibrary_SipriScenario_LongRunShareIsTheMeanBurdenOfTheTrainingYearsOnly(string name)
    {
        var setup = CalibrationSetup.Load(name);
        var train = setup.Train!.Value;
        Assert.Equal("data/sipri_milex_2010_2024.csv", setup.File);
        var text = ObservedData.ReadText(setup.File);
        var entities = setup.Scenario.States
            .Select(st => (st.Name, Entity: setup.States.TryGetValue(st.Name, out var e) ? e : st.Name))
            .Where(p => text.Contains("\n" + p.Entity + ",", StringComparison.Ordinal))
            .ToDictionary(p => p.Name, p => p.Entity);
        var shares = ObservedData.Read(text, setup.File, "country", "year", "share_of_gdp_pct", 0.01, entities);
        foreach (var state in setup.Scenario.States)
        {
            var years = entities.ContainsKey(state.Name) ? train.Years.Where(y => shares.TryGet(state.Name, y, out _)).ToList() : [];
            if (years.Count == 0)
            {
                Assert.True(state.LongRunShare is null, $"{name}: {state.Name} has no SIPRI figures, so no longRunShare");
                continue;
            }
            var mean = years.Average(y => shares.TryGet(state.Name, y, out var v) ? v : double.NaN);
            Assert.True(state.LongRunShare is { } m && Math.Abs(m - mean) < 5e-6,
                $"{name}: {state.Name} longRunShare {state.LongRunShare} != mean {mean:F6} of {years.First()}-{years.Last()}");
        }
    }

    [Fact]
    public void LoadLibrary_SouthChinaSea_VietNamLongRunShareIsItsNineSipriYears()
    {
        var s = ScenarioLoader.LoadLibrary("south-china-sea");
        // SIPRI 2010-2018 (no figure for 2019): 16.126 / 9 = 1.792%.
        Assert.Equal(0.01792, s.States[s.IndexOf("Viet Nam")].LongRunShare);
        Assert.Null(ScenarioLoader.LoadLibrary("afghanistan-2021").States.Single(st => st.Name == "Tajikistan").LongRunShare);
    }

    [Fact]
    public void LoadLibrary_AngloGerman_LongRunShareIsThePeacetimeTrainingBurdenOverTheScenarioGdpPath()
    {
        var setup = CalibrationSetup.Load("anglo-german-naval-race");
        var observed = setup.LoadObserved();
        var drag = setup.Scenario.Model.MilitaryGrowthDrag;
        var warYears = new Dictionary<string, int[]> { ["UK"] = [1900, 1901, 1902], ["Russia"] = [1905, 1906] };
        foreach (var state in setup.Scenario.States)
        {
            var years = setup.Train!.Value.Years.Except(warYears.GetValueOrDefault(state.Name, [])).ToList();
            var mean = years.Average(y =>
            {
                Assert.True(observed.TryGet(state.Name, y, out var milex));
                return milex / (state.Gdp * Math.Pow(1 + state.Growth - drag * state.MilitaryShare, y - setup.Scenario.StartYear));
            });
            Assert.True(state.LongRunShare is { } m && Math.Abs(m - mean) < 5e-6, $"{state.Name}: {state.LongRunShare} != {mean:F6}");
        }
        // Literal values (the scenario's comments show the arithmetic).
        Assert.Equal(0.03262, setup.Scenario.States[setup.Scenario.IndexOf("UK")].LongRunShare);
        Assert.Equal(0.03881, setup.Scenario.States[setup.Scenario.IndexOf("Russia")].LongRunShare);
    }

    [Theory]
    [InlineData("cold-war-hotline")]
    [InlineData("jervis-doubly-dangerous")]
    public void LoadLibrary_StylizedScenario_NoLongRunShare(string name)
    {
        Assert.All(ScenarioLoader.LoadLibrary(name).States, st => Assert.Null(st.LongRunShare));
    }

    /// <summary>Every stake in the library, by its salience score: stake = 0.004 × score (docs/scenarios/README.md, "Stakes").</summary>
    public static TheoryData<string, string, string, int> ContestedDyads() => new()
    {
        { "india-china-lac", "India", "China", 9 },
        { "india-china-lac", "India", "Pakistan", 11 },
        { "south-china-sea", "China", "Philippines", 5 },
        { "south-china-sea", "China", "Viet Nam", 6 },
        { "south-china-sea", "China", "USA", 4 },
        { "south-china-sea", "China", "Japan", 6 },
        { "south-china-sea", "Viet Nam", "Philippines", 2 },
        { "russia-ukraine-nato", "Russia", "Ukraine", 12 },
        { "russia-ukraine-nato", "Russia", "USA", 6 },
        { "west-asia", "Iran", "Israel", 3 },
        { "west-asia", "Iran", "Saudi Arabia", 4 },
        { "west-asia", "Iran", "USA", 4 },
        { "afghanistan-2021", "Afghanistan", "Pakistan", 9 },
        { "afghanistan-2021", "Afghanistan", "Iran", 2 },
        { "cold-war-hotline", "USA", "USSR", 6 },
        { "anglo-german-naval-race", "UK", "Germany", 4 },
        { "anglo-german-naval-race", "France", "Germany", 12 },
        { "anglo-german-naval-race", "Russia", "Germany", 3 },
        { "anglo-german-naval-race", "Russia", "Austria-Hungary", 5 },
    };

    [Theory]
    [MemberData(nameof(ContestedDyads))]
    public void LoadLibrary_ContestedDyad_StakeIsItsSalienceOnTheLibraryScale(string name, string a, string b, int salience)
    {
        var d = Dyad(ScenarioLoader.LoadLibrary(name), a, b);
        Assert.Equal(0.004 * salience, d.Stake, 12);
    }

    [Fact]
    public void LoadLibrary_RealScenarios_StakesOnlyOnTheContestedDyads()
    {
        var contested = ContestedDyads().Select(row => ((string)row[0], Key((string)row[1], (string)row[2]))).ToHashSet();
        foreach (var name in ScenarioLibrary.Names.Where(n => !n.StartsWith("jervis-", StringComparison.Ordinal)))
        {
            foreach (var d in ScenarioLoader.LoadLibrary(name).Dyads)
            {
                Assert.True(d.Stake > 0 == contested.Contains((name, Key(d.A, d.B))), $"{name}: {d.A}-{d.B} stake {d.Stake}");
                Assert.InRange(d.Stake, 0, 0.004 * 12 + 1e-12);
            }
        }
    }

    [Fact]
    public void LoadLibrary_JervisWorlds_EveryPairTheSameStakeAndReachSoOnlyBetaAndOmegaDiffer()
    {
        var worlds = new[] { "jervis-doubly-dangerous", "jervis-offense-distinguishable", "jervis-defense-indistinguishable", "jervis-doubly-stable" }
            .Select(ScenarioLoader.LoadLibrary).ToList();
        foreach (var s in worlds)
        {
            Assert.Equal(15, s.Dyads.Select(d => Key(d.A, d.B)).Distinct().Count());
            Assert.All(s.Dyads, d => Assert.Equal((0.8, 0.024, 0.0, 0.0, 0.0), (d.Reach, d.Stake, d.Rivalry, d.Transparency, d.Hotline)));
            Assert.All(s.States, st => Assert.Equal((0, (double?)null), (st.Nuclear, st.LongRunShare)));
            Assert.Equal(worlds[0].States, s.States, (x, y) => x.Name == y.Name && x.Gdp == y.Gdp && x.MilitaryShare == y.MilitaryShare && x.Posture == y.Posture);
            Assert.Equal(worlds[0].World with { OffenseAdvantage = 0, Distinguishability = 0 }, s.World with { OffenseAdvantage = 0, Distinguishability = 0 });
        }
    }

    [Fact]
    public void Run_RussiaUkraineNato_ScriptedInvasionLastsFrom2022Through2024()
    {
        var s = ScenarioLoader.LoadLibrary("russia-ukraine-nato");
        var invasion = Assert.Single(s.Timeline, e => e.Kind == TimelineEventKind.War && e.Year == 2022);
        Assert.Equal(3, invasion.Value);
        Assert.Equal(1, Assert.Single(s.Timeline, e => e.Kind == TimelineEventKind.War && e.Year == 2014).Value);
        int russia = s.IndexOf("Russia"), ukraine = s.IndexOf("Ukraine");
        for (var seed = 1UL; seed <= 5; seed++)
        {
            var w = WorldFactory.Create(s, seed, 0);
            var atWar = new List<int>();
            for (var t = 0; t < s.Steps; t++)
            {
                Kernel.Step(w);
                if (w.WarUntil[russia * w.N + ukraine] >= w.Step - 1)
                {
                    atWar.Add(s.StartYear + t);
                }
            }
            Assert.Equal([2022, 2023, 2024], atWar.Where(y => y >= 2022));
        }
    }

    [Fact]
    public void LoadLibrary_EveryScenario_ScriptsNoSpendingButTheAngloGermanWarsOutsideTheScenario()
    {
        foreach (var name in ScenarioLibrary.Names)
        {
            var s = ScenarioLoader.LoadLibrary(name);
            Assert.All(s.States, st => Assert.NotEqual("Scripted", st.Policy.Name));
            Assert.All(s.States, st => Assert.NotEqual("Scripted", st.GreedyPolicy.Name));
            var forced = s.Timeline.Where(e => e.Kind == TimelineEventKind.MilitaryShareSet).Select(e => (e.Year, e.Actors[0])).ToList();
            // The Boer War (to 1902) and the Russo-Japanese War (1904-1905) are fought against states outside the scenario.
            List<(int, string)> expected = name == "anglo-german-naval-race" ? [(1902, "UK"), (1903, "UK"), (1905, "Russia"), (1906, "Russia")] : [];
            Assert.Equal(expected, forced);
        }
    }

    private static DyadSpec Dyad(Scenario s, string a, string b) =>
        s.Dyads.Single(d => Key(d.A, d.B) == Key(a, b));

    private static string Key(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
}
