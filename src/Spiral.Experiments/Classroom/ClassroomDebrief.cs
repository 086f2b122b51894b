using System.Globalization;
using Spiral.Core.Events;
using Spiral.Core.Policies;
using Spiral.Experiments.Metrics;

namespace Spiral.Experiments.Classroom;

/// <summary>
/// After the game (or for the teacher during it): the timeline, what each seat believed against the truth year by year,
/// where a spiral began, what each seat's bot would have decided in its place, and one row per seat and year for grading.
/// </summary>
/// <remarks>Types: Every state's true type now.</remarks>
/// <remarks>SpiralOnsets: Spirals as the outcome registry counts them (<see cref="OutcomeRegistry.Spirals"/>: the kernel's spiral-onset events).</remarks>
public sealed record ClassroomDebrief(
    string Scenario,
    ulong Seed,
    int YearsPlayed,
    IReadOnlyDictionary<string, string> Types,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<BeliefTruthRow> Beliefs,
    IReadOnlyList<SpiralOnsetRow> SpiralOnsets,
    IReadOnlyList<SeatYearRow> SeatYears,
    IReadOnlyList<MessageView> Messages)
{
    /// <summary>The columns of <see cref="CsvRows"/>.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } =
    [
        "year", "seat", "decided_by", "desired_burden", "bot_desired_burden", "posture", "bot_posture", "diplomacy",
        "bot_diplomacy", "crisis_moves", "bot_crisis_moves", "military_share_after", "security_after", "mean_belief_error",
    ];

    /// <summary>One row per seat and year, in <see cref="CsvHeader"/>'s order, numbers in invariant culture (for grading).</summary>
    public IEnumerable<IReadOnlyList<string>> CsvRows() => SeatYears.Select(r => (IReadOnlyList<string>)
    [
        r.Year.ToString(CultureInfo.InvariantCulture), r.Seat, r.DecidedBy, Number(r.DesiredBurden), Number(r.BotDesiredBurden),
        Number(r.Posture), Number(r.BotPosture), r.Diplomacy, r.BotDiplomacy, r.CrisisMoves, r.BotCrisisMoves,
        Number(r.MilitaryShareAfter), Number(r.SecurityAfter), Number(r.MeanBeliefError),
    ]);

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    internal static ClassroomDebrief Of(ClassroomGame game, IReadOnlyList<SeatYear> seatYears, IReadOnlyList<BeliefRecord> beliefs,
        IReadOnlyList<(int Year, ClassroomInject Inject)> injects)
    {
        var w = game.World;
        string Name(int i) => i >= 0 ? game.NameOf(i) : "";
        var timeline = new List<TimelineEntry>();
        foreach (var e in w.Events.Items)
        {
            if (e.Kind is EventKind.BeliefShift)
            {
                continue;
            }
            timeline.Add(new TimelineEntry(e.Year, e.Kind.ToString(), Name(e.Actor), e.Target >= 0 ? Name(e.Target) : null, e.Rung, e.Value,
                e.Scripted ? "scripted" : "model"));
        }
        foreach (var (year, inject) in injects)
        {
            timeline.Add(new TimelineEntry(year, "Inject" + inject.Kind, Name(inject.States[0]),
                inject.States.Count > 1 ? Name(inject.States[1]) : null, 0, inject.Value ?? 0, "teacher"));
        }
        foreach (var m in game.Messages)
        {
            timeline.Add(new TimelineEntry(m.Year, m.To is null ? "PublicStatement" : "Message", Name(m.From),
                m.To is { } t ? Name(t) : null, 0, 0, "seat", m.Text));
        }
        timeline.Sort((a, b) => a.Year.CompareTo(b.Year));

        var beliefRows = beliefs.Select(b => new BeliefTruthRow(b.Year, Name(b.Observer), Name(b.About), b.Belief,
            ClassroomGame.TypeName(b.TruthGreedy))).ToList();
        var spirals = new List<SpiralOnsetRow>();
        foreach (var e in w.Events.Items)
        {
            if (e.Kind == EventKind.SpiralOnset)
            {
                spirals.Add(new SpiralOnsetRow(e.Year, Name(e.Actor), Name(e.Target), e.Value));
            }
        }
        var rows = seatYears.Select(s =>
        {
            var errors = beliefs.Where(b => b.Year == s.Year && b.Observer == s.Seat)
                .Select(b => Math.Abs(b.Belief - (b.TruthGreedy ? 1.0 : 0.0))).DefaultIfEmpty(0).Average();
            return new SeatYearRow(s.Year, Name(s.Seat), s.DecidedByPlayer ? "player" : "bot",
                s.Applied.DesiredBurden ?? double.NaN, s.Bot.DesiredBurden ?? double.NaN, s.Applied.Posture ?? double.NaN,
                s.Bot.Posture ?? double.NaN, Diplomacy(s.Applied, Name), Diplomacy(s.Bot, Name),
                string.Join(' ', s.CrisisMoves.Select(m => $"{Name(m.Opponent)}@{m.Rung}:{m.Move}")),
                string.Join(' ', s.CrisisMoves.Select(m => $"{Name(m.Opponent)}@{m.Rung}:{m.BotMove}")),
                s.MilitaryShareAfter, s.SecurityAfter, errors);
        }).ToList();
        var types = Enumerable.Range(0, w.N).ToDictionary(Name, i => ClassroomGame.TypeName(w.TrueTypeIsGreedy(i)));
        var messages = game.Messages.Select(m => new MessageView(m.Year, Name(m.From), m.To is { } to ? Name(to) : null, m.Text)).ToList();
        return new ClassroomDebrief(game.Scenario.Name, game.Seed, game.YearsPlayed, types, timeline, beliefRows, spirals, rows, messages);
    }

    /// <summary>A decision's diplomacy in words: <c>cbm:B hotline:C refuse-cbm:D demand:E probe:F balance:G reassure</c>.</summary>
    private static string Diplomacy(SeatDecision d, Func<int, string> name)
    {
        var parts = new List<string>();
        parts.AddRange(d.ProposeCbm.Select(j => "cbm:" + name(j)));
        parts.AddRange(d.RefuseCbm.Select(j => "refuse-cbm:" + name(j)));
        parts.AddRange(d.ProposeHotline.Select(j => "hotline:" + name(j)));
        parts.AddRange(d.RefuseHotline.Select(j => "refuse-hotline:" + name(j)));
        parts.AddRange(d.Demands.Select(j => "demand:" + name(j)));
        parts.AddRange(d.Probes.Select(j => "probe:" + name(j)));
        if (d.BalanceAgainst is { } b) parts.Add("balance:" + name(b));
        if (d.AnnounceReassurance) parts.Add("reassure");
        return string.Join(' ', parts);
    }
}

