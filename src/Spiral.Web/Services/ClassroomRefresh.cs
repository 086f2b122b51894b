using Spiral.Web.Classroom;

namespace Spiral.Web.Services;

/// <summary>
/// Keeps a classroom page current: calls <c>refresh</c> when its game changes (a decision, a message, a year closed, a
/// teacher's action) and once a second for the deadline countdown. Every number still comes from <see cref="ClassroomService"/>; this only
/// says when to ask again. Disposed with its page.
/// </summary>
public sealed class ClassroomRefresh : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly ClassroomService _classroom;
    private readonly string _gameId;
    private readonly Func<Task> _refresh;

    /// <summary>Refreshes at once when the game changes (<see cref="ClassroomService.GameChanged"/>) and once a second for the clock.</summary>
    public ClassroomRefresh(ClassroomService classroom, string gameId, Func<Task> refresh)
    {
        _classroom = classroom;
        _gameId = gameId;
        _refresh = refresh;
        _classroom.GameChanged += OnGameChanged;
        _ = Loop(refresh, _stop.Token);
    }

    private void OnGameChanged(string gameId)
    {
        if (gameId == _gameId && !_stop.IsCancellationRequested)
        {
            _ = Run(_refresh);
        }
    }

    private static async Task Run(Func<Task> refresh)
    {
        try
        {
            await refresh();
        }
        catch (ObjectDisposedException)
        {
            // the circuit went away (tab closed, server stopping)
        }
    }

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
        _classroom.GameChanged -= OnGameChanged;
        _stop.Cancel();
        _stop.Dispose();
    }
}
