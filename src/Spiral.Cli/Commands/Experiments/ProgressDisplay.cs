using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spiral.Cli.Commands.Analytic;

namespace Spiral.Cli.Commands.Experiments;

/// <summary>
/// Progress for long commands: on a terminal a bar with percentage, rate (runs/s) and time left; otherwise, unless
/// <c>--json</c>, a plain line on stderr every few seconds. Reports come from the runner's thread between chunks.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Seconds between plain progress lines when output is not a terminal.</summary>
    public static double PlainInterval { get; set; } =
        double.TryParse(Environment.GetEnvironmentVariable("SPIRAL_PROGRESS_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : 5;

    public static T Run<T>(ParseResult parse, bool json, long total, string label, Func<IProgress<long>?, T> body)
    {
        var interactive = !json && !Console.IsOutputRedirected && ReferenceEquals(AnalyticCli.Out(parse), Console.Out);
        if (interactive)
        {
            T result = default!;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(label, maxValue: Math.Max(1, total));
                    result = body(new DirectProgress(done => task.Value = done));
                    task.Value = task.MaxValue;
                });
            return result;
        }
        if (json)
        {
            return body(null);
        }
        var error = parse.InvocationConfiguration.Error;
        var clock = Stopwatch.StartNew();
        var last = 0.0;
        long first = -1;
        var printed = false;
        var value = body(new DirectProgress(done =>
        {
            if (first < 0)
            {
                first = done;
            }
            var now = clock.Elapsed.TotalSeconds;
            if (now - last < PlainInterval || done >= total)
            {
                return;
            }
            last = now;
            printed = true;
            error.WriteLine(Line(label, done, total, first, now));
        }));
        if (printed)
        {
            error.WriteLine($"{label}: {total.ToString("N0", CultureInfo.InvariantCulture)} runs done in {clock.Elapsed.TotalSeconds:F0} s");
        }
        return value;
    }

    internal static string Line(string label, long done, long total, long first, double seconds)
    {
        var rate = seconds > 0 ? (done - Math.Max(0, first)) / seconds : 0;
        var left = rate > 0 ? (total - done) / rate : double.NaN;
        var pct = total > 0 ? 100.0 * done / total : 100;
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: {done:N0}/{total:N0} runs ({pct:F1}%), {rate:F0} runs/s, {(double.IsNaN(left) ? "?" : Duration(left))} left");
    }

    private static string Duration(double seconds) =>
        seconds < 90 ? $"{seconds:F0} s" : seconds < 5400 ? $"{seconds / 60:F0} min" : $"{seconds / 3600:F1} h";

    /// <summary>A cancellation source cancelled by Ctrl+C (SIGINT) or SIGTERM, so a command can stop between chunks.</summary>
    public static CancellationSource CancelOnInterrupt() => new();

    internal sealed class CancellationSource : IDisposable
    {
        private readonly CancellationTokenSource _cts = new();
        private readonly PosixSignalRegistration? _term;

        public CancellationSource()
        {
            Console.CancelKeyPress += OnCancel;
            try
            {
                _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
                {
                    ctx.Cancel = true;
                    _cts.Cancel();
                });
            }
            catch (PlatformNotSupportedException)
            {
            }
        }

        public CancellationToken Token => _cts.Token;

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            _term?.Dispose();
            _cts.Dispose();
        }

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            _cts.Cancel();
        }
    }

    private sealed class DirectProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var speed = task.Speed;
            return new Text(speed is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F0} runs/s") : "… runs/s", new Style(Color.Grey));
        }
    }
}
