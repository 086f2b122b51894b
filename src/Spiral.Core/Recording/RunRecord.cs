using Spiral.Core.Events;
using Spiral.Core.Model;

namespace Spiral.Core.Recording;

/// <summary>
/// The recorded rows of one run (DESIGN.md 3.2): per step and state Y, m, milex, O, D, p, S, internal threat;
/// per step and directed dyad the belief; the events; the true types. Time (<see cref="TimeConvention"/>): step
/// t ∈ {1..Steps} simulates year Y(t) = StartYear + t − 1; row t ≥ 1 is the state at the end of year Y(t), row 0 the
/// initial state at the start of StartYear (labelled year StartYear − 1, the end of the previous year); an event of
/// step t carries step t and year Y(t). Preallocated for a horizon and reusable across runs (the world writes its
/// events straight into <see cref="Events"/>), so recording allocates nothing per step. Metrics are pure functions
/// over these rows.
/// </summary>
public sealed class RunRecord
{
    /// <summary>The events a new record's log holds before it grows, unless the caller knows better (<see cref="RunRecord(int, int, int)"/>).</summary>
    public const int DefaultEventCapacity = 512;

    /// <param name="states">States of the run.</param>
    /// <param name="steps">Steps the record has room for.</param>
    /// <param name="eventCapacity">
    /// Events the log holds before it grows: a caller that has seen runs of the same scenario (the experiment runner)
    /// passes what they needed, so the log does not grow again.
    /// </param>
    public RunRecord(int states, int steps, int eventCapacity = DefaultEventCapacity)
    {
        N = states;
        Capacity = steps;
        var rows = (steps + 1) * states;
        Gdp = new double[rows]; MilitaryShare = new double[rows]; Milex = new double[rows]; Offense = new double[rows];
        Defense = new double[rows]; Posture = new double[rows]; Security = new double[rows]; InternalThreat = new double[rows];
        Belief = new double[(steps + 1) * states * states];
        IsGreedy = new bool[states];
        Names = new string[states];
        Events = new EventLog(eventCapacity);
    }

    /// <summary>The bytes of a record's rows (the eight per-state series and the beliefs) for <paramref name="states"/> and <paramref name="steps"/>.</summary>
    public static long RowBytes(int states, int steps) =>
        (long)(steps + 1) * states * (8 + states) * sizeof(double);

    public int N { get; }
    public int Capacity { get; }
    /// <summary>Steps actually recorded.</summary>
    public int Steps { get; private set; }
    public int StartYear { get; private set; }
    public ulong Seed { get; private set; }
    public long RunIndex { get; private set; }
    public string[] Names { get; }
    public bool[] IsGreedy { get; }
    public double[] Gdp { get; }
    public double[] MilitaryShare { get; }
    public double[] Milex { get; }
    public double[] Offense { get; }
    public double[] Defense { get; }
    public double[] Posture { get; }
    public double[] Security { get; }
    public double[] InternalThreat { get; }
    /// <summary>Belief of i about j at step t, at index (t·N + i)·N + j.</summary>
    public double[] Belief { get; }
    public EventLog Events { get; }

    public int Row(int step, int state) => step * N + state;
    /// <summary>The calendar year of row (or step) <paramref name="step"/>, <see cref="TimeConvention.Year"/>.</summary>
    public int Year(int step) => TimeConvention.Year(StartYear, step);
    public double BeliefAt(int step, int i, int j) => Belief[(step * N + i) * N + j];

    /// <summary>
    /// Sets what a run recorded besides its rows, for a record whose rows were copied in from a run computed elsewhere
    /// (another machine of a cluster, Spiral.Distributed).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> outside 0..<see cref="Capacity"/>.</exception>
    public void Restore(int steps, int startYear, ulong seed, long runIndex)
    {
        Steps = steps is >= 0 && steps <= Capacity
            ? steps
            : throw new ArgumentOutOfRangeException(nameof(steps), steps, $"expected 0..{Capacity} recorded steps");
        StartYear = startYear;
        Seed = seed;
        RunIndex = runIndex;
    }

    internal void Begin(World w, long runIndex)
    {
        Steps = 0;
        StartYear = w.Scenario.StartYear;
        Seed = w.Seed;
        RunIndex = runIndex;
        for (var i = 0; i < N; i++)
        {
            IsGreedy[i] = w.TrueTypeIsGreedy(i);
            Names[i] = w.Names[i];
        }
        Capture(w, 0);
    }

    internal void Capture(World w, int step)
    {
        var o = step * N;
        Array.Copy(w.Gdp, 0, Gdp, o, N);
        Array.Copy(w.MilitaryShare, 0, MilitaryShare, o, N);
        Array.Copy(w.Milex, 0, Milex, o, N);
        Array.Copy(w.Offense, 0, Offense, o, N);
        Array.Copy(w.Defense, 0, Defense, o, N);
        Array.Copy(w.Posture, 0, Posture, o, N);
        Array.Copy(w.Security, 0, Security, o, N);
        Array.Copy(w.InternalThreat, 0, InternalThreat, o, N);
        Array.Copy(w.Belief, 0, Belief, o * N, N * N);
        Steps = step;
    }
}
