using Spiral.Core.Recording;
using Spiral.Experiments.Metrics;

namespace Spiral.Experiments.Running;

/// <summary>What a worker writes one run into and a sink reads: the run's record and its summary.</summary>
internal sealed class RunSlot(RunRecord record, RunSummary summary)
{
    public RunRecord Record { get; } = record;
    public RunSummary Summary { get; } = summary;
}

/// <summary>
/// The slots of finished <see cref="ExperimentRunner"/> calls, kept for the next call of the same shape (states and
/// steps of room), so a process that runs experiment after experiment (<c>spiral bench</c>'s warm-up and timed runs, a
/// calibration's objective, the web explorer's ensembles) does not allocate and zero a chunk's records anew for every
/// call (issue 18, runner part). A call takes slots at its start and gives them back at its end, unless its sink keeps
/// them (<see cref="IRunSink.KeepsRecords"/>), so no slot is ever in two calls at once. Slots are held through weak
/// references: the next full collection of a process that runs nothing takes them back, as it would without the pool.
/// The pool also remembers the largest event log a shape's records have grown to, the capacity a new record starts with.
/// </summary>
internal static class RunSlotPool
{
    /// <summary>Shapes whose slots are all collected are forgotten once more than this many shapes were seen.</summary>
    private const int ShapesBeforePruning = 16;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<(int States, int Steps), Shelf> Shelves = [];

    /// <summary>
    /// Moves up to the length of each of <paramref name="into"/> pooled slots of the shape into those arrays (in order;
    /// the rest stay null) and returns the largest event log capacity the shape's records have grown to (0 if unknown).
    /// </summary>
    public static int Take(int states, int steps, params ReadOnlySpan<RunSlot?[]> into)
    {
        lock (Gate)
        {
            if (!Shelves.TryGetValue((states, steps), out var shelf))
            {
                return 0;
            }
            foreach (var slots in into)
            {
                for (var k = 0; k < slots.Length && shelf.Held > 0; k++)
                {
                    var reference = shelf.Slots[--shelf.Held];
                    if (reference.TryGetTarget(out var slot))
                    {
                        slots[k] = slot;
                    }
                    else
                    {
                        k--;
                    }
                    reference.SetTarget(null!);
                }
            }
            return shelf.LogCapacity;
        }
    }

    /// <summary>Gives the non-null slots of <paramref name="from"/> back to the pool, with the largest log capacity their shape has grown to.</summary>
    public static void Return(int states, int steps, int logCapacity, params ReadOnlySpan<RunSlot?[]> from)
    {
        lock (Gate)
        {
            if (!Shelves.TryGetValue((states, steps), out var shelf))
            {
                if (Shelves.Count >= ShapesBeforePruning)
                {
                    Prune();
                }
                shelf = new Shelf();
                Shelves[(states, steps)] = shelf;
            }
            shelf.LogCapacity = Math.Max(shelf.LogCapacity, logCapacity);
            foreach (var slots in from)
            {
                foreach (var slot in slots)
                {
                    if (slot is null)
                    {
                        continue;
                    }
                    if (shelf.Held < shelf.Slots.Count)
                    {
                        shelf.Slots[shelf.Held].SetTarget(slot);
                    }
                    else
                    {
                        shelf.Slots.Add(new WeakReference<RunSlot>(slot));
                    }
                    shelf.Held++;
                }
            }
        }
    }

    private static void Prune()
    {
        foreach (var (shape, shelf) in Shelves.ToList())
        {
            if (!shelf.Slots.Take(shelf.Held).Any(r => r.TryGetTarget(out _)))
            {
                Shelves.Remove(shape);
            }
        }
    }

    /// <summary>One shape's pooled slots: the first <see cref="Held"/> references hold them (or were collected); the rest are reused for the next returns.</summary>
    private sealed class Shelf
    {
        public List<WeakReference<RunSlot>> Slots { get; } = [];
        public int Held { get; set; }
        public int LogCapacity { get; set; }
    }
}
