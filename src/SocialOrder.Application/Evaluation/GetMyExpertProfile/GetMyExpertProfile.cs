using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.SaveExpertProfile;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation.GetMyExpertProfile;

public sealed record ExpertProfileView(ExpertProfileForm Form, ExpertStatus? Status, string? Candidacy, IReadOnlyList<Unavailability> Unavailability);

public sealed record GetMyExpertProfileQuery : IQuery<ExpertProfileView?>;

public sealed class GetMyExpertProfileQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyExpertProfileQuery, ExpertProfileView?>
{
    public async ValueTask<ExpertProfileView?> Handle(GetMyExpertProfileQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return null;
        }

        var candidacy = await db.QueryUsers(null).Where(u => u.Id == id).Select(u => u.ExpertCandidacy).SingleOrDefaultAsync(cancellationToken);
        if (candidacy is null)
        {
            return null;
        }

        var p = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == id, cancellationToken);
        return p is null
            ? new ExpertProfileView(new ExpertProfileForm([], [], false, false, string.Empty, false, 10), null, candidacy, [])
            : new ExpertProfileView(
                new ExpertProfileForm(p.PriorityAreaIds, p.RegionIds, p.Languages.HasFlag(ExpertLanguages.Kazakh), p.Languages.HasFlag(ExpertLanguages.Russian), p.Cv, true, p.MaxBidsPerCall),
                p.Status, candidacy, p.Unavailability);
    }
}
