using Microsoft.AspNetCore.Components;
using Spiral.Web.Components.Shared;

namespace Spiral.Web.Tests.Components.Shared;

/// <summary>The page's address as in the browser: a write comes back as a location change a round trip later, in order.</summary>
public sealed class PageAddressTests
{
    private const string Base = "http://127.0.0.1:5080/";

    /// <summary>Holds each navigation until <see cref="Deliver"/>, as the browser does until it has answered.</summary>
    private sealed class RoundTripNavigation : NavigationManager
    {
        private readonly Queue<string> _sent = new();

        public RoundTripNavigation(string uri) => Initialize(Base, Base + uri);

        public int InFlight => _sent.Count;

        protected override void NavigateToCore(string uri, NavigationOptions options) => _sent.Enqueue(ToAbsoluteUri(uri).ToString());

        /// <summary>The browser answers the oldest navigation: the address changes and the page is given its parameters again.</summary>
        public void Deliver()
        {
            Uri = _sent.Dequeue();
            NotifyLocationChanged(isInterceptedLink: false);
        }

        /// <summary>Someone else moves the browser (a link, Back).</summary>
        public void GoElsewhere(string uri)
        {
            Uri = Base + uri;
            NotifyLocationChanged(isInterceptedLink: false);
        }
    }

    [Fact]
    public void MustRead_FirstTimeThenSameAddress_TrueThenFalse()
    {
        var nav = new RoundTripNavigation("four-worlds?size=3");
        var address = new PageAddress(nav);
        Assert.True(address.MustRead());
        Assert.False(address.MustRead()); // a re-render at the same address
    }

    [Fact]
    public void MustRead_OwnWritesComingBackAfterLaterWrites_NeverReadsThemBack()
    {
        var nav = new RoundTripNavigation("four-worlds");
        var address = new PageAddress(nav);
        Assert.True(address.MustRead());
        // three edits faster than the browser answers (the four-worlds page's scenario, grid size, runs per cell)
        address.Write("four-worlds?size=6&runs=100", interactive: true);
        address.Write("four-worlds?size=3&runs=100", interactive: true);
        address.Write("four-worlds?size=3&runs=10", interactive: true);
        Assert.Equal(3, nav.InFlight);
        for (var k = 0; k < 3; k++)
        {
            nav.Deliver();
            Assert.False(address.MustRead()); // the old code read size=6&runs=100 back here and undid two edits
        }
        Assert.Equal(Base + "four-worlds?size=3&runs=10", nav.Uri);
    }

    [Fact]
    public void Write_BackToTheLinkBeforeTheBrowserAnswered_StillWritesIt()
    {
        // a run=1 link: the page drops run=1 while it computes, then writes it again once the map is shown
        var nav = new RoundTripNavigation("four-worlds?size=3&run=1");
        var address = new PageAddress(nav);
        Assert.True(address.MustRead());
        address.Write("four-worlds?size=3", interactive: true);
        address.Write("four-worlds?size=3&run=1", interactive: true); // the old code compared with Uri, still the link, and skipped this
        nav.Deliver();
        Assert.False(address.MustRead());
        nav.Deliver();
        Assert.False(address.MustRead());
        Assert.Equal(Base + "four-worlds?size=3&run=1", nav.Uri);
    }

    [Fact]
    public void MustRead_AddressChangedBySomeoneElse_ReadsIt()
    {
        var nav = new RoundTripNavigation("story/a?seed=1&run=0");
        var address = new PageAddress(nav);
        Assert.True(address.MustRead());
        address.Write("story/a?seed=2&run=0", interactive: true);
        nav.Deliver();
        Assert.False(address.MustRead());
        nav.GoElsewhere("story/a?seed=9&run=4");
        Assert.True(address.MustRead());
        // and the address just read is the page's: writing it again sends nothing
        address.Write("story/a?seed=9&run=4", interactive: true);
        Assert.Equal(0, nav.InFlight);
    }

    [Fact]
    public void Write_NotInteractiveOrUnchanged_SendsNothing()
    {
        var nav = new RoundTripNavigation("compare/a?runs=40");
        var address = new PageAddress(nav);
        Assert.True(address.MustRead());
        address.Write("compare/a?runs=80", interactive: false);
        address.Write("compare/a?runs=40", interactive: true);
        Assert.Equal(0, nav.InFlight);
    }
}
