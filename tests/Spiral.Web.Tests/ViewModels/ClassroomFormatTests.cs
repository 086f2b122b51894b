using Spiral.Web.ViewModels;

namespace Spiral.Web.Tests.ViewModels;

public class ClassroomFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(-5, "0:00")]
    [InlineData(59, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(900, "15:00")]
    public void Countdown_SecondsLeft_MinutesAndSeconds(int seconds, string expected) =>
        Assert.Equal(expected, ClassroomFormat.Countdown(Now.AddSeconds(seconds), Now));

    [Theory]
    [InlineData("LeadershipChange", "Leadership change")]
    [InlineData("CbmProposed", "CBM proposed")]
    [InlineData("Incident", "Incident")]
    [InlineData("Cbm", "CBM")]
    public void Words_EnumName_PlainWords(string name, string expected) => Assert.Equal(expected, ClassroomFormat.Words(name));

    [Fact]
    public void Links_SeatTokenTravelsInTheFragmentOnly_AndIsReadBack()
    {
        var token = "0123456789abcdef0123456789abcdef";
        var link = ClassroomLinks.Seat("g1", "South Korea", token);
        Assert.Equal("/classroom/seat/g1/South%20Korea#" + token, link);
        Assert.DoesNotContain(token, new Uri(new Uri("http://127.0.0.1:5080"), link).GetLeftPart(UriPartial.Query));
        Assert.Equal(token, ClassroomLinks.Fragment("http://127.0.0.1:5080" + link));
        Assert.Equal("", ClassroomLinks.Fragment("http://127.0.0.1:5080/classroom/join"));
    }
}
