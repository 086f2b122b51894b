using Spiral.Cli.Tests.Analytic;
using Spiral.Experiments.Counterfactuals;
using Spiral.IO.Scenarios;
using Spiral.Reporting.Learn;

namespace Spiral.Cli.Tests;

/// <summary><c>spiral explain</c> and the "try it" command of every entry of the one glossary (content/concepts.yaml).</summary>
public sealed class ExplainCommandTests
{
    public static TheoryData<string> EntriesWithACommand() =>
        new(LearnLibrary.All.Where(e => e.Try.Command is not null).Select(e => e.Id));

    [Theory]
    [MemberData(nameof(EntriesWithACommand))]
    public void TryCommand_GlossaryEntry_ParsesAsASpiralCommandLineOnALibraryScenario(string id)
    {
        var command = LearnLibrary.Find(id)!.Try.Command!;
        Assert.DoesNotContain('"', command);
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("spiral", words[0]);
        var args = words[1..];
        var parse = SpiralApp.BuildRoot().Parse(args);
        Assert.True(parse.Errors.Count == 0, $"{id}: `{command}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        Assert.Contains(args[0], new[] { "run", "compare" });
        Assert.Contains(args[1], ScenarioLibrary.Names);
        for (var k = 2; k + 1 < args.Length; k++)
        {
            if (args[k] == "--intervention")
            {
                Intervention.Parse(args[k + 1]);
            }
        }
    }

    [Fact]
    public void EntriesWithACommand_EveryEntry_HasOne() =>
        Assert.Equal(LearnLibrary.All.Count(), EntriesWithACommand().Count);

    [Fact]
    public void Explain_Grit_PrintsTitleTextSourceAndCommandOfItsEntry()
    {
        var result = CliRunner.Run("explain", "grit");
        Assert.Equal(0, result.ExitCode);
        var entry = LearnLibrary.Find("grit")!;
        Assert.Equal(("grit", "GRIT", "Osgood 1962"), (entry.Id, entry.Title, entry.Source));
        Assert.StartsWith("GRIT\n----\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(entry.Text, result.Output, StringComparison.Ordinal);
        Assert.Contains("Source: Osgood 1962", result.Output, StringComparison.Ordinal);
        Assert.Contains("$ spiral compare jervis-doubly-dangerous --intervention policy:Alpha=Grit", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownTopic_ExitsTwoNamingTheIds()
    {
        var result = CliRunner.Run("explain", "no-such-topic");
        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Contains("no topic 'no-such-topic'", result.Error, StringComparison.Ordinal);
        Assert.Contains("costly-reassurance", result.Error, StringComparison.Ordinal);
    }
}
