using Spiral.IO.Files;

namespace Spiral.Cli.Commands;

/// <summary>
/// File arguments of every command, checked before any work starts with the one output check (<see cref="OutputPath"/>)
/// and the one input check (<see cref="InputFile"/>); a failure is one usage error naming the option and the path.
/// </summary>
internal static class CliPaths
{
    /// <summary>Checks an output file; returns its full path.</summary>
    public static string OutputFile(string option, string path, ExistingOutput existing, string sidecar = "")
    {
        try
        {
            return OutputPath.CheckFile(path, existing, sidecar);
        }
        catch (OutputPathException ex)
        {
            throw Usage(option, ex);
        }
    }

    /// <summary>Checks an output folder (new or empty); returns its full path.</summary>
    public static string OutputFolder(string option, string path)
    {
        try
        {
            return OutputPath.CheckFolder(path);
        }
        catch (OutputPathException ex)
        {
            throw Usage(option, ex);
        }
    }

    /// <summary>Reads an input file within <see cref="InputFile"/>'s bounds.</summary>
    public static string ReadInput(string path, string expected)
    {
        try
        {
            return InputFile.ReadText(path, expected);
        }
        catch (InputFileException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    public static UsageException Usage(string option, OutputPathException ex) => new($"{option} {ex.Path}: {ex.Problem}");
}
