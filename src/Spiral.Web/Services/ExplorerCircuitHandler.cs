using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Spiral.Web.Services;

/// <summary>
/// Ties a circuit's lifetime to its work: when the circuit closes (the tab is closed, or it stays disconnected past
/// the retention period), every job it started is cancelled and leaves the queue, and the open-circuit count drops.
/// </summary>
public sealed class ExplorerCircuitHandler(ExplorerService explorer, ExplorerCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        explorer.Close();
        circuits.Closed();
        return Task.CompletedTask;
    }
}
