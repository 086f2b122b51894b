using Spiral.Analytic.Richardson;

namespace Spiral.Analytic.Tests.Richardson;

public class ArmsSeriesCsvTests
{
    [Fact]
    public void Parse_MissingColumn_ThrowsWithColumnList()
    {
        var ex = Assert.Throws<ModelInputException>(() =>
            RichardsonFitTests.Load("cow_milex_europe_1900_1913_wide.csv", ["FRN", "XYZ"], ["GMY"]));
        Assert.Contains("'XYZ'", ex.Message);
        Assert.Contains("year, UKG", ex.Message);
    }

    [Fact]
    public void Parse_UnknownSeriesInLongFile_ThrowsNamingTheSeries()
    {
        var ex = Assert.Throws<ModelInputException>(() =>
            RichardsonFitTests.Load("cow_nmc_milex_europe_1900_1914.csv", ["FRN"], ["USA"]));
        Assert.Contains("'USA'", ex.Message);
    }

    [Fact]
    public void Parse_GapInYears_Throws()
    {
        var csv = "year,A,B\n1900,1,2\n1902,2,3\n1903,3,4\n";
        var ex = Assert.Throws<ModelInputException>(() => ArmsSeriesCsv.Parse(csv, "gap.csv", ["A"], ["B"]));
        Assert.Contains("consecutive", ex.Message);
    }

    [Fact]
    public void Parse_WideWithQuotedHeaderCrlfAndBlankLine_SumsTheNamedColumns()
    {
        var csv = "\"year\",\"A, left\",B,C\r\n1900,1,2,3\r\n\r\n1901,\"4\",5,6\r\n";
        var s = ArmsSeriesCsv.Parse(csv, "wide.csv", ["A, left"], ["B", "C"], scale: 2);
        Assert.Equal([1900, 1901], s.Years);
        Assert.Equal([2.0, 8.0], s.X);
        Assert.Equal([10.0, 22.0], s.Y);
    }

    [Fact]
    public void Parse_LongLayout_PicksTheFirstNumericValueColumn()
    {
        var csv = "stateabb,year,note,milex\nA,1900,x,10\nB,1900,y,20\nA,1901,z,11\nB,1901,w,21\n";
        var s = ArmsSeriesCsv.Parse(csv, "long.csv", ["A"], ["B"]);
        Assert.Equal([1900, 1901], s.Years);
        Assert.Equal([10.0, 11.0], s.X);
        Assert.Equal([20.0, 21.0], s.Y);
    }

    [Fact]
    public void Parse_EmptyText_ThrowsNamingTheSource()
    {
        var ex = Assert.Throws<ModelInputException>(() => ArmsSeriesCsv.Parse("", "empty.csv", ["A"], ["B"]));
        Assert.Contains("empty.csv is empty", ex.Message);
    }
}
