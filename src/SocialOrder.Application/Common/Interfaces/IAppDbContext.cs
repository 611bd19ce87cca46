using Microsoft.EntityFrameworkCore;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Accounts;
using SocialOrder.Domain.Auditing;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Feedback;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Common.Interfaces;

public interface IAppDbContext
{
    DbSet<Region> Regions { get; }

    DbSet<PriorityArea> PriorityAreas { get; }

    DbSet<StateBody> StateBodies { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<Call> Calls { get; }

    DbSet<Clarification> Clarifications { get; }

    DbSet<CallSubscription> CallSubscriptions { get; }

    DbSet<Organization> Organizations { get; }

    DbSet<Bid> Bids { get; }

    DbSet<BidSubmission> BidSubmissions { get; }

    DbSet<ExpertProfile> ExpertProfiles { get; }

    DbSet<ExpertAssignment> ExpertAssignments { get; }

    DbSet<AwardDecision> AwardDecisions { get; }

    DbSet<Agreement> Agreements { get; }

    DbSet<Domain.Reports.Report> Reports { get; }
    DbSet<Domain.Agreements.Monitoring.MonitoringVisit> MonitoringVisits { get; }

    DbSet<Domain.Agreements.Monitoring.SentReminder> SentReminders { get; }
    DbSet<SignInAttempt> SignInAttempts { get; }
    DbSet<IssuedDocument> IssuedDocuments { get; }

    DbSet<AuditHead> AuditHeads { get; }

    DbSet<ServiceStandard> ServiceStandards { get; }

    DbSet<FeedbackChannel> FeedbackChannels { get; }

    DbSet<BeneficiaryFeedback> BeneficiaryFeedback { get; }
    DbSet<Appeal> Appeals { get; }

    /// <summary>Reads the call inside the current transaction with a share lock, so a deadline moved by a concurrent amendment is seen.</summary>
    Task<Call?> LockCallAsync(CallId id, CancellationToken cancellationToken);

    /// <summary>Reads the bid with a row lock: concurrent submits of one bid queue up instead of racing.</summary>
    Task<Bid?> LockBidAsync(BidId id, CancellationToken cancellationToken);

    Task<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Accounts, optionally only those holding a role, projected for lists (no tracking).</summary>
    IQueryable<UserSummary> QueryUsers(string? role);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}

/// <summary>A read-only projection of an account for lists; the Identity store stays in Infrastructure.</summary>
public sealed class UserSummary
{
    public Guid Id { get; init; }

    public string Email { get; init; } = string.Empty;

    public string FullName { get; init; } = string.Empty;

    public bool EmailConfirmed { get; init; }

    public Guid? StateBodyId { get; init; }

    public string? ExpertCandidacy { get; init; }

    public DateTimeOffset? LockoutEnd { get; init; }

    public bool TwoFactorEnabled { get; init; }

    /// <summary>The language the account chose (ru, kk, en); ru when none was chosen.</summary>
    public string PreferredCulture { get; init; } = "ru";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeactivatedAt { get; init; }

    public List<string> Roles { get; init; } = [];
}
