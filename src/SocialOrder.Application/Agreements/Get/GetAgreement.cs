using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Agreements.Get;

public sealed record TrancheRow(int Number, TrancheKind Kind, int Year, DateOnly PlannedOn, decimal Amount, int? AfterReport, TrancheStatus Status, bool Payable, TranchePayment? Payment);

public sealed record AgreementPage(
    Guid Id, string Number, Guid CallId, string CallReference, LocalizedText CallTitle, AgreementStatus Status, AgreementViewer Viewer,
    AgreementParties Parties, string ProjectTitle, AgreementTerm Term, IReadOnlyList<YearAmount> YearAmounts, decimal TotalAmount, decimal PaidAmount,
    decimal PayableAmount, IReadOnlyList<TrancheRow> Tranches, IReadOnlyList<ReportingPoint> Reports, IReadOnlyList<AgreementActivity> Activities,
    IReadOnlyList<AgreementIndicator> Indicators, DateTimeOffset? IssuedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? TerminatedAt, string? TerminationReason,
    bool HasPdf, int Version)
{
    public bool CanEditSchedules => Viewer == AgreementViewer.Official && Status == AgreementStatus.Draft;

    public bool CanIssue => CanEditSchedules;

    /// <summary>The budget lines copied from the bid (what the financial reports account against).</summary>
    public IReadOnlyList<AgreementBudgetLine> BudgetLines { get; init; } = [];

    public bool CanAccept => Viewer == AgreementViewer.OrganizationAdministrator && Status == AgreementStatus.Issued;

    public bool CanRecordPayment => Viewer == AgreementViewer.Official && Tranches.Any(t => t.Payable);

    public bool CanTerminate => Viewer == AgreementViewer.Official && Status is AgreementStatus.Draft or AgreementStatus.Issued or AgreementStatus.Accepted;
}

/// <summary>The agreement for the officials and observers of its body and the members of its organization; anyone else gets 404.</summary>
public sealed record GetAgreementQuery(Guid AgreementId) : IQuery<Result<AgreementPage>>;

public sealed class GetAgreementQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAgreementQuery, Result<AgreementPage>>
{
    public async ValueTask<Result<AgreementPage>> Handle(GetAgreementQuery query, CancellationToken cancellationToken)
    {
        if (await db.FindForReaderAsync(user, query.AgreementId, cancellationToken) is not { } found)
        {
            return Result<AgreementPage>.NotFound();
        }

        var (a, viewer) = found;
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == a.CallId).Select(c => new { c.ReferenceNumber, c.Title }).SingleAsync(cancellationToken);
        var tranches = a.Tranches.Select(t => new TrancheRow(t.Number, t.Kind, t.Year, t.PlannedOn, t.Amount, t.AfterReport, t.Status, a.IsPayable(t), t.Payment)).ToList();
        return new AgreementPage(
            a.Id.Value, a.Number, a.CallId.Value, call.ReferenceNumber, call.Title, a.Status, viewer, a.Parties, a.ProjectTitle, a.Term, a.YearAmounts, a.TotalAmount,
            a.PaidAmount, tranches.Where(t => t.Payable).Sum(t => t.Amount), tranches, a.Reports, a.Activities, a.Indicators, a.IssuedAt, a.AcceptedAt, a.TerminatedAt,
            a.TerminationReason, a.PdfRuFileId is not null, a.Version) { BudgetLines = a.BudgetLines };
    }
}
