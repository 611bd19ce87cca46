using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Calls.Drafts;

public sealed record CriterionInput(
    string? Code, string? NameKk, string? NameRu, string? GuidanceKk, string? GuidanceRu, int? MaxPoints, decimal? Weight, int? MinPoints,
    string? NameEn = null, string? GuidanceEn = null);

public sealed record DocumentInput(string? NameKk, string? NameRu, bool IsMandatory, string? AllowedTypes, string? NameEn = null);

/// <summary>
/// Creates (no <see cref="CallId"/>) or updates a draft call of the official's own state body. Property names match
/// the form's field names so that each message lands beside its field. Times are UTC.
/// </summary>
public sealed record SaveCallDraftCommand(
    Guid? CallId,
    string? TitleKk,
    string? TitleRu,
    string? TitleEn,
    string? SummaryKk,
    string? SummaryRu,
    string? SummaryEn,
    string? DescriptionKk,
    string? DescriptionRu,
    string? EligibilityKk,
    string? EligibilityRu,
    int? PriorityAreaId,
    int? RegionId,
    Instrument Instrument,
    decimal? Budget,
    decimal? MaxPerProject,
    int? DurationMonths,
    CallTerm Term,
    IReadOnlyList<decimal?> YearlyBudgets,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<DocumentInput> RequiredDocuments,
    IReadOnlyList<CriterionInput> Criteria,
    int ExpertsPerBid,
    decimal DivergenceThreshold,
    decimal MinimumTotalScore,
    bool ExpertsSeeOtherSheets = false,
    string? DescriptionEn = null,
    string? EligibilityEn = null,
    Guid? StandardId = null,
    int? PlannedBeneficiaries = null) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Call", CallId?.ToString());

    public CallContent ToContent() => new(
        Text(TitleKk, TitleRu, TitleEn),
        Text(SummaryKk, SummaryRu, SummaryEn),
        Text(DescriptionKk, DescriptionRu, DescriptionEn),
        Text(EligibilityKk, EligibilityRu, EligibilityEn),
        PriorityAreaId is { } a ? new PriorityAreaId(a) : null,
        RegionId is { } r ? new RegionId(r) : null,
        Instrument,
        Budget ?? 0,
        MaxPerProject ?? 0,
        DurationMonths ?? 0,
        Term,
        YearlyBudgets.Select((amount, i) => new YearlyBudget(i + 1, amount ?? 0)).ToList(),
        OpensAt,
        ClosesAt,
        RequiredDocuments.Select(d => new RequiredDocument(Text(d.NameKk, d.NameRu, d.NameEn), d.IsMandatory, FileTypes.Normalize(d.AllowedTypes))).ToList(),
        Criteria.Select(c => new Criterion(
            (c.Code ?? string.Empty).Trim().ToUpperInvariant(),
            Text(c.NameKk, c.NameRu, c.NameEn),
            Text(c.GuidanceKk, c.GuidanceRu, c.GuidanceEn),
            c.MaxPoints ?? 0,
            c.Weight ?? 0,
            c.MinPoints)).ToList(),
        ExpertsPerBid,
        DivergenceThreshold,
        MinimumTotalScore,
        ExpertsSeeOtherSheets,
        StandardId is { } standard ? new ServiceStandardId(standard) : null,
        PlannedBeneficiaries);

    private static LocalizedText Text(string? kk, string? ru, string? en) =>
        new((kk ?? string.Empty).Trim(), (ru ?? string.Empty).Trim(), string.IsNullOrWhiteSpace(en) ? null : en.Trim());
}

