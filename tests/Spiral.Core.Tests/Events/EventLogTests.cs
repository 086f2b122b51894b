using Spiral.Core.Events;

namespace Spiral.Core.Tests.Events;

public class EventLogTests
{
    private static SimEvent Event(int step) => new(step, 2000 + step, EventKind.CrisisOutcome, 0, 1, 2, step * 0.5, Concept.None);

    [Fact]
    public void Clear_AfterGrowingPastItsCapacity_KeepsTheGrownCapacityAndStartsEmpty()
    {
        var log = new EventLog(4);
        for (var k = 0; k < 9; k++)
        {
            log.Add(Event(k));
        }

        log.Clear();

        Assert.Equal(16, log.Capacity);
        Assert.Equal(0, log.Count);
    }

    [Fact]
    public void EnsureCapacity_MoreThanItHolds_GrowsToThatAndKeepsItsEvents()
    {
        var log = new EventLog(4);
        log.Add(Event(1));
        log.Add(Event(2));

        log.EnsureCapacity(100);

        Assert.Equal(100, log.Capacity);
        Assert.Equal([Event(1), Event(2)], log.Items.ToArray());
    }

    [Fact]
    public void EnsureCapacity_LessThanItHolds_LeavesTheCapacity()
    {
        var log = new EventLog(64);

        log.EnsureCapacity(10);

        Assert.Equal(64, log.Capacity);
    }
}
