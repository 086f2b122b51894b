using Spiral.Cli.Tests.Analytic;

namespace Spiral.Cli.Tests;

/// <summary>Parse errors in words and "did you mean" for commands, options and scenario names.</summary>
public sealed class SuggestionsTests
{
    [Theory]
    [InlineData(new[] { "rnu" }, "error: Unrecognized command or argument 'rnu'; did you mean 'run'?")]
    [InlineData(new[] { "run", "india-china-lac", "--rusn", "5" }, "error: Unrecognized command or argument '--rusn'; did you mean '--runs'?")]
    [InlineData(new[] { "run", "india-china-lac", "--seed", "abc" }, "error: Cannot parse argument 'abc' for option '--seed'; expected a whole number from 0 to 18446744073709551615.")]
    [InlineData(new[] { "run", "india-china-lac", "--runs", "1.5" }, "error: Cannot parse argument '1.5' for option '--runs'; expected a whole number from -2147483648 to 2147483647.")]
    public void Run_BadArguments_Exit2WithPlainMessage(string[] args, string expected)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, r.Error.Split('\n')[0].TrimEnd());
        Assert.DoesNotContain("System.", r.Error);
        Assert.DoesNotContain("Required command was not provided", r.Error);
    }

    [Fact]
    public void Run_MistypedScenario_SuggestsTheLibraryName()
    {
        var r = CliRunner.Run("run", "india-chna-lac");
        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith("did you mean 'india-china-lac'?", r.Error.TrimEnd());
    }

    [Fact]
    public void Closest_FarFromEverything_IsNull()
    {
        Assert.Null(Suggestions.Closest("zzzzzzzz", ["run", "sweep"]));
        Assert.Equal("sweep", Suggestions.Closest("swep", ["run", "sweep"]));
    }
}
