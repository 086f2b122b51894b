using System.Text.Json.Serialization;
using Spiral.Core.Policies;

namespace Spiral.Experiments.Classroom;

/// <summary>
/// One accepted move of a classroom game, in the order it was accepted. A game is (scenario, seed, seats, horizon) plus
/// the ordered list of its moves: replaying them reproduces the world bit for bit (<see cref="ClassroomGame.Replay"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "move")]
[JsonDerivedType(typeof(DecisionMove), "decision")]
[JsonDerivedType(typeof(InjectMove), "inject")]
[JsonDerivedType(typeof(MessageMove), "message")]
[JsonDerivedType(typeof(CloseYearMove), "closeYear")]
[JsonDerivedType(typeof(RevealMove), "reveal")]
[JsonDerivedType(typeof(EndMove), "end")]
public abstract record ClassroomMove;

/// <summary>A seat's decision for the year <paramref name="Year"/> (the calendar year still open).</summary>
public sealed record DecisionMove(int Year, int Seat, SeatDecision Decision) : ClassroomMove;

/// <summary>A teacher's inject, applied at the start of the next year stepped.</summary>
public sealed record InjectMove(ClassroomInject Inject) : ClassroomMove;

public sealed record MessageMove(ClassroomMessage Message) : ClassroomMove;

/// <summary>The year <paramref name="Year"/> is closed: the kernel steps it, bots playing the seats that did not decide.</summary>
public sealed record CloseYearMove(int Year) : ClassroomMove;

/// <summary>The teacher revealed every state's type: views show them from now on.</summary>
public sealed record RevealMove : ClassroomMove;

/// <summary>The teacher ended the game: no more decisions or years.</summary>
public sealed record EndMove : ClassroomMove;

/// <summary>Kinds of event a teacher can inject (the control cell of a simulation game; ICONS, Statecraft).</summary>
public enum InjectKind
{
    /// <summary>An incident between two states that opens a crisis at rung <c>Value</c> (default 1): the timeline's incident.</summary>
    Incident,
    /// <summary>A leadership change: the state's type is redrawn with greed probability <c>Value</c> (the timeline's regime change).</summary>
    LeadershipChange,
    /// <summary>An economic shock: GDP multiplied by (1 + <c>Value</c>) (the timeline's economic shock).</summary>
    EconomicShock,
    /// <summary>
    /// A mediator's offer of a CBM between two states, shown to both this year: they sign it by both proposing it in their
    /// decisions (the agreement rule of phase 5), exactly as an offer between the two themselves.
    /// </summary>
    CbmOffer,
}

/// <summary>An inject: <paramref name="States"/> by index (one state, or two for an incident and a CBM offer).</summary>
public sealed record ClassroomInject(InjectKind Kind, IReadOnlyList<int> States, double? Value = null);

/// <summary>A message from seat <paramref name="From"/> to <paramref name="To"/>, or a public statement when To is null.</summary>
public sealed record ClassroomMessage(int Year, int From, int? To, string Text);

/// <summary>A move the game's rules refuse (a replayed or late decision, a bad state index, a closed game).</summary>
public sealed class ClassroomRuleException(string message, ClassroomRefusal refusal, string? field = null) : Exception(message)
{
    public ClassroomRefusal Refusal { get; } = refusal;

    /// <summary>The path of the value at fault (e.g. <c>decision.crisisStances[0].maxRung</c>), when one is.</summary>
    public string? Field { get; } = field;
}

/// <summary>Why a move is refused: invalid content, or a conflict with the game's state (already decided, year closed, ended).</summary>
public enum ClassroomRefusal
{
    Invalid,
    Conflict,
}
