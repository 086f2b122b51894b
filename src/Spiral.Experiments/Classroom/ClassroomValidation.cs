using Spiral.Core.Model;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;

namespace Spiral.Experiments.Classroom;

/// <summary>
/// Checks a seat's decision and a teacher's inject like scenario files are checked: each value against its range in the
/// parameter catalog (a desired burden is a <c>militaryShare</c>, a posture a <c>posture</c>, a leadership change's value a
/// <c>greedProbability</c>), state indices against the game, with the path of the value at fault.
/// </summary>
public static class ClassroomValidation
{
    /// <summary>The most entries a list of a decision may hold (one per other state is all that means anything).</summary>
    public const int MaxListLength = 64;

    /// <summary>The smallest and largest economic shock an inject may apply: GDP × (1 + value).</summary>
    public const double MinShock = -0.9, MaxShock = 1.0;

    public static void Check(SeatDecision d, int seat, World w)
    {
        CheckValue(d.DesiredBurden, "militaryShare", "decision.desiredBurden");
        CheckValue(d.Posture, "posture", "decision.posture");
        CheckStates(d.ProposeCbm, seat, w, "decision.proposeCbm");
        CheckStates(d.RefuseCbm, seat, w, "decision.refuseCbm");
        CheckStates(d.ProposeHotline, seat, w, "decision.proposeHotline");
        CheckStates(d.RefuseHotline, seat, w, "decision.refuseHotline");
        CheckStates(d.Demands, seat, w, "decision.demands");
        CheckStates(d.Probes, seat, w, "decision.probes");
        if (d.BalanceAgainst is { } b)
        {
            CheckState(b, seat, w, "decision.balanceAgainst");
        }
        if (d.CrisisStances.Count > MaxListLength)
        {
            throw Invalid("decision.crisisStances", $"{d.CrisisStances.Count} entries; expected at most {MaxListLength}");
        }
        var seen = new HashSet<int>();
        for (var k = 0; k < d.CrisisStances.Count; k++)
        {
            var s = d.CrisisStances[k];
            var path = $"decision.crisisStances[{k}]";
            if (s is null)
            {
                throw Invalid(path, "missing; expected a stance {opponent, maxRung, atLimit}");
            }
            CheckState(s.Opponent, seat, w, path + ".opponent");
            if (!seen.Add(s.Opponent))
            {
                throw Invalid(path + ".opponent", $"{w.Names[s.Opponent]} has a stance already; expected one stance per opponent");
            }
            if (s.MaxRung < 0 || s.MaxRung > w.P.WarRung)
            {
                throw Invalid(path + ".maxRung", $"{s.MaxRung} is out of range; expected an integer in [0, {w.P.WarRung}] (the war rung)");
            }
            if (!Enum.IsDefined(s.AtLimit))
            {
                throw Invalid(path + ".atLimit", $"expected one of: {string.Join(", ", Enum.GetNames<StanceAtLimit>())}");
            }
        }
    }

    public static void Check(ClassroomInject inject, World w)
    {
        if (!Enum.IsDefined(inject.Kind))
        {
            throw Invalid("inject.kind", $"expected one of: {string.Join(", ", Enum.GetNames<InjectKind>())}");
        }
        var two = inject.Kind is InjectKind.Incident or InjectKind.CbmOffer;
        if (inject.States.Count != (two ? 2 : 1))
        {
            throw Invalid("inject.states", $"{inject.States.Count} states; expected {(two ? "two" : "one")} for {inject.Kind}");
        }
        for (var k = 0; k < inject.States.Count; k++)
        {
            CheckState(inject.States[k], -1, w, $"inject.states[{k}]");
        }
        if (two && inject.States[0] == inject.States[1])
        {
            throw Invalid("inject.states", "the same state twice; expected two different states");
        }
        switch (inject.Kind)
        {
            case InjectKind.Incident when inject.Value is { } rung && (rung != Math.Floor(rung) || rung < 1 || rung > w.P.WarRung - 1):
                throw Invalid("inject.value", $"{rung} is not a rung below war; expected an integer in [1, {w.P.WarRung - 1}]");
            case InjectKind.LeadershipChange:
                CheckValue(inject.Value, "greedProbability", "inject.value");
                break;
            case InjectKind.EconomicShock when inject.Value is not { } v || !double.IsFinite(v) || v < MinShock || v > MaxShock:
                throw Invalid("inject.value", $"{inject.Value?.ToString() ?? "missing"}; expected the shock as a number in [{MinShock}, {MaxShock}] (GDP × (1 + value))");
        }
    }

    private static void CheckValue(double? value, string parameter, string path)
    {
        if (value is { } v && ParameterCatalog.Find(ParameterScope.State, parameter)!.Check(v) is { } problem)
        {
            throw Invalid(path, problem);
        }
    }

    private static void CheckStates(IReadOnlyList<int> states, int seat, World w, string path)
    {
        if (states.Count > MaxListLength)
        {
            throw Invalid(path, $"{states.Count} entries; expected at most {MaxListLength}");
        }
        for (var k = 0; k < states.Count; k++)
        {
            CheckState(states[k], seat, w, $"{path}[{k}]");
        }
    }

    private static void CheckState(int state, int seat, World w, string path)
    {
        if (state < 0 || state >= w.N)
        {
            throw Invalid(path, $"state {state} is not in this game; expected one of {string.Join(", ", w.Names)}");
        }
        if (state == seat)
        {
            throw Invalid(path, $"{w.Names[state]} is the seat itself; expected another state");
        }
    }

    private static ClassroomRuleException Invalid(string path, string problem) =>
        new($"{path}: {problem}", ClassroomRefusal.Invalid, path);
}
