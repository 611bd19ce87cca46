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

namespace SocialOrder.Application.Evaluation.GetExpertCandidate;

public sealed record ExpertCandidateView(Guid UserId, string FullName, string Email, IReadOnlyList<int> PriorityAreaIds, IReadOnlyList<int> RegionIds, ExpertLanguages Languages, string Cv, int MaxBidsPerCall, ExpertStatus Status, DateTimeOffset ConsentedAt);

/// <summary>An expert candidate's profile, for the administrator deciding on them.</summary>
public sealed record GetExpertCandidateQuery(Guid UserId) : IQuery<ExpertCandidateView?>;

public sealed class GetExpertCandidateQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetExpertCandidateQuery, ExpertCandidateView?>
{
    public async ValueTask<ExpertCandidateView?> Handle(GetExpertCandidateQuery query, CancellationToken cancellationToken) =>
        !user.IsInRole(Roles.Administrator)
            ? null
            : await db.ExpertProfiles.AsNoTracking().Where(e => e.UserId == query.UserId)
                .Select(e => new ExpertCandidateView(e.UserId, e.FullName, e.Email, e.PriorityAreaIds, e.RegionIds, e.Languages, e.Cv, e.MaxBidsPerCall, e.Status, e.ConsentedAt))
                .SingleOrDefaultAsync(cancellationToken);
}
