namespace Spiral.Core.Model.Phases;

/// <summary>
/// Phase 1 (DESIGN.md 3.2): the scenario's events dated this year, applied by <see cref="TimelineEffects"/>
/// before anyone observes, so a scripted shock is seen in the same year.
/// </summary>
public static class TimelinePhase
{
    public static void Run(World w)
    {
        var timeline = w.Scenario.Timeline;
        for (var e = 0; e < timeline.Count; e++)
        {
            var ev = timeline[e];
            if (ev.Year == w.Year)
            {
                w.ScriptedContext = true;
                try
                {
                    TimelineEffects.Apply(w, ev);
                }
                finally
                {
                    w.ScriptedContext = false;
                }
            }
        }
    }
}
