using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Models;
using SocialOrder.Domain.Agreements;

namespace SocialOrder.Application.Agreements.MyProjects;

public sealed record MyProjectRow(Guid Id, string Number, string ProjectTitle, string CallReference, AgreementStatus Status, decimal TotalAmount, decimal PaidAmount, bool TranchePayable, DateOnly TermStart, DateOnly TermEnd);

/// <summary>The projects of every organization the applicant belongs to, once their agreement is issued; newest first.</summary>
public sealed record GetMyProjectsQuery(int Page = 1) : IQuery<PagedList<MyProjectRow>>;

public sealed class GetMyProjectsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetMyProjectsQuery, PagedList<MyProjectRow>>
{
    public async ValueTask<PagedList<MyProjectRow>> Handle(GetMyProjectsQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, Paging.DefaultPageSize);
        if (user.Id is not { } userId)
        {
            return new PagedList<MyProjectRow>([], page, size, 0);
        }

        var organizations = db.Organizations.AsNoTracking().Where(o => o.Members.Any(m => m.UserId == userId)).Select(o => o.Id);
        var rows = from a in db.Agreements.AsNoTracking()
                   join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                   where organizations.Contains(a.OrganizationId) && a.Status != AgreementStatus.Draft
                   select new { a, c.ReferenceNumber };
        var count = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(r => r.a.IssuedAt).ThenBy(r => r.a.Number)
            .Skip((page - 1) * size).Take(size)
            .Select(r => new { r.a.Id, r.a.Number, r.a.ProjectTitle, r.ReferenceNumber, r.a.Status, r.a.TotalAmount, r.a.PaidAmount, r.a.PayableSince, Start = r.a.Term.Start, End = r.a.Term.End })
            .ToListAsync(cancellationToken);
        return new PagedList<MyProjectRow>(
            [.. items.Select(r => new MyProjectRow(r.Id.Value, r.Number, r.ProjectTitle, r.ReferenceNumber, r.Status, r.TotalAmount, r.PaidAmount, r.PayableSince != null && r.Status == AgreementStatus.Accepted, r.Start, r.End))],
            page, size, count);
    }
}
