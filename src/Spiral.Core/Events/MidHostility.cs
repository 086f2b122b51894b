namespace Spiral.Core.Events;

/// <summary>
/// The hostility levels of the Militarized Interstate Dispute data that <see cref="SimEvent.Mid"/> carries (Palmer et
/// al. 2022, MID 5.0): 0 when the event is not a crisis event, 1 (no militarized action) never occurs in a crisis.
/// </summary>
public static class MidHostility
{
    /// <summary>Threat to use force (level 2).</summary>
    public const byte Threat = 2;
    /// <summary>Display of force (level 3).</summary>
    public const byte Display = 3;
    /// <summary>Use of force below war (level 4), with or without fatalities.</summary>
    public const byte UseOfForce = 4;
    /// <summary>War: 1,000 or more battle deaths (level 5; COW).</summary>
    public const byte War = 5;
}
