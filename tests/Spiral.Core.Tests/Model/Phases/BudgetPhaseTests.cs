using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>Phase 6, invest and economy: stocks, GDP and internal threat.</summary>
public class BudgetPhaseTests
{
    [Fact]
    public void Run_StocksGdpAndMilex_MatchHandComputation()
    {
        var w = TestWorlds.Dyad();
        w.MilitaryShare[0] = 0.05;
        w.Posture[0] = 0.3;
        w.InternalThreat[0] = 0.2;
        w.Offense[0] = 100;
        w.Defense[0] = 200;
        BudgetPhase.Run(w);
        // milex 50; internal share 0.5·0.2 = 0.1; investment 45
        Assert.Equal(50, w.Milex[0], 12);
        Assert.Equal(50.0 / 20.0 - 1, w.MilexGrowth[0], 12);
        Assert.Equal(0.92 * 100 + 0.3 * 45, w.Offense[0], 12);
        Assert.Equal(0.92 * 200 + 0.7 * 45, w.Defense[0], 12);
        // growth 0.03 - 0.1·0.05 - 0.02·0.2 = 0.021
        Assert.Equal(1021, w.Gdp[0], 9);
        // B unchanged in steady state: O = 0.92·87.5 + 0.35·20 = 87.5
        Assert.Equal(87.5, w.Offense[1], 12);
        Assert.Equal(1000 * (1 + 0.03 - 0.1 * 0.02), w.Gdp[1], 9);
    }

    [Fact]
    public void Run_InternalThreat_DecaysAndSpreadsByReach()
    {
        var w = TestWorlds.Dyad();
        w.InternalThreat[0] = 0.2;
        w.Reach[1 * 2 + 0] = 0.5;
        BudgetPhase.Run(w);
        Assert.Equal(0.2 * 0.9, w.InternalThreat[0], 12);
        Assert.Equal(0.05 * 0.5 * 0.2, w.InternalThreat[1], 12);
    }
}
