using System.Runtime;

namespace Spiral.Web.Services;

/// <summary>The server is already holding as many explorer jobs as it accepts; the page says so and nothing runs.</summary>
public sealed class ExplorerBusyException(int capacity)
    : InvalidOperationException($"The server is busy: {capacity} computations are already running or waiting. Try again in a minute.");

/// <summary>
/// The one server-wide queue of explorer computations (ensembles, four-worlds maps, comparisons, stories). At most
/// <see cref="Workers"/> jobs run at once, each on all cores through the one experiment runner; the others wait in
/// arrival order, up to <see cref="Capacity"/> jobs in all, and a cancelled job leaves the queue at once. Without it,
/// twenty tabs each starting a 2,000-run ensemble ran twenty runners at once, starved the thread pool that also
/// serves the circuits' connections, and some circuits were dropped (issue 14).
/// </summary>
public sealed class ExplorerWorkQueue
{
    /// <summary>Jobs run at once by default: one, since each already uses every core.</summary>
    public const int DefaultWorkers = 1;

    /// <summary>Jobs held (running and waiting) by default before new ones are refused.</summary>
    public const int DefaultCapacity = 64;

    private readonly SemaphoreSlim _slots;
    private int _held;
    private int _running;

    public ExplorerWorkQueue(int workers = DefaultWorkers, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, workers);
        Workers = workers;
        Capacity = capacity;
        _slots = new SemaphoreSlim(workers, workers);
    }

    public int Workers { get; }
    public int Capacity { get; }

    /// <summary>Jobs running or waiting now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Jobs running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>
    /// Runs <paramref name="work"/> when a worker is free, on its own thread (never a thread-pool thread blocked for
    /// the whole job). <paramref name="waiting"/> is told how many jobs are ahead when this one has to wait.
    /// </summary>
    /// <exception cref="ExplorerBusyException">The queue already holds <see cref="Capacity"/> jobs.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting or running.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancel, Action<int>? waiting = null)
    {
        cancel.ThrowIfCancellationRequested();
        var held = Interlocked.Increment(ref _held);
        if (held > Capacity)
        {
            Interlocked.Decrement(ref _held);
            throw new ExplorerBusyException(Capacity);
        }
        try
        {
            if (!_slots.Wait(0))
            {
                waiting?.Invoke(held - 1);
                await _slots.WaitAsync(cancel).ConfigureAwait(false);
            }
            Interlocked.Increment(ref _running);
            try
            {
                return await Task.Factory.StartNew(() => work(cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                    .ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _slots.Release();
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _held) == 0)
            {
                Idle?.Invoke();
            }
        }
    }

    /// <summary>Raised when the last held job ends.</summary>
    public event Action? Idle;
}

/// <summary>
/// Counts open circuits (browser tabs) and, when the last one closes with no job held, returns the memory their
/// results used to the operating system (a compacting collection), so the server's footprint goes back near its
/// baseline after a class leaves instead of staying at its peak.
/// </summary>
public sealed class ExplorerCircuits
{
    private readonly ExplorerWorkQueue _queue;
    private int _open;

    public ExplorerCircuits(ExplorerWorkQueue queue)
    {
        _queue = queue;
        _queue.Idle += TrimIfIdle;
    }

    public int Open => Volatile.Read(ref _open);

    /// <summary>How many times memory was returned (for tests and logs).</summary>
    public int Trims { get; private set; }

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed()
    {
        if (Interlocked.Decrement(ref _open) <= 0)
        {
            TrimIfIdle();
        }
    }

    private void TrimIfIdle()
    {
        if (Open > 0 || _queue.Held > 0)
        {
            return;
        }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Trims++;
    }
}
