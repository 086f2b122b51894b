using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;

namespace Spiral.Web.Tests.Classroom;

/// <summary>
/// The classroom server of the end-to-end game test: the real host on a fixed loopback port and one SQLite file, so it
/// can be stopped mid-year and a new host started on the same file and port (a server restart, as a teacher would do).
/// </summary>
internal sealed class ClassroomHost : IAsyncDisposable
{
    private WebApplication? _app;

    private ClassroomHost(string database, int port)
    {
        Database = database;
        Port = port;
    }

    public string Database { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("the host is stopped")).Services;

    /// <summary>Starts a host on a free loopback port with a new SQLite file in a temporary folder.</summary>
    public static async Task<ClassroomHost> Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"spiral-classroom-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var host = new ClassroomHost(Path.Combine(folder, "classroom.db"), FreePort());
        await host.StartHost();
        return host;
    }

    /// <summary>Stops the running host (every circuit drops) and starts a new one on the same SQLite file and port.</summary>
    public async Task Restart()
    {
        await StopHost();
        await StartHost();
    }

    private async Task StartHost()
    {
        _app = SpiralWebHost.Build([$"--Classroom:Database={Database}"], BaseUrl);
        await _app.StartAsync();
    }

    private async Task StopHost()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHost();
        try
        {
            Directory.Delete(Path.GetDirectoryName(Database)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