public sealed class SaveCallDraftCommandValidator : AbstractValidator<SaveCallDraftCommand>
{
    public SaveCallDraftCommandValidator()
    {
        RuleFor(c => c.TitleKk).MaximumLength(300).NoMarkup();
        RuleFor(c => c.TitleRu).MaximumLength(300).NoMarkup();
        RuleFor(c => c.TitleEn).MaximumLength(300).NoMarkup();
        RuleFor(c => c.SummaryKk).MaximumLength(2000).NoMarkup();
        RuleFor(c => c.SummaryRu).MaximumLength(2000).NoMarkup();
        RuleFor(c => c.SummaryEn).MaximumLength(2000).NoMarkup();
        RuleFor(c => c.DescriptionKk).MaximumLength(20000).NoMarkup();
        RuleFor(c => c.DescriptionRu).MaximumLength(20000).NoMarkup();
        RuleFor(c => c.EligibilityKk).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.EligibilityRu).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.DescriptionEn).MaximumLength(20000).NoMarkup();
        RuleFor(c => c.EligibilityEn).MaximumLength(10000).NoMarkup();
        RuleFor(c => c.Instrument).IsInEnum();
        RuleFor(c => c.Term).IsInEnum();
        RuleFor(c => c.Budget).GreaterThan(0).WithErrorCode("Call.BudgetNotPositive").LessThan(1_000_000_000_000m);
        RuleFor(c => c.MaxPerProject).GreaterThan(0).WithErrorCode("Call.MaxPerProjectNotPositive");
        RuleFor(c => c.MaxPerProject).LessThanOrEqualTo(c => c.Budget).WithErrorCode("Call.MaxPerProjectAboveBudget")
            .When(c => c.Budget is > 0 && c.MaxPerProject is not null);
        RuleFor(c => c.DurationMonths).InclusiveBetween(3, 36);
        RuleFor(c => c.DurationMonths)
            .Must((c, months) => months is null || (months >= CallTerms.MonthsFor(c.Term).Min && months <= CallTerms.MonthsFor(c.Term).Max))
            .WithErrorCode("Call.DurationOutsideTermShort");
        RuleFor(c => c.OpensAt).SupportedDate();
        RuleFor(c => c.ClosesAt).SupportedDate();
        RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).WithErrorCode("Call.WindowClosesBeforeOpens")
            .When(c => c.OpensAt is not null && c.ClosesAt is not null);
        RuleFor(c => c.YearlyBudgets)
            .Must((c, years) => Call.YearlyBudgetProblems(c.Term, c.DurationMonths ?? 0, c.Budget ?? 0, c.ToContent().YearlyBudgets).All(p => p.Code != "Call.YearlyBudgetsDoNotAddUp"))
            .WithErrorCode("Call.YearlyBudgetsDoNotAddUp")
            .When(c => c.Term == CallTerm.Long && c.YearlyBudgets.Any(y => y is not null) && c.Budget is > 0);
        RuleForEach(c => c.YearlyBudgets).GreaterThan(0).WithErrorCode("Call.YearlyBudgetNotPositive").When(c => c.Term == CallTerm.Long);
        RuleFor(c => c.Criteria).Must(c => c.Count <= 20).WithErrorCode("Call.TooManyCriteria");
        RuleForEach(c => c.Criteria).ChildRules(criterion =>
        {
            criterion.RuleFor(x => x.Code).MaximumLength(10).NoMarkup();
            criterion.RuleFor(x => x.NameKk).MaximumLength(300).NoMarkup();
            criterion.RuleFor(x => x.NameRu).MaximumLength(300).NoMarkup();
            criterion.RuleFor(x => x.GuidanceKk).MaximumLength(2000).NoMarkup();
            criterion.RuleFor(x => x.GuidanceRu).MaximumLength(2000).NoMarkup();
            criterion.RuleFor(x => x.NameEn).MaximumLength(300).NoMarkup();
            criterion.RuleFor(x => x.GuidanceEn).MaximumLength(2000).NoMarkup();
            criterion.RuleFor(x => x.MaxPoints).InclusiveBetween(1, 100);
            criterion.RuleFor(x => x.Weight).GreaterThan(0).WithErrorCode("Call.CriterionWeightNotPositive").LessThanOrEqualTo(100);
            criterion.RuleFor(x => x.MinPoints).GreaterThanOrEqualTo(0);
            criterion.RuleFor(x => x.MinPoints).LessThanOrEqualTo(x => x.MaxPoints).WithErrorCode("Call.CriterionMinAboveMax")
                .When(x => x.MaxPoints is not null && x.MinPoints is not null);
        });
        RuleFor(c => c.RequiredDocuments).Must(d => d.Count <= 30).WithErrorCode("Call.TooManyDocuments");
        RuleForEach(c => c.RequiredDocuments).ChildRules(document =>
        {
            document.RuleFor(x => x.NameKk).MaximumLength(300).NoMarkup();
            document.RuleFor(x => x.NameRu).MaximumLength(300).NoMarkup();
            document.RuleFor(x => x.NameEn).MaximumLength(300).NoMarkup();
            document.RuleFor(x => x.AllowedTypes).AllowedFileTypes();
        });
        RuleFor(c => c.ExpertsPerBid).InclusiveBetween(1, 9);
        RuleFor(c => c.DivergenceThreshold).InclusiveBetween(1m, 100m);
        RuleFor(c => c.MinimumTotalScore).InclusiveBetween(0m, 100m);
        RuleFor(c => c.PlannedBeneficiaries).GreaterThan(0).WithErrorCode("Call.PlannedBeneficiariesNotPositive").LessThanOrEqualTo(10_000_000);
    }
}

public sealed class SaveCallDraftCommandHandler(IAppDbContext db, ICurrentUser user, IReferenceNumbers numbers, TimeProvider time)
    : ICommandHandler<SaveCallDraftCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveCallDraftCommand command, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return Result<Guid>.NotFound();
        }

        var content = command.ToContent();
        if (content.PriorityAreaId is { } area && !await db.PriorityAreas.AnyAsync(a => a.Id == area, cancellationToken))
        {
            return Result<Guid>.Invalid("Validation.UnknownPriorityArea", nameof(command.PriorityAreaId));
        }

        if (content.RegionId is { } region && !await db.Regions.AnyAsync(r => r.Id == region, cancellationToken))
        {
            return Result<Guid>.Invalid("Validation.UnknownRegion", nameof(command.RegionId));
        }

        // A call links to a version the public can read: published, or superseded if it was linked before (publishing then asks for the current one).
        if (content.StandardId is { } standardId
            && !await db.ServiceStandards.AnyAsync(s => s.Id == standardId && s.Status != StandardStatus.Draft, cancellationToken))
        {
            return Result<Guid>.Invalid("Call.StandardUnknown", nameof(command.StandardId));
        }

        var now = time.GetUtcNow();
        var bodyId = new StateBodyId(body);
        if (command.CallId is not { } id)
        {
            var prefix = command.Instrument == Instrument.StateGrant ? "SG" : "SSO";
            var reference = await numbers.NextAsync(prefix, KazakhstanTime.ToLocal(now).Year, cancellationToken);
            var call = Call.CreateDraft(reference, bodyId, content, now);
            db.Calls.Add(call);
            await db.SaveChangesAsync(cancellationToken);
            return call.Id.Value;
        }

        var callId = new CallId(id);
        var existing = await db.Calls.SingleOrDefaultAsync(c => c.Id == callId && c.StateBodyId == bodyId, cancellationToken);
        if (existing is null)
        {
            return Result<Guid>.NotFound();
        }

        existing.UpdateDraft(content);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict("Rule.CallChangedByColleague");
        }

        return existing.Id.Value;
    }
}
