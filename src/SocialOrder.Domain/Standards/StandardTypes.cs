using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Standards;

public readonly record struct ServiceStandardId(Guid Value)
{
    public static ServiceStandardId New() => new(Guid.CreateVersion7());
}

/// <summary>Draft (edited), Published (the version new calls link to), Superseded (a later version was published; old calls keep it).</summary>
public enum StandardStatus
{
    Draft,
    Published,
    Superseded,
}

/// <summary>What the unit cost norm is counted per.</summary>
public enum UnitCostBasis
{
    PerBeneficiary,
    PerServiceUnit,
}

public enum Grade
{
    Effective,
    PartlyEffective,
    Ineffective,
}

/// <summary>The conditions the service is delivered in.</summary>
public sealed record StandardConditions(LocalizedText StaffQualifications, LocalizedText Premises, LocalizedText Hours, LocalizedText Accessibility);

/// <summary>A quality indicator: its code is how a bid's indicator names it (ADR 26).</summary>
public sealed record QualityIndicator(string Code, LocalizedText Name, LocalizedText Unit, LocalizedText Measurement);

/// <summary>An assessment criterion and its weight; the weights of a standard add up to 100.</summary>
public sealed record AssessmentCriterion(string Code, LocalizedText Name, decimal Weight);

/// <summary>Total score (0–100) from which a project is graded effective, and from which partly effective; below: ineffective.</summary>
public sealed record GradeThresholds(decimal EffectiveFrom, decimal PartlyEffectiveFrom)
{
    public Grade GradeOf(decimal total) => total >= EffectiveFrom ? Grade.Effective : total >= PartlyEffectiveFrom ? Grade.PartlyEffective : Grade.Ineffective;
}

/// <summary>Everything an administrator types into the standard's form.</summary>
public sealed record StandardContent(
    string Code,
    LocalizedText Title,
    LocalizedText Service,
    StandardConditions Conditions,
    IReadOnlyList<QualityIndicator> Indicators,
    IReadOnlyList<AssessmentCriterion> Criteria,
    decimal? UnitCostNorm,
    UnitCostBasis UnitCostBasis,
    GradeThresholds Thresholds,
    ReferenceData.PriorityAreaId? PriorityAreaId);

/// <summary>A problem that stops a draft standard from being published; the field names the form field.</summary>
public sealed record StandardProblem(string Code, string? Field = null, object? Arg = null);

/// <summary>
/// What the standards say about a call being published: whether its priority area has a published standard (then the
/// call must link to one), and whether the version it links to is still the current one (a new call follows the current version).
/// </summary>
public sealed record StandardRequirement(bool AreaHasStandard, bool LinkedIsCurrent)
{
    public static StandardRequirement None { get; } = new(false, true);
}
