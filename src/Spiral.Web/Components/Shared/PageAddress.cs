using Microsoft.AspNetCore.Components;

namespace Spiral.Web.Components.Shared;

/// <summary>
/// A page's state kept in its address (docs/how-to/web.md, "Share and export"): the page writes its address as the
/// user works, replacing the history entry, and reads it only when someone else changed it (a link, Back, Forward).
/// <para>
/// A write reaches the browser and comes back as a location change one round trip later, in the order written. Until
/// then <see cref="NavigationManager.Uri"/> still holds an older address, so a page that compared against it would
/// read its own older write back as a new link and undo what the user did since, or skip a write the browser has not
/// seen yet (a four-worlds map shown without <c>run=1</c>). The writes still on their way are kept here, and each one
/// that comes back is recognised and dropped.
/// </para>
/// </summary>
public sealed class PageAddress(NavigationManager navigation)
{
    /// <summary>Addresses written and not yet come back, oldest first.</summary>
    private readonly List<string> _onTheirWay = [];
    /// <summary>The address last seen in <see cref="NavigationManager.Uri"/>.</summary>
    private string? _seen;
    /// <summary>The address that holds the page's state: the last one read or written.</summary>
    private string? _current;

    /// <summary>
    /// Whether the page must read its state from the address now (call it from <c>OnParametersSet</c>): the first
    /// time, and whenever the address changed to one this page did not write; not for a re-render at the same
    /// address or for the return of the page's own writes.
    /// </summary>
    public bool MustRead()
    {
        var uri = navigation.Uri;
        if (_seen is not null && uri == _seen)
        {
            return false;
        }
        _seen = uri;
        var k = _onTheirWay.IndexOf(uri);
        if (k >= 0)
        {
            _onTheirWay.RemoveRange(0, k + 1);
            return false;
        }
        _onTheirWay.Clear();
        _current = uri;
        return true;
    }

    /// <summary>
    /// Puts <paramref name="relative"/> (the page's state as an address) into the address bar, replacing the entry,
    /// unless it is already the page's address. Only on an interactive page (a prerender has no browser to tell).
    /// </summary>
    public void Write(string relative, bool interactive)
    {
        var target = navigation.ToAbsoluteUri(relative).ToString();
        if (!interactive || target == (_current ?? navigation.Uri))
        {
            return;
        }
        _current = target;
        _onTheirWay.Add(target);
        navigation.NavigateTo(target, new NavigationOptions { ReplaceHistoryEntry = true });
    }
}
