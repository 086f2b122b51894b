using System.Reflection;
using System.Reflection.Emit;
using Spiral.Core.Model;
using Spiral.Core.Model.Phases;
using Spiral.Core.Parameters;
using Spiral.Core.Policies;
using Spiral.Testing;

namespace Spiral.Core.Tests.Model;

/// <summary>The observer's model of each type: the budget process, desired burdens, postures and the reading of arming.</summary>
public class TypeModelTests
{
    private static readonly ModelParameters P = ModelParameters.Default;

    [Theory]
    [InlineData(0.03, 0.02, 0.0, 0.12 * 0.4054651081081644)]
    [InlineData(0.02, 0.02, 0.5, 0.1 * 0.5)]
    [InlineData(0.01, 0.02, -0.2, -0.12 * 0.6931471805599453 - 0.1 * 0.2)]
    public void BurdenChange_ClosesGammaOfTheLogGap_PlusDeltaTimesTheChangeOfLogInsecurity(double desired, double burden,
        double insecurityChange, double expected) =>
        Assert.Equal(expected, TypeModel.BurdenChange(Math.Log(desired), Math.Log(burden), insecurityChange, P), 12);

    [Theory]
    [InlineData(1.0, 0.02)]
    [InlineData(2.0, 0.028284271247461901)]
    [InlineData(0.25, 0.01)]
    public void SecurityDesiredBurden_IsLongRunTimesInsecurityRatioToTheElasticity(double ratio, double expected) =>
        Assert.Equal(expected, TypeModel.SecurityDesiredBurden(0.02, ratio, P), 12);

    [Fact]
    public void GreedyDesiredBurden_IsTheRatioTimesLongRun() => Assert.Equal(0.03, TypeModel.GreedyDesiredBurden(0.02, P), 12);

    [Theory]
    [InlineData(1.0, 0.35)]
    [InlineData(2.0, 0.535)]
    [InlineData(0.6, 0.72 - 0.37 / 0.6)]
    [InlineData(0.4, 0.05)]
    public void BalancedSecurityPosture_RisesWithOffenseAdvantage(double beta, double expected) =>
        Assert.Equal(expected, TypeModel.BalancedSecurityPosture(beta, P), 12);

    [Theory]
    [InlineData(1.0, 0.5, 0.6, 0.35 * 0.7)]
    [InlineData(2.0, 0.0, 0.6, 0.535)]
    [InlineData(2.0, 0.9, 0.6, 0.535 * 0.46)]
    [InlineData(1.0, 1.0, 0.0, 0.35)]
    public void SecurityPosture_ShiftsTheBalancedPostureToDefenseByShiftTimesOmega(double beta, double omega, double shift, double expected) =>
        Assert.Equal(expected, TypeModel.SecurityPosture(beta, omega, shift, P), 12);

    [Theory]
    [InlineData(1.0, 0.5)]
    [InlineData(3.0, 0.0)]
    [InlineData(0.333, 0.9)]
    public void SecurityPosture_IsWhatDefensiveRealistSets(double beta, double omega)
    {
        var w = TestWorlds.Dyad(beta: beta, omega: omega);
        DecidePhase.Run(w);
        var expected = TypeModel.SecurityPosture(beta, omega, DefensiveRealistOptions.Default.DefensiveShift, w.P);
        Assert.Equal(expected, w.Posture[0], 15);
        Assert.Equal(expected, w.Posture[1], 15);
    }

    [Fact]
    public void InsecurityFromObserver_InADyad_IsTheInsecurityTheAssessmentGives()
    {
        // In a dyad without internal threat, 1 − S_B = b_BA·v_BA exactly; with B's belief at its start value, the
        // observer's reading of B's insecurity is exact. A's offense doubles, then grows by half again.
        var w = TestWorlds.Dyad();
        w.Offense[0] *= 2;
        AssessPhase.Run(w);
        TypeModel.InsecurityFromObserver(w, 0, 1, out var level, out var change);
        Assert.Equal(Math.Log((1 - w.Security[1]) / w.ReferenceInsecurity[1]), level, 12);
        Assert.Equal(level, change, 15);
        Array.Copy(w.Vulnerability, w.PreviousVulnerability, 4);
        var before = 1 - w.Security[1];
        w.Offense[0] *= 1.5;
        AssessPhase.Run(w);
        TypeModel.InsecurityFromObserver(w, 0, 1, out level, out change);
        Assert.Equal(Math.Log((1 - w.Security[1]) / w.ReferenceInsecurity[1]), level, 12);
        Assert.Equal(Math.Log((1 - w.Security[1]) / before), change, 12);
    }

