using System.Reflection;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;

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
            Assert.False(string.IsNullOrWhiteSpace(entry.Traits.Source), $"{name} has no source");
            Assert.Matches(@"\w", entry.Traits.Source);
            Assert.False(string.IsNullOrWhiteSpace(entry.Traits.Summary), $"{name} has no summary");
            Assert.True(entry.Traits.MemoryDepth >= -1);
            var policy = PolicyCatalog.Create(new PolicySpec(name));
            Assert.Equal(entry.Traits, policy.Traits);
            Assert.True(policy.GetType().IsSealed, $"{name} should be a sealed class");
        }
    }

    [Fact]
    public void EveryPolicyClass_IsInTheCatalog()
    {
        var types = typeof(IPolicy).Assembly.GetTypes().Where(t => typeof(IPolicy).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract);
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

    [Fact]
    public void Create_Parameters_AreApplied()
    {
        var hawk = (Hawk)PolicyCatalog.Create(new PolicySpec("hawk") { Parameters = new Dictionary<string, double> { ["posture"] = 0.7 } });
        Assert.Equal(0.7, hawk.Posture);
        var dr = (DefensiveRealist)PolicyCatalog.Create(new PolicySpec("DefensiveRealist") { Parameters = new Dictionary<string, double> { ["defensiveShift"] = 0.2 } });
        Assert.Equal(0.2, dr.DefensiveShift);
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
