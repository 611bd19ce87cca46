using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Auditing;
using SocialOrder.Domain.Awards;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Identity;

namespace SocialOrder.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<PriorityArea> PriorityAreas => Set<PriorityArea>();

    public DbSet<StateBody> StateBodies => Set<StateBody>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<Clarification> Clarifications => Set<Clarification>();

    public DbSet<CallSubscription> CallSubscriptions => Set<CallSubscription>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<BidSubmission> BidSubmissions => Set<BidSubmission>();

    public DbSet<ExpertProfile> ExpertProfiles => Set<ExpertProfile>();

    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();

    public DbSet<AwardDecision> AwardDecisions => Set<AwardDecision>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Domain.Reports.Report> Reports => Set<Domain.Reports.Report>();
    public DbSet<SocialOrder.Domain.Agreements.Monitoring.MonitoringVisit> MonitoringVisits => Set<SocialOrder.Domain.Agreements.Monitoring.MonitoringVisit>();

    public DbSet<SocialOrder.Domain.Agreements.Monitoring.SentReminder> SentReminders => Set<SocialOrder.Domain.Agreements.Monitoring.SentReminder>();
    public DbSet<SocialOrder.Domain.Accounts.SignInAttempt> SignInAttempts => Set<SocialOrder.Domain.Accounts.SignInAttempt>();
    public DbSet<SocialOrder.Domain.Verification.IssuedDocument> IssuedDocuments => Set<SocialOrder.Domain.Verification.IssuedDocument>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<SocialOrder.Domain.Standards.ServiceStandard> ServiceStandards => Set<SocialOrder.Domain.Standards.ServiceStandard>();

    public DbSet<SocialOrder.Domain.Feedback.FeedbackChannel> FeedbackChannels => Set<SocialOrder.Domain.Feedback.FeedbackChannel>();

    public DbSet<SocialOrder.Domain.Feedback.BeneficiaryFeedback> BeneficiaryFeedback => Set<SocialOrder.Domain.Feedback.BeneficiaryFeedback>();
    public DbSet<Appeal> Appeals => Set<Appeal>();

    /// <summary>The ASP.NET Core data protection key ring, shared by every node (cookies, antiforgery, reset links).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Lock first, then read with an ordinary query: under READ COMMITTED the read sees the latest committed row.
    public async Task<Call?> LockCallAsync(CallId id, CancellationToken cancellationToken)
    {
        await Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM calls WHERE id = {id.Value} FOR SHARE", cancellationToken);
        return await Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task<Bid?> LockBidAsync(BidId id, CancellationToken cancellationToken)
    {
        await Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM bids WHERE id = {id.Value} FOR UPDATE", cancellationToken);
        return await Bids.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
    }

    public async Task<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken) =>
        await Database.BeginTransactionAsync(cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) =>
        Database.CurrentTransaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public IQueryable<UserSummary> QueryUsers(string? role)
    {
        var users = Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(role))
        {
            var normalized = role.ToUpperInvariant();
            users = users.Where(u => UserRoles.Any(ur => ur.UserId == u.Id && Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }

        return users.Select(u => new UserSummary
        {
            Id = u.Id,
            Email = u.Email!,
            FullName = u.FullName,
            EmailConfirmed = u.EmailConfirmed,
            StateBodyId = u.StateBodyId,
            ExpertCandidacy = u.ExpertCandidacy,
            LockoutEnd = u.LockoutEnd,
            TwoFactorEnabled = u.TwoFactorEnabled,
            CreatedAt = u.CreatedAt,
            PreferredCulture = u.PreferredCulture,
            DeactivatedAt = u.DeactivatedAt,
            Roles = UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                .OrderBy(n => n)
                .ToList(),
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
