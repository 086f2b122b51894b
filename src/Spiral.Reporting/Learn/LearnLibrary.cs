using Spiral.Core.Events;
using Spiral.IO.Content;

namespace Spiral.Reporting.Learn;

/// <summary>
/// The texts of the web explorer's Learn page, of <c>spiral explain</c> and of the narration's concept tags, as the
/// reader meets them: the first questions, then the glossary of every concept Spiral models (DESIGN.md section 2).
/// The texts themselves are content (<see cref="ConceptTexts"/>, <c>content/concepts.yaml</c>).
/// </summary>
public static class LearnLibrary
{
    public static IReadOnlyList<LearnEntry> Questions { get; } = ConceptTexts.All.Where(e => e.Kind == ConceptTexts.QuestionKind).ToList();

    public static IReadOnlyList<LearnEntry> Glossary { get; } = ConceptTexts.All.Where(e => e.Kind == ConceptTexts.ConceptKind).ToList();

    public static IEnumerable<LearnEntry> All => Questions.Concat(Glossary);

    private static readonly Dictionary<Concept, LearnEntry> ByConcept = Glossary.Where(e => e.Concept != Concept.None).ToDictionary(e => e.Concept);

    /// <summary>The entry whose id or title matches <paramref name="topic"/> (case-insensitive; spaces and hyphens alike), or null.</summary>
    public static LearnEntry? Find(string topic)
    {
        var key = Key(topic);
        return All.FirstOrDefault(e => Key(e.Id) == key)
            ?? All.FirstOrDefault(e => Key(e.Title) == key)
            ?? All.FirstOrDefault(e => Key(e.Id).StartsWith(key, StringComparison.Ordinal) && key.Length >= 3);
    }

    /// <summary>The glossary entry that explains a model concept, or null for <see cref="Concept.None"/>.</summary>
    public static LearnEntry? ForConcept(Concept concept) => ByConcept.GetValueOrDefault(concept);

    private static string Key(string s) =>
        new string(s.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
