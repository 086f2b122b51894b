using Spiral.Core.Parameters;
using Spiral.Core.Scenarios;
using Spiral.IO.Scenarios;

namespace Spiral.Web.Components.Shared;

/// <summary>Turns exceptions into one plain sentence for the page; unexpected errors are logged, never shown.</summary>
public static class UserMessages
{
    public static string Of(Exception ex, ILogger? logger = null)
    {
        switch (ex)
        {
            case OperationCanceledException:
                return "Cancelled.";
            case Spiral.Web.Services.ExplorerBusyException:
                return ex.Message;
            case ScenarioPathException or InvalidScenarioException or ScenarioException or ArgumentOutOfRangeException:
                return ex.Message;
            default:
                logger?.LogError(ex, "Explorer operation failed");
                return "Something went wrong on the server while computing this; the error has been logged. Try again, or change the settings.";
        }
    }
}
