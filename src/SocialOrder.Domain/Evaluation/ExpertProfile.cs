using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Evaluation;

public enum ExpertStatus
{
    Pending,
    Approved,
    Rejected,
}

[Flags]
public enum ExpertLanguages
{
    None = 0,
    Kazakh = 1,
    Russian = 2,
}

/// <summary>A period (inclusive Kazakhstan dates) in which the expert takes no new assignments.</summary>
public sealed record Unavailability(DateOnly From, DateOnly To, string? Note);

/// <summary>
/// A person in the expert pool: what they know (priority areas, regions, languages), a short CV, their consent to the
/// code of conduct, how many bids of one call they can take, and when they are away. An administrator approves them.
/// </summary>
public sealed class ExpertProfile : Entity
{
    public const int MaxCapacity = 100;

    private ExpertProfile()
    {
        FullName = Email = Cv = string.Empty;
    }

    /// <summary>The account's id: one profile per person.</summary>
    public Guid UserId { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    public int[] PriorityAreaIds { get; private set; } = [];

    public int[] RegionIds { get; private set; } = [];

    public ExpertLanguages Languages { get; private set; }

    public string Cv { get; private set; }

    public DateTimeOffset ConsentedAt { get; private set; }

    public ExpertStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public int MaxBidsPerCall { get; private set; }

    public IReadOnlyList<Unavailability> Unavailability { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ExpertProfile Apply(Guid userId, string fullName, string email, IReadOnlyList<PriorityAreaId> areas, IReadOnlyList<RegionId> regions,
        ExpertLanguages languages, string cv, bool consent, int maxBidsPerCall, DateTimeOffset now)
    {
        var profile = new ExpertProfile { UserId = userId, Status = ExpertStatus.Pending, ConsentedAt = now };
        profile.Update(fullName, email, areas, regions, languages, cv, consent, maxBidsPerCall, now);
        return profile;
    }

    public void Update(string fullName, string email, IReadOnlyList<PriorityAreaId> areas, IReadOnlyList<RegionId> regions,
        ExpertLanguages languages, string cv, bool consent, int maxBidsPerCall, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(regions);
        CheckRule(new ExpertMustConsentRule(consent));
        CheckRule(new ExpertProfileMustBeCompleteRule(areas.Count, languages, cv));
        CheckRule(new ExpertCapacityMustBeSensibleRule(maxBidsPerCall));
        FullName = fullName.Trim();
        Email = email;
        PriorityAreaIds = [.. areas.Select(a => a.Value).Distinct().Order()];
        RegionIds = [.. regions.Select(r => r.Value).Distinct().Order()];
        Languages = languages;
        Cv = cv.Trim();
        MaxBidsPerCall = maxBidsPerCall;
        UpdatedAt = now;
    }

    public void Decide(bool approve, DateTimeOffset now)
    {
        CheckRule(new CandidacyIsDecidedOnceRule(Status));
        Status = approve ? ExpertStatus.Approved : ExpertStatus.Rejected;
        DecidedAt = now;
    }

    public void SetAvailability(int maxBidsPerCall, IReadOnlyList<Unavailability> periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(periods);
        CheckRule(new ExpertCapacityMustBeSensibleRule(maxBidsPerCall));
        CheckRule(new UnavailabilityPeriodsMustBeOrderedRule(periods));
        MaxBidsPerCall = maxBidsPerCall;
        Unavailability = [.. periods.OrderBy(p => p.From)];
        UpdatedAt = now;
    }

    /// <summary>True when no unavailability period overlaps the days [from, to].</summary>
    public bool IsAvailable(DateOnly from, DateOnly to) => !Unavailability.Any(p => p.From <= to && p.To >= from);
}

public sealed class ExpertMustConsentRule(bool consent) : IBusinessRule
{
    public bool IsBroken() => !consent;

    public string MessageKey => "Rule.ExpertConsentRequired";
}

public sealed class ExpertProfileMustBeCompleteRule(int areas, ExpertLanguages languages, string cv) : IBusinessRule
{
    public bool IsBroken() => areas == 0 || languages == ExpertLanguages.None || string.IsNullOrWhiteSpace(cv);

    public string MessageKey => "Rule.ExpertProfileIncomplete";
}

public sealed class ExpertCapacityMustBeSensibleRule(int capacity) : IBusinessRule
{
    public bool IsBroken() => capacity is < 1 or > ExpertProfile.MaxCapacity;

    public string MessageKey => "Rule.ExpertCapacityRange";
}

public sealed class UnavailabilityPeriodsMustBeOrderedRule(IReadOnlyList<Unavailability> periods) : IBusinessRule
{
    public bool IsBroken() => periods.Any(p => p.To < p.From);

    public string MessageKey => "Rule.UnavailabilityEndsBeforeStart";
}

public sealed class CandidacyIsDecidedOnceRule(ExpertStatus status) : IBusinessRule
{
    public bool IsBroken() => status != ExpertStatus.Pending;

    public string MessageKey => "Account.CandidacyAlreadyDecided";
}
