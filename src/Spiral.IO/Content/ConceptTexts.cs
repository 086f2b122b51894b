using System.Text.Json.Nodes;
using Spiral.Core.Events;
using Spiral.IO.Scenarios;

namespace Spiral.IO.Content;

/// <summary>Something to run that shows a concept or answers a question: a web explorer path and, where one exists, a <c>spiral</c> command line.</summary>
public sealed record LearnTry(string Label, string WebPath, string? Command = null);

/// <summary>
/// One entry of <c>content/concepts.yaml</c>: a concept of the security dilemma or an answer to a first question
/// (<see cref="Kind"/> is <see cref="ConceptTexts.ConceptKind"/> or <see cref="ConceptTexts.QuestionKind"/>).
/// </summary>
public sealed record LearnEntry(string Id, string Title, string Kind, string Source, string Text, LearnTry Try)
{
    /// <summary>The model's concept this entry explains (events are tagged with it), or <see cref="Concept.None"/>.</summary>
    public Concept Concept { get; init; }

    /// <summary>How a sentence of the narration names the concept, e.g. "the offense-defense balance"; empty without a concept.</summary>
    public string Name { get; init; } = "";

    /// <summary>The narration's one-line explanation of the concept; empty without a concept.</summary>
    public string Gist { get; init; } = "";
}

/// <summary>
/// The one glossary of Spiral's concepts (DESIGN.md section 2) and the answers to students' first questions, read from
/// the embedded content file <c>content/concepts.yaml</c>. Every entry has an id, title, source, text and something to
/// run; each model <see cref="Concept"/> but <see cref="Concept.None"/> has exactly one entry, with the name and gist
/// the narration uses.
/// </summary>
public static class ConceptTexts
{
    public const string File = "content/concepts.yaml";
    public const string QuestionKind = "question";
    public const string ConceptKind = "concept";

    private static readonly Lazy<IReadOnlyList<LearnEntry>> Entries = new(() => Parse(ScenarioSchema.ReadResource(File), File));

    /// <summary>Every entry in file order.</summary>
    public static IReadOnlyList<LearnEntry> All => Entries.Value;

    /// <summary>
    /// Reads a concepts file; throws <see cref="InvalidDataException"/> naming the file, line and entry for a missing or
    /// unknown field, an unknown kind or concept, a repeated id, or a concept explained twice.
    /// </summary>
    public static IReadOnlyList<LearnEntry> Parse(string text, string file)
    {
        var doc = YamlJsonReader.Read(text);
        if (doc.Errors.Count > 0)
        {
            var (position, _, message) = doc.Errors[0];
            throw new InvalidDataException($"{file}:{position.Line}:{position.Column}: {message}");
        }
        if (doc.Root is not JsonArray items)
        {
            throw new InvalidDataException($"{file}:1:1: expected a list of entries");
        }
        var list = new List<LearnEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var explained = new HashSet<Concept>();
        for (var k = 0; k < items.Count; k++)
        {
            var at = $"/{k}";
            InvalidDataException Error(string field, string message)
            {
                var p = doc.PositionOf(field.Length == 0 ? at : $"{at}/{field}", preferKey: true);
                var id = JsonValues.Str(items[k]?["id"]);
                return new InvalidDataException($"{file}:{p.Line}:{p.Column}: entry {(id is null ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"'{id}'")}: {message}");
            }
            if (items[k] is not JsonObject o)
            {
                throw Error("", "expected a mapping");
            }
            foreach (var (key, _) in o)
            {
                if (key is not ("id" or "kind" or "concept" or "title" or "name" or "gist" or "source" or "text" or "try"))
                {
                    throw Error(key, $"unknown field '{key}'; expected id, kind, concept, title, name, gist, source, text, try");
                }
            }
            string Required(JsonNode? node, string field) =>
                JsonValues.Str(node) is { Length: > 0 } s ? s.Trim() : throw Error(field, $"'{field}' must be a non-empty string");
            var entryId = Required(o["id"], "id");
            if (!ids.Add(entryId))
            {
                throw Error("id", $"id '{entryId}' appears twice");
            }
            var kind = Required(o["kind"], "kind");
            if (kind is not (QuestionKind or ConceptKind))
            {
                throw Error("kind", $"kind '{kind}': expected {QuestionKind} or {ConceptKind}");
            }
            var concept = Concept.None;
            if (o["concept"] is { } c)
            {
                var name = JsonValues.Str(c);
                if (name is not { Length: > 0 } || !char.IsLetter(name[0]) || !Enum.TryParse(name, ignoreCase: false, out concept) || concept == Concept.None || !Enum.IsDefined(concept))
                {
                    throw Error("concept", $"concept '{c}': expected one of {string.Join(", ", Enum.GetNames<Concept>().Where(n => n != nameof(Concept.None)))}");
                }
                if (!explained.Add(concept))
                {
                    throw Error("concept", $"concept {concept} is already explained by another entry");
                }
            }
            if (concept == Concept.None && (o["name"] is not null || o["gist"] is not null))
            {
                throw Error(o["name"] is not null ? "name" : "gist", "'name' and 'gist' belong to entries with a 'concept'");
            }
            if (o["try"] is not JsonObject run)
            {
                throw Error("try", "'try' must be a mapping with label, web and (optionally) command");
            }
            foreach (var (key, _) in run)
            {
                if (key is not ("label" or "web" or "command"))
                {
                    throw Error($"try/{key}", $"unknown field 'try.{key}'; expected label, web, command");
                }
            }
            var command = run["command"] is { } cmd ? Required(cmd, "try/command") : null;
            list.Add(new LearnEntry(entryId, Required(o["title"], "title"), kind, Required(o["source"], "source"), Required(o["text"], "text"),
                new LearnTry(Required(run["label"], "try/label"), Required(run["web"], "try/web"), command))
            {
                Concept = concept,
                Name = concept == Concept.None ? "" : Required(o["name"], "name"),
                Gist = concept == Concept.None ? "" : Required(o["gist"], "gist"),
            });
        }
        return list;
    }
}
