namespace Spiral.Cli.Tests;

/// <summary>The built <c>spiral</c> for tests that run it as a child process (<c>dotnet exec</c>).</summary>
internal static class CliProcess
{
    /// <summary>The built CLI: beside the tests when its runtimeconfig was copied, else in src/Spiral.Cli/bin of the same configuration.</summary>
    public static string Dll()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "spiral.dll")) && File.Exists(Path.Combine(here, "spiral.runtimeconfig.json")))
        {
            return Path.Combine(here, "spiral.dll");
        }
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(dir!.FullName, "src", "Spiral.Cli", "bin", configuration, "net10.0", "spiral.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("built CLI not found", dll);
    }
}
