namespace SocialOrder.Domain.Calls;

/// <summary>
/// The phase of a call from its stored columns, for read models that never load the aggregate; it must agree
/// with <see cref="Call.PhaseAt"/> (a unit test holds the two together).
/// </summary>
public static class CallPhases
{
    /// <summary>The phases the public may filter by; a draft is never public.</summary>
    public static IReadOnlyList<CallPhase> Public { get; } =
        [CallPhase.Upcoming, CallPhase.Open, CallPhase.Closed, CallPhase.Awarded, CallPhase.Cancelled];

    public static CallPhase Of(CallStatus status, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now) => status switch
    {
        CallStatus.Draft => CallPhase.Draft,
        CallStatus.Cancelled => CallPhase.Cancelled,
        CallStatus.Awarded => CallPhase.Awarded,
        _ when now < opensAt => CallPhase.Upcoming,
        _ when now < closesAt => CallPhase.Open,
        _ => CallPhase.Closed,
    };
}
