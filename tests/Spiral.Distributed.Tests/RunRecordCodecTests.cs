using Spiral.Core;
using Spiral.Core.Recording;
using Spiral.IO.Scenarios;

namespace Spiral.Distributed.Tests;

public sealed class RunRecordCodecTests
{
    [Theory]
    [InlineData("india-china-lac", 3)]
    [InlineData("jervis-doubly-dangerous", 11)]
    public void WriteThenRead_RealRun_EveryRowEventAndHeaderEqual(string scenarioName, long runIndex)
    {
        var scenario = ScenarioLoader.LoadLibrary(scenarioName);
        var original = new RunRecord(scenario.States.Count, scenario.Steps);
        Simulation.Run(scenario, 42, runIndex, original);
        Assert.True(original.Events.Count > 0, "the run has events to carry");

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            RunRecordCodec.Write(writer, 77, original);
        }
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var (job, states, capacity) = RunRecordCodec.ReadHead(reader);
        var copy = new RunRecord(states, capacity);
        RunRecordCodec.ReadInto(reader, copy);

        Assert.Equal((77L, scenario.States.Count, scenario.Steps), (job, states, capacity));
        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal((original.Steps, original.StartYear, original.Seed, original.RunIndex), (copy.Steps, copy.StartYear, copy.Seed, copy.RunIndex));
        Assert.Equal(original.Names, copy.Names);
        Assert.Equal(original.IsGreedy, copy.IsGreedy);
        foreach (var (a, b) in new[] { (original.Gdp, copy.Gdp), (original.MilitaryShare, copy.MilitaryShare), (original.Milex, copy.Milex),
                     (original.Offense, copy.Offense), (original.Defense, copy.Defense), (original.Posture, copy.Posture),
                     (original.Security, copy.Security), (original.InternalThreat, copy.InternalThreat), (original.Belief, copy.Belief) })
        {
            Assert.Equal(a, b);
        }
        Assert.Equal(original.Events.Items.ToArray(), copy.Events.Items.ToArray());
    }

    [Fact]
    public void ReadInto_RecordOfFewerStates_RefusedNamingTheArray()
    {
        var scenario = ScenarioLoader.LoadLibrary("india-china-lac");
        var original = new RunRecord(scenario.States.Count, scenario.Steps);
        Simulation.Run(scenario, 1, 0, original);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            RunRecordCodec.Write(writer, 0, original);
        }
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        RunRecordCodec.ReadHead(reader);
        var smaller = new RunRecord(scenario.States.Count, 2);
        var ex = Assert.ThrowsAny<Exception>(() => RunRecordCodec.ReadInto(reader, smaller));
        Assert.True(ex is ArgumentOutOfRangeException or InvalidDataException, ex.GetType().Name);
    }
}
