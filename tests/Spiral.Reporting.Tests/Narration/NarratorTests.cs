using Spiral.Core.Events;
using Spiral.Core.Recording;
using Spiral.IO.Scenarios;
using Spiral.Reporting.Learn;
using Spiral.Reporting.Narration;

namespace Spiral.Reporting.Tests.Narration;

/// <summary>The narration names each concept and explains it with the one glossary's name and gist.</summary>
public sealed class NarratorTests
{
    private static IReadOnlyList<NarratedYear> Story(string scenarioName, ulong seed)
    {
        var scenario = ScenarioLoader.LoadLibrary(scenarioName);
        var record = new RunRecord(scenario.States.Count, scenario.Steps);
        Spiral.Core.Simulation.Run(scenario, seed, 0, record, scenario.Steps);
        return Narrator.Narrate(record);
    }

    [Fact]
    public void Narrate_IndiaChinaLac_EveryConceptNameIsTheGlossarysName()
    {
        var lines = Story("india-china-lac", 7).SelectMany(y => y.Lines).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(LearnLibrary.ForConcept(l.Concept)?.Name ?? "", l.ConceptName));
        Assert.Contains(lines, l => l.Concept == Concept.Timeline && l.ConceptName == "history");
    }

    [Fact]
    public void Narrate_DoublyDangerous_ExplainsWithTheGlossarysNameAndGist()
    {
        var lines = Story("jervis-doubly-dangerous", 1).SelectMany(y => y.Lines).ToList();
        var explained = lines.Where(l => l.Concept != Concept.None && LearnLibrary.ForConcept(l.Concept) is { } e && l.Text.Contains($"({e.Name}: {e.Gist})", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(explained);
    }
}
