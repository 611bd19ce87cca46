using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Application.Standards.SaveStandardDraft;

public sealed record QualityIndicatorInput(
    string? Code, string? NameKk, string? NameRu, string? NameEn, string? UnitKk, string? UnitRu, string? UnitEn, string? MeasurementKk, string? MeasurementRu, string? MeasurementEn)
{
    public bool IsEmpty => new[] { Code, NameKk, NameRu, NameEn, UnitKk, UnitRu, UnitEn, MeasurementKk, MeasurementRu, MeasurementEn }.All(string.IsNullOrWhiteSpace);
}

public sealed record StandardCriterionInput(string? Code, string? NameKk, string? NameRu, string? NameEn, decimal? Weight)
{
    public bool IsEmpty => Weight is null && new[] { Code, NameKk, NameRu, NameEn }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Creates (no <see cref="StandardId"/>) or updates a draft standard. Property names match the form's fields. A draft
/// may be incomplete; publishing checks it whole.
/// </summary>
public sealed record SaveStandardDraftCommand(
    Guid? StandardId,
    string? Code,
    string? TitleKk, string? TitleRu, string? TitleEn,
    string? ServiceKk, string? ServiceRu, string? ServiceEn,
    string? StaffQualificationsKk, string? StaffQualificationsRu, string? StaffQualificationsEn,
    string? PremisesKk, string? PremisesRu, string? PremisesEn,
    string? HoursKk, string? HoursRu, string? HoursEn,
    string? AccessibilityKk, string? AccessibilityRu, string? AccessibilityEn,
    IReadOnlyList<QualityIndicatorInput> Indicators,
    IReadOnlyList<StandardCriterionInput> Criteria,
    decimal? UnitCostNorm,
    UnitCostBasis UnitCostBasis,
    decimal? EffectiveFrom,
    decimal? PartlyEffectiveFrom,
    int? PriorityAreaId) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("ServiceStandard", StandardId?.ToString());

    public StandardContent ToContent() => new(
        (Code ?? string.Empty).Trim().ToUpperInvariant(),
        StandardAccess.Text(TitleKk, TitleRu, TitleEn),
        StandardAccess.Text(ServiceKk, ServiceRu, ServiceEn),
        new StandardConditions(
            StandardAccess.Text(StaffQualificationsKk, StaffQualificationsRu, StaffQualificationsEn),
            StandardAccess.Text(PremisesKk, PremisesRu, PremisesEn),
            StandardAccess.Text(HoursKk, HoursRu, HoursEn),
            StandardAccess.Text(AccessibilityKk, AccessibilityRu, AccessibilityEn)),
        [.. Indicators.Where(i => !i.IsEmpty).Select(i => new QualityIndicator(
            (i.Code ?? string.Empty).Trim().ToUpperInvariant(),
            StandardAccess.Text(i.NameKk, i.NameRu, i.NameEn),
            StandardAccess.Text(i.UnitKk, i.UnitRu, i.UnitEn),
            StandardAccess.Text(i.MeasurementKk, i.MeasurementRu, i.MeasurementEn)))],
        [.. Criteria.Where(c => !c.IsEmpty).Select(c => new AssessmentCriterion(
            (c.Code ?? string.Empty).Trim().ToUpperInvariant(), StandardAccess.Text(c.NameKk, c.NameRu, c.NameEn), c.Weight ?? 0))],
        UnitCostNorm,
        UnitCostBasis,
        new GradeThresholds(EffectiveFrom ?? 0, PartlyEffectiveFrom ?? 0),
        PriorityAreaId is { } a ? new PriorityAreaId(a) : null);
}

public sealed class SaveStandardDraftCommandValidator : AbstractValidator<SaveStandardDraftCommand>
{
    public SaveStandardDraftCommandValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(20).Matches("^[A-Za-z0-9][A-Za-z0-9.\\-]*$").WithErrorCode("Standard.CodeInvalid");
        foreach (var (text, max) in new (System.Linq.Expressions.Expression<Func<SaveStandardDraftCommand, string?>>, int)[]
        {
            (c => c.TitleKk, 300), (c => c.TitleRu, 300), (c => c.TitleEn, 300),
            (c => c.ServiceKk, 10000), (c => c.ServiceRu, 10000), (c => c.ServiceEn, 10000),
            (c => c.StaffQualificationsKk, 4000), (c => c.StaffQualificationsRu, 4000), (c => c.StaffQualificationsEn, 4000),
            (c => c.PremisesKk, 4000), (c => c.PremisesRu, 4000), (c => c.PremisesEn, 4000),
            (c => c.HoursKk, 2000), (c => c.HoursRu, 2000), (c => c.HoursEn, 2000),
            (c => c.AccessibilityKk, 4000), (c => c.AccessibilityRu, 4000), (c => c.AccessibilityEn, 4000),
        })
        {
            RuleFor(text).MaximumLength(max).NoMarkup();
        }

