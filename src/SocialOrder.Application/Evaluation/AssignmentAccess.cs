using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation;

internal static class AssignmentAccess
{
    /// <summary>The assignment if it belongs to the current expert and has been confirmed; otherwise null (404).</summary>
    public static async Task<ExpertAssignment?> FindOwnAsync(IAppDbContext db, ICurrentUser user, Guid assignmentId, CancellationToken cancellationToken, bool track = true)
    {
        if (user.Id is not { } id || !user.IsInRole(Roles.Expert))
        {
            return null;
        }

        var set = track ? db.ExpertAssignments : db.ExpertAssignments.AsNoTracking();
        return await set.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ExpertId == id && a.Status != AssignmentStatus.Proposed, cancellationToken);
    }

    public static JustificationPolicy Policy(this CallOptions options) => new(options.MinimumJustification, options.JustificationAtExtremes);

    public static IReadOnlyList<Error> Errors(IReadOnlyList<SheetProblem> problems) =>
        problems.Select(p => new Error(p.Code, $"Scores[{p.CriterionIndex}].{p.Field}", p.Arg is null ? null : [p.Arg])).ToList();
}
