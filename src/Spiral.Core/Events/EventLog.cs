namespace Spiral.Core.Events;

/// <summary>One recorded event. <see cref="Target"/> is -1 for events of one state; <see cref="Rung"/> is the Kahn rung or 0.</summary>
public readonly record struct SimEvent(
    int Step,
    int Year,
    EventKind Kind,
    short Actor,
    short Target,
    short Rung,
    double Value,
    Concept Concept)
{
    public string CameoCode => EventCatalog.Of(Kind).CameoCode;
    public double Goldstein => EventCatalog.Of(Kind).Goldstein;
}

/// <summary>An append-only buffer of events; it grows by doubling and is reused across runs, so a warm step allocates nothing.</summary>
public sealed class EventLog
{
    private SimEvent[] _items;

    public EventLog(int capacity = 256) => _items = new SimEvent[capacity];

    public int Count { get; private set; }

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

    public void Clear() => Count = 0;
}
