using Spiral.Core.Events;
using Spiral.IO.Content;

namespace Spiral.IO.Tests.Content;

/// <summary>Reading content/concepts.yaml: the shipped file, and one located error for each kind of mistake.</summary>
public sealed class ConceptTextsTests
{
    private const string Good = """
        - id: hotline
          kind: concept
          concept: Hotline
          title: Hotlines
          name: the hotline
          gist: a direct channel lets leaders step back
          source: Schelling 1960
          text: >-
            A direct channel
            between leaders.
          try:
            label: Compare
            web: /compare/india-china-lac
            command: spiral compare india-china-lac --intervention hotline:India,China
        """;

    [Fact]
    public void All_ShippedFile_ThirtyFourEntriesFirstAQuestion()
    {
        Assert.Equal(34, ConceptTexts.All.Count);
        Assert.Equal(("what-is-the-security-dilemma", ConceptTexts.QuestionKind, Concept.None), (ConceptTexts.All[0].Id, ConceptTexts.All[0].Kind, ConceptTexts.All[0].Concept));
    }

    [Fact]
    public void Parse_GoodEntry_FoldsTheTextAndReadsEveryField()
    {
        var e = Assert.Single(ConceptTexts.Parse(Good, "c.yaml"));
        Assert.Equal(("hotline", "Hotlines", ConceptTexts.ConceptKind, Concept.Hotline, "the hotline", "a direct channel lets leaders step back", "Schelling 1960"),
            (e.Id, e.Title, e.Kind, e.Concept, e.Name, e.Gist, e.Source));
        Assert.Equal("A direct channel between leaders.", e.Text);
        Assert.Equal(new LearnTry("Compare", "/compare/india-china-lac", "spiral compare india-china-lac --intervention hotline:India,China"), e.Try);
    }

    [Theory]
    [InlineData("concept: Hotline", "concept: Hotlines", "c.yaml:3:3: entry 'hotline': concept 'Hotlines': expected one of Anarchy,")]
    [InlineData("concept: Hotline", "concept: 13", "c.yaml:3:3: entry 'hotline': concept '13'")]
    [InlineData("title: Hotlines", "titel: Hotlines", "c.yaml:4:3: entry 'hotline': unknown field 'titel'")]
    [InlineData("kind: concept", "kind: glossary", "c.yaml:2:3: entry 'hotline': kind 'glossary': expected question or concept")]
    [InlineData("  source: Schelling 1960\n", "", "c.yaml:1:3: entry 'hotline': 'source' must be a non-empty string")]
    [InlineData("  gist: a direct channel lets leaders step back\n", "", "c.yaml:1:3: entry 'hotline': 'gist' must be a non-empty string")]
    public void Parse_OneMistake_OneLocatedError(string from, string to, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ConceptTexts.Parse(Good.Replace(from, to, StringComparison.Ordinal), "c.yaml"));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConceptExplainedTwice_ErrorAtTheSecondEntry()
    {
        var twice = Good + "\n" + Good.Replace("id: hotline", "id: hotline-2", StringComparison.Ordinal);
        var ex = Assert.Throws<InvalidDataException>(() => ConceptTexts.Parse(twice, "c.yaml"));
        Assert.StartsWith("c.yaml:17:3: entry 'hotline-2': concept Hotline is already explained by another entry", ex.Message, StringComparison.Ordinal);
    }
}