    [Fact]
    public void ExpectedBurdenChange_HandComputed_EmpathyScalesTheRecognisedReaction()
    {
        // B: m̄ 0.02, burden 0.025 after a change of +0.1 (so 0.025·e^−0.1 before it). B's vulnerability to A rose from
        // 0.35 (start) to 0.5 last year and 0.6 this year; B's starting belief about A 0.2, insecurity 0.07.
        var w = TestWorlds.Dyad();
        w.LongRunShare[1] = 0.02;
        w.MilitaryShare[1] = 0.025;
        w.BurdenChange[1] = 0.1;
        w.PreviousVulnerability[2] = 0.5;
        w.Vulnerability[2] = 0.6;
        var before = Math.Log(0.025) - 0.1;
        var level = Math.Log((0.07 + 0.2 * (0.6 - 0.35)) / 0.07);
        var change = Math.Log((0.07 + 0.2 * (0.6 - 0.35)) / (0.07 + 0.2 * (0.5 - 0.35)));
        foreach (var empathy in new[] { 0.0, 0.5, 1.0 })
        {
            var (security, greedy) = TypeModel.ExpectedBurdenChange(w, 0, 1, empathy);
            var securityDesired = 0.02 * Math.Exp(0.5 * empathy * level);
            Assert.Equal(0.12 * (Math.Log(securityDesired) - before) + 0.1 * empathy * change, security, 12);
            Assert.Equal(0.12 * (Math.Log(0.03) - before) + 0.1 * empathy * change, greedy, 12);
        }
        // B is above its long-run burden: a security-seeker would cut, unless the observer sees that it raised B's insecurity.
        Assert.Equal(-0.0148, TypeModel.ExpectedBurdenChange(w, 0, 1, 0).Security, 4);
        Assert.Equal(0.0358, TypeModel.ExpectedBurdenChange(w, 0, 1, 1).Security, 4);
    }

    [Fact]
    public void ExpectedBurdenChange_SecurityDesiredAboveTheCap_IsHeldAtTheCapInLogs()
    {
        // Development priority 1 caps B at 2% of GDP; A's capability tripled B's insecurity (level ln 3), so B's desired
        // burden 0.02·3^0.5 ≈ 0.035 is above the cap: the security type is expected to move toward the cap, no further.
        var w = TestWorlds.Dyad(change: s => s.WithState(1, st => st with { DevelopmentPriority = 1 }));
        var cap = w.MilitaryShareCap(1);
        var (security, _) = TypeModel.ExpectedBurdenChange(Math.Log(3), 0, 1, Math.Log(0.02), Math.Log(0.015),
            Math.Log(w.P.MinMilitaryShare), Math.Log(cap), 0, w.P);
        Assert.Equal(0.02, cap, 12);
        Assert.Equal(0.12 * (Math.Log(0.02) - Math.Log(0.015)), security, 12);
        var (below, _) = TypeModel.ExpectedBurdenChange(Math.Log(1.2), 0, 1, Math.Log(0.015), Math.Log(0.015),
            Math.Log(w.P.MinMilitaryShare), Math.Log(cap), 0, w.P);
        Assert.Equal(0.12 * 0.5 * Math.Log(1.2), below, 12);
    }

    [Fact]
    public void ExpectedBurdenChange_DesiredBurdensStayWithinFloorAndCap()
    {
        // Development priority 1 caps B at 2% of GDP: a greedy B at its cap is expected to hold, not to arm toward 3%.
        var w = TestWorlds.Dyad(change: s => s.WithState(1, st => st with { DevelopmentPriority = 1 }));
        var (_, greedy) = TypeModel.ExpectedBurdenChange(w, 0, 1, 0.5);
        Assert.Equal(0.0, greedy, 15);
    }

    /// <summary>The types whose code phases 2-3 run: none may read a state's private type.</summary>
    public static TheoryData<Type> ObserverCode => new()
    {
        typeof(ObservePhase), typeof(BelievePhase), typeof(TypeModel), typeof(BeliefUpdate), typeof(NoiseModel),
    };

    [Theory]
    [MemberData(nameof(ObserverCode))]
    public void ObserverCode_NeverReadsAPrivateType(Type type)
    {
        var forbiddenField = typeof(World).GetField(nameof(World.IsGreedy), BindingFlags.Instance | BindingFlags.NonPublic)!;
        var forbiddenMethods = new[] { typeof(World).GetMethod(nameof(World.TrueTypeIsGreedy))!, typeof(World).GetMethod(nameof(World.PolicyOf))! };
        var read = new List<string>();
        foreach (var method in MethodsOf(type))
        {
            foreach (var member in MembersUsed(method))
            {
                if (member == forbiddenField || forbiddenMethods.Contains(member))
                {
                    read.Add($"{method.DeclaringType!.Name}.{method.Name} uses {member.Name}");
                }
            }
        }
        Assert.Empty(read);
        // The scan finds a read where there is one: the recording phase reads types to mark spirals between security-seekers.
        Assert.Contains(forbiddenField, MethodsOf(typeof(RecordPhase)).SelectMany(MembersUsed));
    }

    /// <summary>Every method of the type and of its nested (compiler-generated) types: lambdas, local functions.</summary>
    private static IEnumerable<MethodBase> MethodsOf(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var m in type.GetMethods(all))
        {
            yield return m;
        }
        foreach (var c in type.GetConstructors(all))
        {
            yield return c;
        }
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var m in MethodsOf(nested))
            {
                yield return m;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The fields and methods a method's IL refers to, decoded instruction by instruction.</summary>
    private static IEnumerable<MemberInfo> MembersUsed(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var pos = 0;
        while (pos < il.Length)
        {
            var value = (short)il[pos++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[pos++]);
            }
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField:
                    yield return module.ResolveField(BitConverter.ToInt32(il, pos), typeArgs, methodArgs)!;
                    pos += 4;
                    break;
                case OperandType.InlineMethod:
                    yield return module.ResolveMethod(BitConverter.ToInt32(il, pos), typeArgs, methodArgs)!;
                    pos += 4;
                    break;
                case OperandType.InlineSwitch:
                    pos += 4 + 4 * BitConverter.ToInt32(il, pos);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    pos += 4;
                    break;
            }
        }
    }
}
