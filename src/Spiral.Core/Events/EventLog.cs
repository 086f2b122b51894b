namespace Spiral.Core.Events;

/// <summary>
/// One recorded event. <see cref="Target"/> is -1 for events of one state; <see cref="Rung"/> is the Kahn rung or 0;
/// <see cref="Mid"/> the MID hostility level of a crisis event (0 when not a crisis event; 2 threat, 3 display, 4 use
/// of force, 5 war; Palmer et al. 2022); <see cref="Scripted"/> marks what the scenario's timeline did, as opposed to
/// what the model produced; <see cref="Route"/> says how a war came about (DESIGN.md 3.1.3).
/// </summary>
public readonly record struct SimEvent(
    int Step,
    int Year,
    EventKind Kind,
    short Actor,
    short Target,
    short Rung,
    double Value,
    Concept Concept,
    byte Mid = 0,
    bool Scripted = false,
    WarRoute Route = WarRoute.None)
{
    public string CameoCode => EventCatalog.Of(Kind).CameoCode;
    public double Goldstein => EventCatalog.Of(Kind).Goldstein;
}

/// <summary>
/// An append-only buffer of events; it grows by doubling and keeps its capacity when cleared, so a log reused across
/// runs stops growing once it holds the largest run it has seen, and a warm step allocates nothing.
/// </summary>
public sealed class EventLog
{
    private SimEvent[] _items;

    public EventLog(int capacity = 256) => _items = new SimEvent[capacity];

    public int Count { get; private set; }

    /// <summary>Events the log holds before it must grow.</summary>
    public int Capacity => _items.Length;

    public ReadOnlySpan<SimEvent> Items => _items.AsSpan(0, Count);

    public SimEvent this[int index] => _items[index];

    public void Add(in SimEvent e)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = e;
    }

    /// <summary>Grows the log to hold at least <paramref name="capacity"/> events (keeping those it holds); allocates only when it holds fewer.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length)
        {
            Array.Resize(ref _items, capacity);
        }
    }

    public void Clear() => Count = 0;
}
