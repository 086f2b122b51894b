using System.CommandLine;
using Spiral.Cli.Commands;
using Spiral.IO.Files;

namespace Spiral.Cli;

/// <summary>The <c>spiral</c> command tree. Each command group lives in its own file under <c>Commands/</c>.</summary>
public static class SpiralApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Spiral: simulate and analyse the security dilemma of international relations.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Parses and runs; bad arguments exit with code 2 and one clear message.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var unknown = parse.UnmatchedTokens.FirstOrDefault();
            foreach (var e in parse.Errors)
            {
                if (unknown is not null && e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
                {
                    continue;
                }
                var hint = unknown is not null && e.Message.Contains($"'{unknown}'", StringComparison.Ordinal)
                    ? Suggestions.DidYouMean(unknown, parse.CommandResult.Command.Subcommands.Select(c => c.Name)
                        .Concat(parse.CommandResult.Command.Options.Select(o => o.Name)))
                    : "";
                var message = Suggestions.Friendly(e.Message);
                error.WriteLine($"error: {(hint.Length > 0 ? message.TrimEnd('.') : message)}{hint}");
            }
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is OutputPathException or InputFileException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file-system failure after the checks (disk full, a file removed meanwhile): one line, not a stack trace.
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

/// <summary>Thrown by a command for bad user input; the host prints the message and exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
