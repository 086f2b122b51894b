using System.Globalization;
using Spiral.Core.Events;

namespace Spiral.Core.Tests.Events;

public class EventCatalogTests
{
    private static readonly Dictionary<string, (string Description, double Weight)> Cameo =
        TestWorlds.ReadCsv(TestWorlds.DataFile("cameo_goldstein_scale.csv")).Skip(1)
            .ToDictionary(r => r[0], r => (r[1], double.Parse(r[2], CultureInfo.InvariantCulture)));

    public static TheoryData<EventKind> Kinds()
    {
        var data = new TheoryData<EventKind>();
        foreach (var k in Enum.GetValues<EventKind>()) data.Add(k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Coding_CodeAndWeight_MatchCameoGoldsteinCsv(EventKind kind)
    {
        var coding = EventCatalog.Of(kind);
        if (coding.CameoCode.Length == 0)
        {
            // cognitive or domestic events carry no interaction code and no weight
            Assert.Equal(0.0, coding.Goldstein);
            return;
        }
        Assert.True(Cameo.TryGetValue(coding.CameoCode, out var row), $"CAMEO code {coding.CameoCode} of {kind} is not in the data file");
        Assert.Equal(row.Weight, coding.Goldstein);
        Assert.StartsWith(coding.CameoLabel, row.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(coding.Goldstein, EventCatalog.Goldstein(kind));
    }

    [Fact]
    public void CsvCodes_AreUnique()
    {
        var codes = TestWorlds.ReadCsv(TestWorlds.DataFile("cameo_goldstein_scale.csv")).Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void AddEvent_AddsGoldsteinWeightToBothDirections()
    {
        var w = TestWorlds.Dyad();
        w.AddEvent(EventKind.CbmSigned, 0, 1);
        w.AddEvent(EventKind.Incident, 1, 0);
        Assert.Equal(8.0 - 7.2, w.StepGoldstein[1], 12);
        Assert.Equal(8.0 - 7.2, w.StepGoldstein[2], 12);
        var e = w.Events[0];
        Assert.Equal("057", e.CameoCode);
        Assert.Equal(8.0, e.Goldstein);
    }

    [Fact]
    public void AddEvent_OneStateEvent_MovesNoDyadScore()
    {
        var w = TestWorlds.Dyad();
        w.AddEvent(EventKind.InternalUnrest, 0, -1);
        Assert.All(w.StepGoldstein, g => Assert.Equal(0.0, g));
    }
}
