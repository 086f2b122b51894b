using Spiral.Numerics.Text;

namespace Spiral.Numerics.Tests.Text;

public class CsvTests
{
    [Fact]
    public void Parse_PlainLines_SplitsFieldsAndRecords()
    {
        var rows = Csv.Parse("a,b,c\n1,2,3\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0]);
        Assert.Equal(["1", "2", "3"], rows[1]);
    }

    [Fact]
    public void Parse_QuotedFields_KeepCommasLineBreaksAndDoubledQuotes()
    {
        var rows = Csv.Parse("name,note\r\n\"Korea, Republic of\",\"said \"\"no\"\"\nthen yes\"\r\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Korea, Republic of", "said \"no\"\nthen yes"], rows[1]);
    }

    [Fact]
    public void Parse_NoFinalLineBreak_KeepsTheLastRecord()
    {
        var rows = Csv.Parse("a,b\n1,");
        Assert.Equal(["1", ""], rows[1]);
    }

    [Fact]
    public void Parse_CrlfAndLf_GiveTheSameRecords()
    {
        Assert.Equal(Csv.Parse("x,y\n1,2\n"), Csv.Parse("x,y\r\n1,2\r\n"));
    }

    [Fact]
    public void Parse_EmptyText_HasNoRecords()
    {
        Assert.Empty(Csv.Parse(""));
    }

    [Fact]
    public void Parse_FieldsWithSpaces_AreNotTrimmed()
    {
        Assert.Equal([" a ", " b"], Csv.Parse(" a , b\n")[0]);
    }

    [Theory]
    [InlineData("a\n\nb\n", 1, true)]
    [InlineData("a\n   \nb\n", 1, true)]
    [InlineData("a\n,\nb\n", 1, false)]
    [InlineData("a\nx\n", 1, false)]
    public void IsBlank_Records_TrueOnlyForABlankLine(string text, int row, bool blank)
    {
        Assert.Equal(blank, Csv.IsBlank(Csv.Parse(text)[row]));
    }
}
