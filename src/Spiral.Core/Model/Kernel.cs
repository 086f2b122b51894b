using Spiral.Core.Model.Phases;

namespace Spiral.Core.Model;

/// <summary>
/// Advances a <see cref="World"/> by one step (one year) through the eight phases of DESIGN.md 3.2, always in
/// this order, one file each under <c>Model/Phases</c>. Decisions are simultaneous (double-buffered in phase 5).
/// A warm step allocates nothing.
/// </summary>
public static class Kernel
{
    public static void Step(World w)
    {
        TimelinePhase.Run(w);
        ObservePhase.Run(w);
        BelievePhase.Run(w);
        AssessPhase.Run(w);
        DecidePhase.Run(w);
        BudgetPhase.Run(w);
        CrisisPhase.Run(w);
        RecordPhase.Run(w);
        w.Step++;
    }
}
