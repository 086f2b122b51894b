namespace Spiral.Web.Services;

/// <summary>
/// Passes on at most one progress report per <paramref name="interval"/> (the first always), so a runner reporting
/// every chunk does not queue a render per report on a busy circuit; the page's final status replaces the last one.
/// </summary>
public sealed class ThrottledProgress<T>(Action<T> report, TimeSpan interval) : IProgress<T>
{
    /// <summary>Four renders a second at most, the default for the explorer's progress lines.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private long _last = long.MinValue;

    public ThrottledProgress(Action<T> report) : this(report, DefaultInterval)
    {
    }

    public void Report(T value)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _last);
        if (last != long.MinValue && now - last < (long)interval.TotalMilliseconds)
        {
            return;
        }
        if (Interlocked.CompareExchange(ref _last, now, last) == last)
        {
            report(value);
        }
    }
}
