using System.Text.RegularExpressions;
using Spiral.IO.Scenarios;

namespace Spiral.Web.ViewModels;

/// <summary>A block of a lesson section: a paragraph, a bulleted list or a block of commands.</summary>
public sealed record LessonBlock(LessonBlockKind Kind, IReadOnlyList<string> Lines);

public enum LessonBlockKind { Paragraph, List, Code }

/// <summary>One run of inline text: plain, <c>**bold**</c> or <c>`code`</c>.</summary>
public sealed record LessonSpan(string Text, bool Bold, bool Code);

/// <summary>A section of a scenario's lesson: its title on the page and its blocks.</summary>
public sealed record LessonSection(string Id, string Title, IReadOnlyList<LessonBlock> Blocks);

/// <summary>
/// The lesson a scenario page opens with: the History, Concepts it illustrates ("what to notice") and Things to try
/// sections of the scenario's documentation page (<c>docs/scenarios/NAME.md</c>, read through
/// <see cref="ScenarioLibrary.Doc"/>), the same text <c>spiral scenarios show</c> prints, so there is one text, not two.
/// Only the Markdown those pages use is read: paragraphs, "- " lists, fenced code, <c>**bold**</c> and <c>`code`</c>.
/// </summary>
public static partial class ScenarioLesson
{
    /// <summary>The documentation headings read, in order, with the page's id and title for each.</summary>
    public static IReadOnlyList<(string Heading, string Id, string Title)> Sections { get; } =
    [
        ("History", "lesson-history", "History"),
        ("Concepts it illustrates", "lesson-notice", "What to notice"),
        ("Things to try", "lesson-try", "Things to try"),
    ];

    /// <summary>The lesson of a library scenario; empty when it has no documentation page.</summary>
    public static IReadOnlyList<LessonSection> Of(string scenario) => Parse(ScenarioLibrary.Doc(scenario) ?? "");

    /// <summary>The lesson sections found in a documentation page's Markdown, in <see cref="Sections"/> order.</summary>
    public static IReadOnlyList<LessonSection> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<LessonSection>();
        foreach (var (heading, id, title) in Sections)
        {
            var start = Array.FindIndex(lines, l => l.TrimEnd() == "## " + heading);
            if (start < 0)
            {
                continue;
            }
            var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            var body = lines[(start + 1)..(end < 0 ? lines.Length : end)];
            result.Add(new LessonSection(id, title, Blocks(body)));
        }
        return result;
    }

    private static List<LessonBlock> Blocks(string[] lines)
    {
        var blocks = new List<LessonBlock>();
        var k = 0;
        while (k < lines.Length)
        {
            var line = lines[k];
            if (line.Trim().Length == 0)
            {
                k++;
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var code = new List<string>();
                for (k++; k < lines.Length && !lines[k].StartsWith("```", StringComparison.Ordinal); k++)
                {
                    code.Add(lines[k]);
                }
                k++;
                blocks.Add(new LessonBlock(LessonBlockKind.Code, code));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                var items = new List<string>();
                for (; k < lines.Length && lines[k].Trim().Length > 0 && !lines[k].StartsWith("```", StringComparison.Ordinal); k++)
                {
                    if (lines[k].StartsWith("- ", StringComparison.Ordinal))
                    {
                        items.Add(lines[k][2..].Trim());
                    }
                    else
                    {
                        items[^1] += " " + lines[k].Trim();
                    }
                }
                blocks.Add(new LessonBlock(LessonBlockKind.List, items));
            }
            else
            {
                var text = new List<string>();
                for (; k < lines.Length && lines[k].Trim().Length > 0 && !lines[k].StartsWith("- ", StringComparison.Ordinal)
                       && !lines[k].StartsWith("```", StringComparison.Ordinal); k++)
                {
                    text.Add(lines[k].Trim());
                }
                blocks.Add(new LessonBlock(LessonBlockKind.Paragraph, [string.Join(" ", text)]));
            }
        }
        return blocks;
    }

    /// <summary>A line's inline runs: <c>**bold**</c> and <c>`code`</c> apart from plain text; link syntax keeps its text.</summary>
    public static IReadOnlyList<LessonSpan> Spans(string text)
    {
        text = Link().Replace(text, "$1");
        var spans = new List<LessonSpan>();
        var last = 0;
        foreach (Match m in Inline().Matches(text))
        {
            if (m.Index > last)
            {
                spans.Add(new LessonSpan(text[last..m.Index], false, false));
            }
            spans.Add(m.Groups[1].Success ? new LessonSpan(m.Groups[1].Value, true, false) : new LessonSpan(m.Groups[2].Value, false, true));
            last = m.Index + m.Length;
        }
        if (last < text.Length)
        {
            spans.Add(new LessonSpan(text[last..], false, false));
        }
        return spans;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*|`([^`]+)`")]
    private static partial Regex Inline();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();
}