        RuleFor(c => c.Indicators).Must(i => i.Count <= 30).WithErrorCode("Standard.TooManyRows");
        RuleForEach(c => c.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).MaximumLength(20).NoMarkup();
            i.RuleFor(x => x.NameKk).MaximumLength(300).NoMarkup();
            i.RuleFor(x => x.NameRu).MaximumLength(300).NoMarkup();
            i.RuleFor(x => x.NameEn).MaximumLength(300).NoMarkup();
            i.RuleFor(x => x.UnitKk).MaximumLength(50).NoMarkup();
            i.RuleFor(x => x.UnitRu).MaximumLength(50).NoMarkup();
            i.RuleFor(x => x.UnitEn).MaximumLength(50).NoMarkup();
            i.RuleFor(x => x.MeasurementKk).MaximumLength(1000).NoMarkup();
            i.RuleFor(x => x.MeasurementRu).MaximumLength(1000).NoMarkup();
            i.RuleFor(x => x.MeasurementEn).MaximumLength(1000).NoMarkup();
        });
        RuleFor(c => c.Criteria).Must(i => i.Count <= 20).WithErrorCode("Standard.TooManyRows");
        RuleForEach(c => c.Criteria).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).MaximumLength(20).NoMarkup();
            i.RuleFor(x => x.NameKk).MaximumLength(300).NoMarkup();
            i.RuleFor(x => x.NameRu).MaximumLength(300).NoMarkup();
            i.RuleFor(x => x.NameEn).MaximumLength(300).NoMarkup();
            i.RuleFor(x => x.Weight).GreaterThan(0).WithErrorCode("Standard.CriterionWeightNotPositive").LessThanOrEqualTo(100);
        });
        RuleFor(c => c.UnitCostNorm).GreaterThan(0).WithErrorCode("Standard.UnitCostNotPositive").LessThan(1_000_000_000m);
        RuleFor(c => c.UnitCostBasis).IsInEnum();
        RuleFor(c => c.EffectiveFrom).InclusiveBetween(0m, 100m);
        RuleFor(c => c.PartlyEffectiveFrom).InclusiveBetween(0m, 100m);
    }
}

public sealed class SaveStandardDraftCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<SaveStandardDraftCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveStandardDraftCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayRecordStandards())
        {
            return Result<Guid>.NotFound();
        }

        var content = command.ToContent();
        if (content.PriorityAreaId is { } area && !await db.PriorityAreas.AnyAsync(a => a.Id == area, cancellationToken))
        {
            return Result<Guid>.Invalid("Validation.UnknownPriorityArea", nameof(command.PriorityAreaId));
        }

        if (command.StandardId is not { } id)
        {
            if (await db.ServiceStandards.AnyAsync(s => s.Code == content.Code, cancellationToken))
            {
                return Result<Guid>.Invalid("Standard.CodeTaken", nameof(command.Code));
            }

            var standard = ServiceStandard.CreateDraft(content, user.Id!.Value, time.GetUtcNow());
            db.ServiceStandards.Add(standard);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Result<Guid>.Invalid("Standard.CodeTaken", nameof(command.Code));
            }

            return standard.Id.Value;
        }

        var standardId = new ServiceStandardId(id);
        var existing = await db.ServiceStandards.SingleOrDefaultAsync(s => s.Id == standardId, cancellationToken);
        if (existing is null)
        {
            return Result<Guid>.NotFound();
        }

        if (existing.Version == 1 && existing.Code != content.Code
            && await db.ServiceStandards.AnyAsync(s => s.Code == content.Code && s.Id != standardId, cancellationToken))
        {
            return Result<Guid>.Invalid("Standard.CodeTaken", nameof(command.Code));
        }

        existing.UpdateDraft(content);
        await db.SaveChangesAsync(cancellationToken);
        return existing.Id.Value;
    }
}
