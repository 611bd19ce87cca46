using System.Security.Cryptography;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Calls;

/// <summary>A saved search: e-mail me when a call for this region and priority area is published. Double opt-in.</summary>
public sealed class CallSubscription
{
    private CallSubscription()
    {
        Email = Culture = Token = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; }

    public RegionId? RegionId { get; private set; }

    public PriorityAreaId? PriorityAreaId { get; private set; }

    public string Culture { get; private set; }

    /// <summary>The secret in the confirmation and unsubscribe links.</summary>
    public string Token { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public static CallSubscription Create(string email, RegionId? region, PriorityAreaId? area, string culture, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return new CallSubscription
        {
            Id = Guid.CreateVersion7(),
            Email = email.Trim().ToLowerInvariant(),
            RegionId = region,
            PriorityAreaId = area,
            Culture = culture,
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            CreatedAt = now,
        };
    }

    public void Confirm(DateTimeOffset now) => ConfirmedAt ??= now;

    public bool Matches(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (RegionId is null || call.RegionId is null || RegionId == call.RegionId)
            && (PriorityAreaId is null || PriorityAreaId == call.PriorityAreaId);
    }
}
