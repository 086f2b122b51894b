using Spiral.Web.Classroom;

namespace Spiral.Web.Services;

/// <summary>
/// Keeps a classroom page current: calls <c>refresh</c> once a second (the deadline countdown, other seats' decisions,
/// a year closed by the clock or the teacher). Every number still comes from <see cref="ClassroomService"/>; this only
/// says when to ask again. Disposed with its page.
/// </summary>
public sealed class ClassroomRefresh : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();

    public ClassroomRefresh(Func<Task> refresh) => _ = Loop(refresh, _stop.Token);

    private static async Task Loop(Func<Task> refresh, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await refresh();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // the circuit went away (tab closed, server stopping)
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
