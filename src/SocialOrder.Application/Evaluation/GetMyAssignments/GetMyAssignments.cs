using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Application.Evaluation.GetMyAssignments;

public sealed record MyAssignmentRow(
    Guid AssignmentId, string CallReference, LocalizedText CallTitle, string ReceiptNumber, string BidTitle, AssignmentStatus Status, SheetStatus Sheet,
    DateTimeOffset? DueAt, bool IsAdditional);

/// <summary>An expert's assignments, newest first; proposals not yet confirmed by the official are not shown.</summary>
public sealed record GetMyAssignmentsQuery : IQuery<IReadOnlyList<MyAssignmentRow>>;

public sealed class GetMyAssignmentsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyAssignmentsQuery, IReadOnlyList<MyAssignmentRow>>
{
    public async ValueTask<IReadOnlyList<MyAssignmentRow>> Handle(GetMyAssignmentsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id || !user.IsInRole(Roles.Expert))
        {
            return [];
        }

        var rows = await (from a in db.ExpertAssignments.AsNoTracking()
                          join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                          join b in db.Bids.AsNoTracking() on a.BidId equals b.Id
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where a.ExpertId == id && a.Status != AssignmentStatus.Proposed && s.Version == b.SubmissionCount
                          orderby a.AssignedAt descending, s.ReceiptNumber
                          select new { a.Id, c.ReferenceNumber, c.Title, s.ReceiptNumber, a.Status, a.SheetStatus, a.DueAt, a.IsAdditional, s.ContentJson })
            .Take(500).ToListAsync(cancellationToken);

        // The bid's title is shown only once the expert declared no conflict: before that they see the receipt number.
        return rows.Select(r => new MyAssignmentRow(
            r.Id, r.ReferenceNumber, r.Title, r.ReceiptNumber,
            r.Status is AssignmentStatus.Accepted ? SubmittedContent.Parse(r.ContentJson).Title : string.Empty,
            r.Status, r.SheetStatus, r.DueAt, r.IsAdditional)).ToList();
    }
}
