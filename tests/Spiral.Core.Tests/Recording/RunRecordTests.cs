using Spiral.Core.Recording;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Recording;

public class RunRecordTests
{
    private static readonly Scenario Busy = ScenarioBuilder.Stylized(states: 4, offenseAdvantage: 2.5, distinguishability: 0,
        greedProbability: 0.3, steps: 40, rivalry: 0.4);

    [Fact]
    public void RowBytes_ThreeStatesTenSteps_EqualsTheBytesOfTheRecordsArrays()
    {
        var r = new RunRecord(3, 10);
        double[][] rows = [r.Gdp, r.MilitaryShare, r.Milex, r.Offense, r.Defense, r.Posture, r.Security, r.InternalThreat, r.Belief];
        Assert.Equal(rows.Sum(a => (long)a.Length * sizeof(double)), RunRecord.RowBytes(3, 10));
        Assert.Equal(30_396_960, RunRecord.RowBytes(190, 100));
    }

    [Fact]
    public void Constructor_NoEventCapacity_LogStartsAtTheDefault()
    {
        Assert.Equal(RunRecord.DefaultEventCapacity, new RunRecord(3, 10).Events.Capacity);
    }

    [Fact]
    public void Constructor_EventCapacityOfTheLargestRun_NoRunGrowsTheLog()
    {
        var counts = new List<int>();
        var probe = new RunRecord(Busy.States.Count, Busy.Steps, eventCapacity: 1);
        for (var k = 0; k < 20; k++)
        {
            Simulation.Run(Busy, 7, k, probe);
            counts.Add(probe.Events.Count);
        }
        var record = new RunRecord(Busy.States.Count, Busy.Steps, eventCapacity: counts.Max());

        for (var k = 0; k < 20; k++)
        {
            Simulation.Run(Busy, 7, k, record);
            Assert.Equal(counts[k], record.Events.Count);
        }

        Assert.True(counts.Max() > 1, "the runs log events");
        Assert.Equal(counts.Max(), record.Events.Capacity);
    }
}
