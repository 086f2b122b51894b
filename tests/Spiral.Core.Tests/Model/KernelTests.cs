using Spiral.Core.Model;

namespace Spiral.Core.Tests.Model;

/// <summary>The whole step; each phase in isolation is tested under <c>Model/Phases</c>.</summary>
public class KernelTests
{
    [Fact]
    public void Step_AdvancesStepAndYear()
    {
        var w = TestWorlds.Dyad();
        Kernel.Step(w);
        Kernel.Step(w);
        Assert.Equal(2, w.Step);
        Assert.Equal(2002, w.Year);
    }
}
