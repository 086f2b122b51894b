using Spiral.Core.Model;
using Spiral.Core.Policies;

namespace Spiral.Core.Tests.Policies;

public class SeatPolicyTests
{
    private static CrisisSituation At(int rung) => new(1, rung, 0, 12, default, 0, 1, 0, 0);

    [Theory]
    [InlineData(1, 4, StanceAtLimit.Hold, CrisisMove.Escalate)]
    [InlineData(3, 4, StanceAtLimit.Hold, CrisisMove.Escalate)]
    [InlineData(4, 4, StanceAtLimit.Hold, CrisisMove.Hold)]
    [InlineData(9, 4, StanceAtLimit.Hold, CrisisMove.Hold)]
    [InlineData(4, 4, StanceAtLimit.BackDown, CrisisMove.BackDown)]
    [InlineData(1, 0, StanceAtLimit.BackDown, CrisisMove.BackDown)]
    [InlineData(11, 12, StanceAtLimit.Hold, CrisisMove.Escalate)]
    public void Obey_RungAgainstMaxRung_EscalatesBelowThenTakesItsLimitMove(int rung, int maxRung, StanceAtLimit atLimit, CrisisMove expected) =>
        Assert.Equal(expected, SeatPolicy.Obey(new CrisisStance(1, maxRung, atLimit), At(rung)));

    [Fact]
    public void Decide_SubmittedDecision_ReplacesTheBotsBuffersAndKeepsTheBotsChoice()
    {
        var w = TestWorlds.Dyad("Dove", "Dove");
        var seat = new SeatPolicy(new Dove(), new Dove());
        seat.Submitted = new SeatDecision { DesiredBurden = 0.07, Posture = 0.8, Demands = [1] };
        seat.Decide(new PolicyContext(w, 0));

        Assert.Equal((0.07, 0.8, true), (w.DesiredBurden[0], w.NextPosture[0], w.Demand[1]));
        Assert.Equal(DiplomacyIntent.None, w.CbmIntent[1]);
        // The dove would have desired the floor, a 0.1 posture, and offered a CBM and a hotline.
        Assert.Equal((w.P.MinMilitaryShare, 0.1), (seat.LastBotDecision!.DesiredBurden, seat.LastBotDecision.Posture));
        Assert.Equal([1], seat.LastBotDecision.ProposeCbm);
        Assert.Equal([1], seat.LastBotDecision.ProposeHotline);
        Assert.Equal([1], seat.LastAppliedDecision!.Demands);
    }

    [Fact]
    public void Decide_NothingSubmitted_LeavesTheBotsDecision()
    {
        var w = TestWorlds.Dyad("Dove", "Dove");
        var seat = new SeatPolicy(new Dove(), new Dove());
        seat.Decide(new PolicyContext(w, 0));
        Assert.Equal((w.P.MinMilitaryShare, 0.1, DiplomacyIntent.Propose), (w.DesiredBurden[0], w.NextPosture[0], w.CbmIntent[1]));
        Assert.Same(seat.LastBotDecision, seat.LastAppliedDecision);
    }
}
