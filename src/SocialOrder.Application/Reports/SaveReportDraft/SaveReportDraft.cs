using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.SaveReportDraft;

public sealed record ActivityProgressInput(ActivityProgress Progress, string? Explanation);

public sealed record IndicatorActualInput(decimal? Actual, string? Comment);

public sealed record BudgetSpendingInput(decimal? Spent, string? Explanation);

/// <summary>Autosave and explicit save of the report's draft; <see cref="Revision"/> is the one the editor started from.</summary>
public sealed record SaveReportDraftCommand(
    Guid ReportId, int Revision, IReadOnlyList<ActivityProgressInput> Activities, IReadOnlyList<IndicatorActualInput> Indicators,
    IReadOnlyList<BudgetSpendingInput> Budget, string? Narrative) : ICommand<Result<int>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Report", ReportId.ToString());

    public ReportEdit ToEdit() => new(
        [.. Activities.Select(a => new ActivityEdit(a.Progress, a.Explanation ?? string.Empty))],
        [.. Indicators.Select(i => new IndicatorEdit(i.Actual, i.Comment ?? string.Empty))],
        [.. Budget.Select(b => new BudgetEdit(b.Spent, b.Explanation ?? string.Empty))],
        Narrative ?? string.Empty);
}

public sealed class SaveReportDraftCommandValidator : AbstractValidator<SaveReportDraftCommand>
{
    public const decimal Limit = 1_000_000_000_000m;

    public SaveReportDraftCommandValidator()
    {
        RuleFor(c => c.Activities).Must(a => a.Count <= 200);
        RuleFor(c => c.Indicators).Must(a => a.Count <= 200);
        RuleFor(c => c.Budget).Must(a => a.Count <= 500);
        RuleFor(c => c.Narrative).MaximumLength(20000).NoMarkup();
        RuleForEach(c => c.Activities).ChildRules(a =>
        {
            a.RuleFor(x => x.Progress).IsInEnum();
            a.RuleFor(x => x.Explanation).MaximumLength(4000).NoMarkup();
        });
        RuleForEach(c => c.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Actual).GreaterThanOrEqualTo(0m).LessThan(Limit).Must(v => v is null || decimal.Round(v.Value, 4) == v.Value).WithErrorCode("Report.TooManyDecimals");
            i.RuleFor(x => x.Comment).MaximumLength(4000).NoMarkup();
        });
        RuleForEach(c => c.Budget).ChildRules(b =>
        {
            b.RuleFor(x => x.Spent).GreaterThanOrEqualTo(0m).LessThan(Limit).Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithErrorCode("Agreement.AmountInTiyn");
            b.RuleFor(x => x.Explanation).MaximumLength(4000).NoMarkup();
        });
    }
}

public sealed class SaveReportDraftCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SaveReportDraftCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SaveReportDraftCommand c, CancellationToken cancellationToken)
    {
        var report = await db.FindForMemberAsync(user, c.ReportId, cancellationToken);
        if (report is null)
        {
            return Result<int>.NotFound();
        }

        if (report.IsOpen && report.Revision != c.Revision)
        {
            return Result<int>.Conflict("Report.ChangedByColleague");
        }

        var status = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => a.Status).SingleAsync(cancellationToken);
        var before = await db.SpentBeforeAsync(report, cancellationToken);
        report.SaveDraft(status, c.ToEdit(), before, c.Revision, user.Id!.Value, time.GetUtcNow());
        return await db.TrySaveAsync(cancellationToken) ? report.Revision : Result<int>.Conflict("Report.ChangedByColleague");
    }
}
