using System.Reflection;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

public class PolicyCatalogTests
{
    [Fact]
    public void Catalog_HoldsEveryRequiredPolicy()
    {
        string[] required = ["DefensiveRealist", "OffensiveRealist", "Richardson", "TitForTat", "Grit", "CostlySignaller", "Hawk", "Dove", "Scripted"];
        foreach (var name in required)
        {
            Assert.True(PolicyCatalog.TryGet(name, out _), name);
        }
    }

    [Fact]
    public void EveryEntry_HasTraitsWithNameSourceAndSummary()
    {
        foreach (var name in PolicyCatalog.Names)
        {
            Assert.True(PolicyCatalog.TryGet(name, out var entry));
            Assert.Equal(name, entry.Traits.Name);
            Assert.Matches(@"\w", entry.Traits.Source);
            Assert.Matches(@"\w", entry.Traits.Summary);
            var policy = PolicyCatalog.Create(new PolicySpec(name));
            Assert.Equal(name, policy.GetType().Name);
            Assert.Same(entry.Traits, policy.Traits);
            Assert.True(policy.GetType().IsSealed, $"{name} should be a sealed class");
        }
    }

    public static TheoryData<string> PolicyNames => new(PolicyCatalog.Names);

    /// <summary>
    /// Every state follows the policy under either type, in a tense world where incidents open crises often, so
    /// both Decide and Respond run many times; a counting wrapper sums the draws they make.
    /// </summary>
    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void Traits_Deterministic_MatchesDrawsFromThePolicyStreamOverRuns(string name)
    {
        var spec = new PolicySpec(name);
        var s = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2, distinguishability: 0.2, greedProbability: 0.5, rivalry: 0.5, steps: 30)
            .With(wp => wp with { IncidentBaseRate = 0.5 });
        s = s with { States = [.. s.States.Select(st => st with { Policy = spec, GreedyPolicy = spec })] };
        long draws = 0, decisions = 0, responses = 0;
        for (var run = 0; run < 4; run++)
        {
            var w = WorldFactory.Create(s, 11, run);
            var counters = DrawCountingPolicy.WrapAll(w);
            for (var t = 0; t < s.Steps; t++)
            {
                Kernel.Step(w);
            }
            draws += counters.Sum(c => c.Draws);
            decisions += counters.Sum(c => c.Decisions);
            responses += counters.Sum(c => c.Responses);
        }
        Assert.True(decisions >= 4 * 30 * 4, $"{name}: {decisions} decisions");
        Assert.True(responses >= 20, $"{name}: only {responses} crisis responses");
        Assert.True(PolicyCatalog.TryGet(name, out var entry));
        if (entry.Traits.Deterministic)
        {
            Assert.Equal(0, draws);
        }
        else
        {
            Assert.True(draws > 0, $"{name} claims randomness but made no draw in {decisions} decisions and {responses} responses");
        }
    }

    [Fact]
    public void DrawCountingPolicy_RealistCrisisRule_CountsOneDrawPerResponse()
    {
        var w = TestWorlds.Dyad("Richardson", "Richardson");
        w.IsGreedy[0] = false;
        var counting = DrawCountingPolicy.WrapAll(w)[0];
        for (var k = 0; k < 5; k++)
        {
            PolicyRuns.Respond(w, 0, PolicyRuns.Situation(1, k));
        }
        DecidePhase.Run(w);
        Assert.Equal((1, 5, 5L), (counting.Decisions, counting.Responses, counting.Draws));
    }

    [Fact]
    public void EveryPolicyClass_IsInTheCatalog()
    {
        // SeatPolicy is the exception: a classroom seat around a catalog bot, whose decisions come from outside; no scenario can name it.
        var types = typeof(IPolicy).Assembly.GetTypes().Where(t => typeof(IPolicy).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract
            && t != typeof(SeatPolicy));
        foreach (var t in types)
        {
            Assert.Contains(t.Name, PolicyCatalog.Names);
        }
    }

    [Fact]
    public void Create_UnknownName_ThrowsNamingTheChoices()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicyCatalog.Create(new PolicySpec("Pacifist")));
        Assert.Contains("Pacifist", ex.Message);
        Assert.Contains("DefensiveRealist", ex.Message);
    }

    private static PolicySpec Spec(string name, params (string Key, double Value)[] parameters) =>
        new(name) { Parameters = parameters.ToDictionary(p => p.Key, p => p.Value) };

    [Fact]
    public void Create_Parameters_AreApplied()
    {
        var hawk = (Hawk)PolicyCatalog.Create(Spec("hawk", ("posture", 0.7)));
        Assert.Equal(0.7, hawk.Options.Posture);
        var dr = (DefensiveRealist)PolicyCatalog.Create(Spec("DefensiveRealist", ("defensiveShift", 0.2)));
        Assert.Equal(0.2, dr.Options.DefensiveShift);
        var richardson = (Richardson)PolicyCatalog.Create(Spec("Richardson", ("reaction", 0.4), ("grievance", -0.003)));
        Assert.Equal(new RichardsonOptions { Reaction = 0.4, Fatigue = 0.2, Grievance = -0.003 }, richardson.Options);
        var signaller = (CostlySignaller)PolicyCatalog.Create(Spec("CostlySignaller", ("signalInterval", 5)));
        Assert.Equal(5, signaller.Options.SignalInterval);
        var scripted = (Scripted)PolicyCatalog.Create(Spec("Scripted", ("crisis", -1), ("acceptCbm", 1)));
        Assert.Equal((CrisisMove.BackDown, true), (scripted.Options.Crisis, scripted.Options.AcceptCbm));
    }

    [Theory]
    [InlineData("CostlySignaller", "signalInterval", 2.5, "signalInterval must be a whole number in [1, 100], not 2.5")]
    [InlineData("Scripted", "crisis", 2, "crisis must be a whole number in [-1, 1], not 2")]
    [InlineData("Scripted", "acceptCbm", 0.5, "acceptCbm must be a whole number in [0, 1], not 0.5")]
    [InlineData("Grit", "cut", 1.5, "cut must be a number in [0, 1], not 1.5")]
    [InlineData("Hawk", "posture", double.NaN, "posture must be a number in [0, 1], not NaN")]
    [InlineData("Richardson", "reactoin", 0.1, "unknown parameter 'reactoin'; expected one of reaction, fatigue, grievance")]
    [InlineData("OffensiveRealist", "posture", 0.5, "unknown parameter 'posture'; it takes no parameters")]
    public void Create_InvalidParameter_ThrowsSayingWhatWasExpected(string policy, string parameter, double value, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicyCatalog.Create(Spec(policy, (parameter, value))));
        Assert.Equal($"policy {policy}: {message}", ex.Message);
    }

    [Theory]
    [InlineData("DefensiveRealist", "defensiveShift")]
    [InlineData("OffensiveRealist", "")]
    [InlineData("Richardson", "reaction fatigue grievance")]
    [InlineData("TitForTat", "maxCopy")]
    [InlineData("Grit", "cut tolerance floorShare")]
    [InlineData("CostlySignaller", "mistrustSignal signalInterval signalCut")]
    [InlineData("Hawk", "posture")]
    [InlineData("Dove", "posture")]
    [InlineData("Scripted", "crisis acceptCbm")]
    public void ParameterNames_AreTheScenarioFileNames(string policy, string names)
    {
        Assert.True(PolicyCatalog.TryGet(policy, out var entry));
        Assert.Equal(names.Split(' ', StringSplitOptions.RemoveEmptyEntries), entry.ParameterNames);
    }

    [Theory]
    [InlineData("DefensiveRealist", "defensiveShift", 0.6, 0, 1, false, "share")]
    [InlineData("Richardson", "reaction", 0.1, 0, 1, false, "per year")]
    [InlineData("Richardson", "grievance", 0.002, -0.01, 0.01, false, "share of GDP per year")]
    [InlineData("Grit", "floorShare", 0.5, 0, 1, false, "share")]
    [InlineData("CostlySignaller", "signalInterval", 3, 1, 100, true, "years")]
    [InlineData("Hawk", "posture", 0.9, 0, 1, false, "share")]
    [InlineData("Dove", "posture", 0.1, 0, 1, false, "share")]
    [InlineData("Scripted", "crisis", 0, -1, 1, true, "move")]
    [InlineData("Scripted", "acceptCbm", 0, 0, 1, true, "0 or 1")]
    public void Parameters_DefaultRangeAndUnit_AreLiteral(string policy, string name, double @default, double min, double max, bool isInteger, string unit)
    {
        Assert.True(PolicyCatalog.TryGet(policy, out var entry));
        var p = Assert.Single(entry.Parameters, p => p.Name == name);
        Assert.Equal((@default, min, max, isInteger, unit), (p.Default, p.Min, p.Max, p.IsInteger, p.Unit));
    }

    [Fact]
    public void Parameters_EveryDefault_LiesInItsRange_AndEachIsDescribed()
    {
        var count = 0;
        foreach (var entry in PolicyCatalog.All)
        {
            Assert.Equal(entry.ParameterNames.Count, entry.ParameterNames.Distinct().Count());
            foreach (var p in entry.Parameters)
            {
                count++;
                var at = $"{entry.Traits.Name}.{p.Name}";
                Assert.True(p.Min < p.Max, at);
                Assert.True(p.Default >= p.Min && p.Default <= p.Max, $"{at}: default {p.Default} outside [{p.Min}, {p.Max}]");
                Assert.Null(p.Check(p.Default));
                if (p.IsInteger)
                {
                    Assert.Equal((Math.Floor(p.Default), Math.Floor(p.Min), Math.Floor(p.Max)), (p.Default, p.Min, p.Max));
                }
                Assert.Matches("^[a-z][A-Za-z]*$", p.Name);
                Assert.Matches(@"\w", p.Unit);
                Assert.Matches(@"[A-Za-z]+.* \d{4}|observed data", p.Source);
                Assert.Matches(@"\w+ \w+ \w+", p.Meaning);
            }
        }
        Assert.Equal(15, count);
    }

    [Fact]
    public void Create_DefaultSpec_GivesTheOptionsRecordsDefaults()
    {
        Assert.Equal(new RichardsonOptions(), ((Richardson)PolicyCatalog.Create(new PolicySpec("Richardson"))).Options);
        Assert.Equal(new GritOptions(), ((Grit)PolicyCatalog.Create(new PolicySpec("Grit"))).Options);
        Assert.Equal(0.05, new GritOptions().Cut);
        Assert.Equal(0.25, new TitForTatOptions().MaxCopy);
        Assert.Equal(0.02, new CostlySignallerOptions().MistrustSignal);
    }
}

