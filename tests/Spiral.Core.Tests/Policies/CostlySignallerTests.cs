using Spiral.Core.Events;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Policies;
using Spiral.Core.Scenarios;
using Spiral.Testing;

namespace Spiral.Core.Tests.Policies;

public class CostlySignallerTests
{
    [Fact]
    public void Decide_TrustedRivalArming_PaysCostlyRestraintEveryThirdYear()
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller");
        var signals = new List<bool>();
        for (var step = 0; step < 7; step++)
        {
            w.Step = step;
            w.ObservedArming[1] = 0.05; // > 0.02: the rival arms, so it likely fears me
            w.Security[0] = 0.93;       // insecurity as at the start (0.07): the defensive realist alone desires m̄ = 0.02
            DecidePhase.Run(w);
            BudgetPhase.Run(w); // records the gesture
            var signalled = w.Reassure[0];
            signals.Add(signalled);
            if (signalled)
            {
                // the costly restraint: 14% below what its security asks
                Assert.Equal(0.86 * 0.02, w.DesiredBurden[0], 12);
                Assert.Equal(0.05, w.Posture[0], 12);
            }
            else
            {
                Assert.Equal(0.02, w.DesiredBurden[0], 12);
                Assert.Equal(0.245, w.Posture[0], 12);
            }
        }
        Assert.Equal([true, false, false, true, false, false, true], signals);
        Assert.Equal(3, TestWorlds.Count(w, EventKind.ReassuranceGesture));
    }

    [Theory]
    [InlineData(0.6, 0.05, false)] // mistrust: no signal
    [InlineData(0.2, 0.01, false)] // rival not arming: no need
    [InlineData(0.2, 0.05, true)]
    public void Decide_SignalsOnlyUnderTrustAndRivalArming(double belief, double arming, bool signals)
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller");
        w.Belief[1] = belief;
        w.ObservedArming[1] = arming;
        DecidePhase.Run(w);
        Assert.Equal(signals, w.Reassure[0]);
    }

    [Fact]
    public void Decide_SignalCutOption_SetsTheRestraint()
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller", change: s => s.WithState(0, st => st with
        {
            Policy = new PolicySpec("CostlySignaller") { Parameters = new Dictionary<string, double> { ["signalCut"] = 0.5 } },
        }));
        w.ObservedArming[1] = 0.05;
        w.Security[0] = 0.86; // insecurity doubled: its security asks for m̄·√2
        DecidePhase.Run(w);
        Assert.True(w.Reassure[0]);
        Assert.Equal(0.5 * 0.02 * Math.Sqrt(2), w.DesiredBurden[0], 12);
    }

    [Fact]
    public void Decide_GreedyType_NeverSignals()
    {
        var w = PolicyRuns.AgainstScript("CostlySignaller", change: s => s.WithState(0, st => st with { GreedyPolicy = st.Policy }));
        w.IsGreedy[0] = true;
        w.ObservedArming[1] = 0.05;
        DecidePhase.Run(w);
        Assert.False(w.Reassure[0]);
    }

    [Fact]
    public void Decide_AgainstScriptedArmer_SignalsExactlyWhenTheRuleSays()
    {
        // The armer raises its burden 3% a year (the arming signal is the change of burden, not of spending).
        var w = PolicyRuns.AgainstScript("CostlySignaller", Enumerable.Range(0, 13).ToDictionary(t => 2000 + t, t => 0.019 * Math.Pow(1.03, t)),
            change: s => s.With(wp => wp with { ObservationNoise = 0 }));
        var last = int.MinValue / 2;
        var signals = 0;
        for (var t = 0; t < 12; t++)
        {
            var m = w.MilitaryShare[0];
            var before = TestWorlds.Count(w, EventKind.ReassuranceGesture);
            Kernel.Step(w);
            var expected = t - last >= 3 && w.Belief[1] < 0.5 && w.ObservedArming[1] > 0.02;
            var signalled = TestWorlds.Count(w, EventKind.ReassuranceGesture) > before;
            Assert.Equal(expected, signalled);
            var asked = 0.02 * Math.Sqrt((1 - w.Security[0]) / w.ReferenceInsecurity[0]);
            if (signalled)
            {
                last = t;
                signals++;
                Assert.Equal(0.86 * asked, w.DesiredBurden[0], 12);
                Assert.Equal(0.05, w.Posture[0], 12);
            }
            else
            {
                Assert.Equal(asked, w.DesiredBurden[0], 12);
                Assert.Equal(0.245, w.Posture[0], 12);
            }
            Assert.Equal(TestWorlds.Budget(m, w.DesiredBurden[0]), w.MilitaryShare[0], 12);
        }
        Assert.InRange(signals, 1, 4);
    }

    /// <summary>Literal classification: only a security-seeker signals; signals at most every 3 years; Respond draws.</summary>
    [Fact]
    public void Traits_FromCatalog_AreTheLiteralClassification()
    {
        var t = PolicyCatalog.Create(new PolicySpec("CostlySignaller")).Traits;
        Assert.Equal(("CostlySignaller", false, 3, true, "Kydd 2000"), (t.Name, t.Deterministic, t.MemoryDepth, t.UsesOwnType, t.Source));
    }
}
