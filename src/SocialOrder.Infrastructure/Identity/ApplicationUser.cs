using Microsoft.AspNetCore.Identity;

namespace SocialOrder.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>For officials and observers: the state body they act for.</summary>
    public Guid? StateBodyId { get; set; }

    /// <summary>Null, or Pending / Approved / Rejected for a person who registered as an expert candidate.</summary>
    public string? ExpertCandidacy { get; set; }

    public string PreferredCulture { get; set; } = "ru";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an administrator deactivated the account (ADR 31): it cannot sign in and its sessions end.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}
