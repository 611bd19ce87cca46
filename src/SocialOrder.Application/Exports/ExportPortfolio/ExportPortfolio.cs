using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Exports.ExportPortfolio;

public sealed record PortfolioExportRow(
    string Number, string ProjectTitle, LocalizedText Organization, string OrganizationBin, string CallReference, AgreementStatus Status,
    DateOnly TermStart, DateOnly TermEnd, decimal TotalAmount, decimal PaidAmount);

/// <summary>
/// The agreements portfolio (<c>/Organizer/Agreements</c>) with the page's filters, every page at once, read row by row
/// as the file is written; null for anyone but an official of a body.
/// </summary>
public sealed record ExportPortfolioQuery(PortfolioFilter Filter) : IQuery<IAsyncEnumerable<PortfolioExportRow>?>;

public sealed class ExportPortfolioQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ExportPortfolioQuery, IAsyncEnumerable<PortfolioExportRow>?>
{
    public ValueTask<IAsyncEnumerable<PortfolioExportRow>?> Handle(ExportPortfolioQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PortfolioSource.Rows(db, user, query.Filter) is { } rows ? Rows(rows, cancellationToken) : null);

    private static async IAsyncEnumerable<PortfolioExportRow> Rows(IQueryable<PortfolioJoin> joined, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = joined
            .OrderBy(r => r.Agreement.Number)
            .Select(r => new
            {
                r.Agreement.Number, r.Agreement.ProjectTitle, r.Organization.Name, r.Organization.Bin, r.Call.ReferenceNumber, r.Agreement.Status,
                TermStart = r.Agreement.Term.Start, TermEnd = r.Agreement.Term.End, r.Agreement.TotalAmount, r.Agreement.PaidAmount,
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new PortfolioExportRow(
                r.Number, r.ProjectTitle, r.Name, r.Bin.Value, r.ReferenceNumber, r.Status, r.TermStart, r.TermEnd, r.TotalAmount, r.PaidAmount);
        }
    }
}
