using Spiral.Experiments.Running;

namespace Spiral.Cli.Commands;

/// <summary>The runner's options from <c>--threads</c> and <c>--chunk</c>: <see cref="RunnerOptions"/> validates them, its error becomes one located usage error (exit 2).</summary>
internal static class RunnerArguments
{
    public static RunnerOptions Options(int threads, int chunk = 0)
    {
        try
        {
            return new RunnerOptions(threads, chunk);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var option = ex.ParamName == nameof(RunnerOptions.ChunkSize) ? "--chunk" : "--threads";
            var reason = ex.Message.Split(" (Parameter", 2)[0];
            throw new UsageException($"{option} {ex.ActualValue}: {reason}");
        }
    }
}
