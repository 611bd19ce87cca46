using System.Net;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Evaluation;

internal static class EvaluationAccess
{
    /// <summary>Organizations an expert may not evaluate: those they belong to and those they declared a conflict with before.</summary>
    public static async Task<ILookup<Guid, OrganizationId>> ConflictsAsync(this IAppDbContext db, IReadOnlyCollection<Guid> expertIds, CancellationToken cancellationToken)
    {
        var members = await db.Organizations.AsNoTracking().SelectMany(o => o.Members.Where(m => expertIds.Contains(m.UserId)).Select(m => new { m.UserId, o.Id }))
            .ToListAsync(cancellationToken);
        var declared = await db.ExpertAssignments.AsNoTracking().Where(a => expertIds.Contains(a.ExpertId) && a.Status == AssignmentStatus.Recused)
            .Select(a => new { UserId = a.ExpertId, Id = a.OrganizationId }).ToListAsync(cancellationToken);
        return members.Concat(declared).Distinct().ToLookup(x => x.UserId, x => x.Id);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(KazakhstanTime.ToLocal(time.GetUtcNow()).DateTime);
}
