using Spiral.Core.Model;

namespace Spiral.Core.Tests.Model;

public class EscalationLadderTests
{
    private static readonly List<string[]> Rows = TestWorlds.ReadCsv(TestWorlds.DataFile("kahn_escalation_ladder.csv"));

    [Fact]
    public void Ladder_MatchesKahnCsv_RungByRung()
    {
        Assert.Equal(["rung", "name", "group", "threshold_above_group"], Rows[0]);
        var data = Rows.Skip(1).ToList();
        Assert.Equal(44, data.Count);
        Assert.Equal(data.Count, EscalationLadder.Count);
        foreach (var row in data)
        {
            var number = int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture);
            var rung = EscalationLadder.At(number);
            Assert.Equal(number, rung.Number);
            Assert.Equal(row[1], rung.Name);
            Assert.Equal(row[2], rung.Group);
        }
    }

    [Fact]
    public void Groups_AreTheSevenOfTheCsvInOrder()
    {
        var groups = Rows.Skip(1).Select(r => r[2]).Distinct().ToList();
        Assert.Equal(groups, EscalationLadder.Groups);
    }

    [Fact]
    public void WarRung_IsLargeConventionalWar()
    {
        var rung = EscalationLadder.At(Spiral.Core.Parameters.ModelParameters.Default.WarRung);
        Assert.Equal("Large conventional war (or actions)", rung.Name);
    }

    [Fact]
    public void At_OutOfRange_ClampsToEnds()
    {
        Assert.Equal("Ostensible crisis", EscalationLadder.At(0).Name);
        Assert.Equal("Spasm or insensate war", EscalationLadder.At(99).Name);
    }
}
