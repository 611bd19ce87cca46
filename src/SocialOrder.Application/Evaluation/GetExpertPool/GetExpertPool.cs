using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.GetExpertPool;

public sealed record ExpertPoolRow(
    Guid UserId, string FullName, string Email, IReadOnlyList<int> PriorityAreaIds, IReadOnlyList<int> RegionIds, ExpertLanguages Languages,
    int MaxBidsPerCall, int OpenAssignments, int LoadInCall, bool AvailableNow, string Cv);

public sealed record GetExpertPoolQuery(int? PriorityAreaId, int? RegionId, string? Language, string? Search, Guid? CallId, int Page = 1) : IQuery<PagedList<ExpertPoolRow>?>;

/// <summary>Officials (and administrators) browse approved experts with filters and see each one's current load.</summary>
public sealed class GetExpertPoolQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetExpertPoolQuery, PagedList<ExpertPoolRow>?>
{
    public async ValueTask<PagedList<ExpertPoolRow>?> Handle(GetExpertPoolQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Official) && !user.IsInRole(Roles.Administrator))
        {
            return null;
        }

        var experts = db.ExpertProfiles.AsNoTracking().Where(e => e.Status == ExpertStatus.Approved);
        if (query.PriorityAreaId is { } area)
        {
            experts = experts.Where(e => e.PriorityAreaIds.Contains(area));
        }

        if (query.RegionId is { } region)
        {
            experts = experts.Where(e => e.RegionIds.Contains(region));
        }

        if (query.Language is "kk" or "ru")
        {
            var flag = query.Language == "kk" ? ExpertLanguages.Kazakh : ExpertLanguages.Russian;
            experts = experts.Where(e => (e.Languages & flag) == flag);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            experts = experts.Where(e => e.FullName.ToLower().Contains(term) || e.Email.ToLower().Contains(term));
        }

        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        var total = await experts.CountAsync(cancellationToken);
        var callId = query.CallId is { } c ? new Domain.Calls.CallId(c) : (Domain.Calls.CallId?)null;
        var rows = await experts.OrderBy(e => e.FullName).ThenBy(e => e.UserId).Skip((page - 1) * size).Take(size)
            .Select(e => new
            {
                e.UserId, e.FullName, e.Email, e.PriorityAreaIds, e.RegionIds, e.Languages, e.MaxBidsPerCall, e.Unavailability, e.Cv,
                Open = db.ExpertAssignments.Count(a => a.ExpertId == e.UserId &&
                    (a.Status == AssignmentStatus.Proposed || a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted) && a.SheetStatus != SheetStatus.Submitted),
                InCall = callId == null ? 0 : db.ExpertAssignments.Count(a => a.ExpertId == e.UserId && a.CallId == callId &&
                    (a.Status == AssignmentStatus.Proposed || a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Accepted)),
            })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Domain.Common.KazakhstanTime.ToLocal(time.GetUtcNow()).DateTime);
        return new PagedList<ExpertPoolRow>(
            rows.Select(r => new ExpertPoolRow(
                r.UserId, r.FullName, r.Email, r.PriorityAreaIds, r.RegionIds, r.Languages, r.MaxBidsPerCall, r.Open, r.InCall,
                !r.Unavailability.Any(p => p.From <= today && p.To >= today), r.Cv)).ToList(),
            page, size, total);
    }
}
