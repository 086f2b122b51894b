using Microsoft.Playwright;

namespace Spiral.Web.Tests;

/// <summary>Debian's chromium for the Playwright tests (never a downloaded browser) and where the tests write screenshots.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Launches headless chromium from <see cref="Path"/>, failing with how to install it when it is missing.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: install Debian's chromium (apt-get install -y chromium)");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>TestResults/screenshots under the repository root, created if missing.</summary>
    public static string Screenshots()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Spiral.slnx")))
        {
            dir = dir.Parent;
        }
        var shots = System.IO.Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        return shots;
    }
}
