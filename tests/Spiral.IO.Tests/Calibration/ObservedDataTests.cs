using Spiral.IO.Calibration;

namespace Spiral.IO.Tests.Calibration;

public class ObservedDataTests
{
    [Fact]
    public void ReadPanel_EmptyCell_IsLeftOutAndValuesAreScaled()
    {
        const string text = "country,year,v\nA,2000,1.5\nA,2001,\nB,2000,4\n";
        var panel = ObservedData.ReadPanel(text, "t.csv", "country", "year", "v", scale: 2);
        Assert.Equal(3, panel["A"][2000]);
        Assert.False(panel["A"].ContainsKey(2001));
        Assert.Equal(8, panel["B"][2000]);
    }

    [Fact]
    public void ReadPanel_ShippedLongPanel_Has162StatesAndChinaHasNo1988()
    {
        var panel = ObservedData.ReadPanel(ObservedData.ReadText("data/sipri_milex_panel_1949_2025.csv"), "panel", "country", "year", "constant_2024_usd_m");
        Assert.Equal(162, panel.Count); // the shared README says 168; the file names 162
        Assert.False(panel["China"].ContainsKey(1988));
        Assert.True(panel["China"].ContainsKey(1989));
    }

    [Fact]
    public void Columns_HeaderWithSpaces_ReturnsTrimmedNames()
    {
        Assert.Equal(["country", "year", "share"], ObservedData.Columns("country, year ,share\nA,2000,1\n"));
        Assert.Empty(ObservedData.Columns(""));
    }
}
