namespace Spiral.Cli.Tests;

/// <summary>Runs the <c>spiral</c> command in process and captures its exit code, standard output and standard error.</summary>
internal static class CliTestRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SpiralApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
