namespace Spiral.Distributed.Tests;

public sealed class ClusterExecutorPlanTests
{
    [Fact]
    public void Plan_NothingStored_ConsecutiveBatchesCoverEveryJobOnce()
    {
        var batches = ClusterExecutor.Plan(10, 4, null, out var done);

        Assert.Equal([(0L, 4), (4L, 4), (8L, 2)], batches);
        Assert.Equal(0, done);
    }

    [Fact]
    public void Plan_SomeJobsStored_StoredJobsEndBatchesAndAreCounted()
    {
        var stored = new HashSet<long> { 0, 1, 5, 9 };

        var batches = ClusterExecutor.Plan(12, 3, stored.Contains, out var done);

        Assert.Equal([(2L, 3), (6L, 3), (10L, 2)], batches);
        Assert.Equal(4, done);
    }

    [Fact]
    public void Plan_EverythingStored_NoBatch()
    {
        var batches = ClusterExecutor.Plan(5, 2, _ => true, out var done);

        Assert.Empty(batches);
        Assert.Equal(5, done);
    }
}
