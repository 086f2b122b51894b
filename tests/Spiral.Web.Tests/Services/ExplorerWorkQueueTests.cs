using Spiral.IO.Scenarios;
using Spiral.Web.Services;

namespace Spiral.Web.Tests.Services;

public class ExplorerWorkQueueTests
{
    [Fact]
    public async Task RunAsync_OneWorker_RunsJobsOneAtATime_AndTellsAWaitingJobHowManyAreAhead()
    {
        var queue = new ExplorerWorkQueue(workers: 1, capacity: 8);
        var gate = new ManualResetEventSlim();
        var running = 0;
        var most = 0;
        int Work(CancellationToken _)
        {
            var now = Interlocked.Increment(ref running);
            lock (queue) most = Math.Max(most, now);
            gate.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref running);
            return now;
        }
        var first = queue.RunAsync(Work, CancellationToken.None);
        SpinWait.SpinUntil(() => queue.Running == 1, TimeSpan.FromSeconds(5));
        var ahead = -1;
        var second = queue.RunAsync(Work, CancellationToken.None, a => ahead = a);
        Assert.Equal(1, ahead);
        Assert.Equal(2, queue.Held);
        gate.Set();
        await Task.WhenAll(first, second);
        Assert.Equal(1, most);
        Assert.Equal(0, queue.Held);
    }

    [Fact]
    public async Task RunAsync_QueueFull_RefusesWithBusy_AndAWaitingJobCancelledLeavesTheQueue()
    {
        var queue = new ExplorerWorkQueue(workers: 1, capacity: 2);
        var gate = new ManualResetEventSlim();
        var first = queue.RunAsync(_ => gate.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        SpinWait.SpinUntil(() => queue.Running == 1, TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource();
        var waiting = queue.RunAsync(_ => true, cancel.Token);
        var busy = await Assert.ThrowsAsync<ExplorerBusyException>(() => queue.RunAsync(_ => true, CancellationToken.None));
        Assert.Contains("2 computations", busy.Message);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, queue.Held);
        gate.Set();
        Assert.True(await first);
        Assert.Equal(0, queue.Held);
    }

    [Fact]
    public async Task ExplorerService_Close_CancelsARunningEnsemble()
    {
        var queue = new ExplorerWorkQueue();
        var explorer = new ExplorerService(queue);
        var scenario = ScenarioLoader.LoadLibrary("jervis-doubly-dangerous");
        var started = new TaskCompletionSource();
        var run = explorer.RunAsync(scenario, ExplorerService.MaxRuns, 1, CancellationToken.None, new SyncProgress(_ => started.TrySetResult()));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        explorer.Close();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, queue.Held);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => explorer.RunAsync(scenario, 10, 1, CancellationToken.None));
    }

    [Fact]
    public void ThrottledProgress_ManyReportsInAnInterval_PassesTheFirstOnly()
    {
        var seen = new List<int>();
        var progress = new ThrottledProgress<int>(seen.Add, TimeSpan.FromHours(1));
        for (var k = 1; k <= 100; k++)
        {
            progress.Report(k);
        }
        Assert.Equal([1], seen);
        var every = new List<int>();
        var unthrottled = new ThrottledProgress<int>(every.Add, TimeSpan.Zero);
        unthrottled.Report(1);
        unthrottled.Report(2);
        Assert.Equal([1, 2], every);
    }

    [Fact]
    public void ExplorerCircuits_LastCircuitClosesWithNothingQueued_ReturnsMemory()
    {
        var circuits = new ExplorerCircuits(new ExplorerWorkQueue());
        circuits.Opened();
        circuits.Opened();
        circuits.Closed();
        Assert.Equal(0, circuits.Trims);
        circuits.Closed();
        Assert.Equal(1, circuits.Trims);
        Assert.Equal(0, circuits.Open);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
