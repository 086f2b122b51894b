namespace Spiral.Web.ViewModels;

/// <summary>
/// The classroom pages' addresses. A seat token or the teacher secret travels after <c>#</c>: browsers never send the
/// fragment in a request, so it appears in no server or proxy log; the page reads it once its circuit is up.
/// </summary>
public static class ClassroomLinks
{
    public static string Seat(string gameId, string state, string token) =>
        $"/classroom/seat/{Uri.EscapeDataString(gameId)}/{Uri.EscapeDataString(state)}#{token}";

    public static string Control(string gameId, string secret) => $"/classroom/control/{Uri.EscapeDataString(gameId)}#{secret}";

    public static string Debrief(string gameId, string secret) => $"/classroom/debrief/{Uri.EscapeDataString(gameId)}#{secret}";

    public static string SeatDebrief(string gameId, string state, string token) =>
        $"/classroom/debrief/{Uri.EscapeDataString(gameId)}/{Uri.EscapeDataString(state)}#{token}";

    public static string Join(string code) => $"/classroom/join#{code}";

    /// <summary>The fragment of an absolute address without its <c>#</c>, or "" when it has none.</summary>
    public static string Fragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? "" : Uri.UnescapeDataString(uri[(hash + 1)..]);
    }
}
