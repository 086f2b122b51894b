using Spiral.Core.Events;
using Spiral.IO.Content;
using Spiral.Reporting.Learn;

namespace Spiral.Reporting.Tests.Learn;

/// <summary>The one glossary: every model concept has exactly one entry, read from content/concepts.yaml.</summary>
public sealed class LearnLibraryTests
{
    [Fact]
    public void ForConcept_EveryConceptButNone_OneEntryWithNameGistAndSource()
    {
        foreach (var concept in Enum.GetValues<Concept>().Where(c => c != Concept.None))
        {
            var entry = LearnLibrary.ForConcept(concept);
            Assert.True(entry is not null, $"no glossary entry for {concept}");
            Assert.Equal(concept, entry.Concept);
            Assert.Single(LearnLibrary.All, e => e.Concept == concept);
            Assert.NotEmpty(entry.Name);
            Assert.NotEmpty(entry.Gist);
            Assert.NotEmpty(entry.Source);
        }
        Assert.Null(LearnLibrary.ForConcept(Concept.None));
    }

    [Fact]
    public void All_QuestionsThenGlossary_InFileOrderWithUniqueIds()
    {
        Assert.Equal(ConceptTexts.All.Where(e => e.Kind == ConceptTexts.QuestionKind).Concat(ConceptTexts.All.Where(e => e.Kind == ConceptTexts.ConceptKind)),
            LearnLibrary.All);
        Assert.Equal(LearnLibrary.All.Count(), LearnLibrary.All.Select(e => e.Id).Distinct().Count());
        Assert.Equal(5, LearnLibrary.Questions.Count);
        Assert.Equal("what-is-the-security-dilemma", LearnLibrary.Questions[0].Id);
    }

    [Theory]
    [InlineData(Concept.CostlyReassurance, "costly-reassurance", "costly reassurance", "Kydd 2000")]
    [InlineData(Concept.Grit, "grit", "GRIT", "Osgood 1962")]
    [InlineData(Concept.HistoricalRivalry, "rivalry-and-identity", "historical rivalry", "Diehl and Goertz 2000; Wendt 1999")]
    [InlineData(Concept.Anarchy, "anarchy", "anarchy and self-help", "Herz 1950; Waltz 1979")]
    [InlineData(Concept.Timeline, "timeline", "history", "each historical scenario's own sources (spiral scenarios show NAME)")]
    public void ForConcept_Concept_EntryOfTheContentFile(Concept concept, string id, string name, string source)
    {
        var entry = LearnLibrary.ForConcept(concept)!;
        Assert.Equal((id, name, source), (entry.Id, entry.Name, entry.Source));
    }

    [Theory]
    [InlineData("who introduced the idea", "who-introduced-it")]
    [InlineData("Offense defense balance", "offense-defense-balance")]
    [InlineData("hotl", "hotline")]
    public void Find_TitleOrIdPrefix_TheEntry(string topic, string id) => Assert.Equal(id, LearnLibrary.Find(topic)?.Id);
}
