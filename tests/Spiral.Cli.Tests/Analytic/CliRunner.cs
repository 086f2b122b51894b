using System.Text.Json;

namespace Spiral.Cli.Tests.Analytic;

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}

internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SpiralApp.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>A file under the repository's data/ folder.</summary>
    public static string DataFile(string name) => Path.Combine(RepositoryRoot(), "data", name);

    /// <summary>The repository root, found by walking up from the test binaries to Spiral.slnx.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Spiral.slnx) not found.");
    }

    /// <summary>The build configuration these tests were built in (Release or Debug).</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
