using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Exports.ExportPayments;

public sealed record PaymentExportRow(
    string AgreementNumber, LocalizedText Organization, string OrganizationBin, string CallReference, int TrancheNumber, TrancheKind Kind, int Year,
    DateOnly PlannedOn, decimal TrancheAmount, DateOnly PaidOn, decimal PaidAmount, string PaymentOrderNumber);

/// <summary>
/// The tranches paid on the portfolio's agreements (the page's filters), oldest payment order first within each
/// agreement; agreements are read one at a time, each with its own small schedule.
/// </summary>
public sealed record ExportPaymentsQuery(PortfolioFilter Filter) : IQuery<IAsyncEnumerable<PaymentExportRow>?>;

public sealed class ExportPaymentsQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ExportPaymentsQuery, IAsyncEnumerable<PaymentExportRow>?>
{
    public ValueTask<IAsyncEnumerable<PaymentExportRow>?> Handle(ExportPaymentsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PortfolioSource.Rows(db, user, query.Filter) is { } rows ? Rows(rows, cancellationToken) : null);

    private static async IAsyncEnumerable<PaymentExportRow> Rows(IQueryable<PortfolioJoin> joined, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = joined
            .Where(r => r.Agreement.PaidAmount > 0)
            .OrderBy(r => r.Agreement.Number)
            .Select(r => new { r.Agreement.Number, r.Organization.Name, r.Organization.Bin, r.Call.ReferenceNumber, r.Agreement.Tranches })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            foreach (var t in r.Tranches.Where(t => t.IsPaid && t.Payment is not null).OrderBy(t => t.Payment!.PaidOn).ThenBy(t => t.Number))
            {
                yield return new PaymentExportRow(
                    r.Number, r.Name, r.Bin.Value, r.ReferenceNumber, t.Number, t.Kind, t.Year, t.PlannedOn, t.Amount, t.Payment!.PaidOn, t.Payment.Amount,
                    t.Payment.PaymentOrderNumber);
            }
        }
    }
}