/// <summary>An entry of the debrief's timeline; <paramref name="Source"/> is model, scripted (the scenario), teacher or seat.</summary>
public sealed record TimelineEntry(int Year, string Kind, string Actor, string? Target, int Rung, double Value, string Source, string? Text = null);

/// <summary>What <paramref name="Observer"/> believed at the end of <paramref name="Year"/> (the chance <paramref name="About"/> is greedy), against its true type.</summary>
public sealed record BeliefTruthRow(int Year, string Observer, string About, double Belief, string Truth);

/// <summary>Where a spiral began: the year two security-seekers' beliefs about each other crossed one half.</summary>
public sealed record SpiralOnsetRow(int Year, string A, string B, double Belief);

/// <summary>One seat's year: what it decided against what its bot would have decided, and where it ended.</summary>
/// <remarks>DecidedBy: "player", or "bot" when the seat missed the deadline.</remarks>
/// <remarks>MeanBeliefError: Mean |belief − truth| over the others at the end of the year (truth 1 for greedy, 0 for security).</remarks>
public sealed record SeatYearRow(
    int Year,
    string Seat,
    string DecidedBy,
    double DesiredBurden,
    double BotDesiredBurden,
    double Posture,
    double BotPosture,
    string Diplomacy,
    string BotDiplomacy,
    string CrisisMoves,
    string BotCrisisMoves,
    double MilitaryShareAfter,
    double SecurityAfter,
    double MeanBeliefError);