public class PolicyContextTests
{
    private static readonly BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void PolicyContext_ExposesNoOtherStatesType_OnlyOwnTypeIsGreedy()
    {
        var t = typeof(PolicyContext);
        Assert.Empty(t.GetFields(Public));
        var members = t.GetMembers(Public).Where(m => m is PropertyInfo or MethodInfo).ToList();
        var typeMembers = members.Where(m =>
            m.Name.Contains("Greedy", StringComparison.OrdinalIgnoreCase) || m.Name.Contains("Type", StringComparison.OrdinalIgnoreCase)
            || m.Name.Contains("Theta", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Name).Where(n => n != "get_OwnTypeIsGreedy").Distinct().ToList();
        Assert.Equal(["OwnTypeIsGreedy"], typeMembers);
        var own = t.GetProperty("OwnTypeIsGreedy")!;
        Assert.Equal(typeof(bool), own.PropertyType);
        Assert.Empty(own.GetIndexParameters());
    }

    [Fact]
    public void PolicyContext_ReturnsNoWorldPolicyOrArray()
    {
        var forbidden = new[] { typeof(Spiral.Core.Model.World), typeof(IPolicy), typeof(Spiral.Core.Recording.RunRecord) };
        foreach (var m in typeof(PolicyContext).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            var r = m.ReturnType.IsByRef ? m.ReturnType.GetElementType()! : m.ReturnType;
            Assert.DoesNotContain(r, forbidden);
            Assert.False(r.IsArray, $"{m.Name} returns an array");
            Assert.False(typeof(System.Collections.IEnumerable).IsAssignableFrom(r) && r != typeof(string), $"{m.Name} returns a collection");
        }
    }

    [Fact]
    public void OwnTypeIsGreedy_ReadsOwnTypeOnly()
    {
        var w = TestWorlds.Dyad();
        w.IsGreedy[0] = false;
        w.IsGreedy[1] = true;
        Assert.False(new PolicyContext(w, 0).OwnTypeIsGreedy);
        Assert.True(new PolicyContext(w, 1).OwnTypeIsGreedy);
    }
}
