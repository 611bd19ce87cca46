using System.Text.RegularExpressions;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Domain.Standards;

/// <summary>
/// One version of a state social order standard: the content, conditions and quality indicators of a service, the
/// criteria (weights adding up to 100) and thresholds to assess it, and an optional unit cost norm. A draft is edited;
/// a published version never is: a new version is drafted from it (same code, version + 1) and, once published,
/// supersedes it for new calls. Calls link to the version row, so a call keeps the version it was published with.
/// </summary>
public sealed partial class ServiceStandard : Entity
{
    public const decimal TotalWeight = 100m;

    private ServiceStandard()
    {
        Code = string.Empty;
        Title = Service = null!;
        Conditions = null!;
        Thresholds = null!;
    }

    public ServiceStandardId Id { get; private set; }

    public string Code { get; private set; }

    public int Version { get; private set; }

    public StandardStatus Status { get; private set; }

    public LocalizedText Title { get; private set; }

    public LocalizedText Service { get; private set; }

    public StandardConditions Conditions { get; private set; }

    public IReadOnlyList<QualityIndicator> Indicators { get; private set; } = [];

    public IReadOnlyList<AssessmentCriterion> Criteria { get; private set; } = [];

    public decimal? UnitCostNorm { get; private set; }

    public UnitCostBasis UnitCostBasis { get; private set; }

    public GradeThresholds Thresholds { get; private set; }

    /// <summary>The priority area this standard covers: a call of that area must link to a published standard.</summary>
    public PriorityAreaId? PriorityAreaId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public StandardContent Content => new(Code, Title, Service, Conditions, Indicators, Criteria, UnitCostNorm, UnitCostBasis, Thresholds, PriorityAreaId);

    public static ServiceStandard CreateDraft(StandardContent content, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var standard = new ServiceStandard
        {
            Id = ServiceStandardId.New(),
            Version = 1,
            Status = StandardStatus.Draft,
            CreatedAt = now,
            CreatedBy = userId,
        };
        standard.Apply(content);
        return standard;
    }

    public void UpdateDraft(StandardContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckRule(new APublishedStandardIsNeverEditedRule(Status));

        // The code names the standard across its versions: a later version keeps it.
        Apply(Version > 1 ? content with { Code = Code } : content);
    }

    /// <summary>A new draft version copied from this published one: same code, the next version number.</summary>
    public ServiceStandard NewVersion(Guid userId, DateTimeOffset now)
    {
        CheckRule(new ANewVersionIsMadeFromThePublishedOneRule(Status));
        var draft = new ServiceStandard
        {
            Id = ServiceStandardId.New(),
            Version = Version + 1,
            Status = StandardStatus.Draft,
            CreatedAt = now,
            CreatedBy = userId,
        };
        draft.Apply(Content);
        return draft;
    }

    /// <summary>Everything that stops this draft from being published.</summary>
    public IReadOnlyList<StandardProblem> PublishProblems()
    {
        var p = new List<StandardProblem>();
        if (Status != StandardStatus.Draft)
        {
            p.Add(new("Standard.OnlyDraftEdited"));
            return p;
        }

        if (!CodeFormat().IsMatch(Code))
        {
            p.Add(new("Standard.CodeInvalid", "Code"));
        }

        RequireBoth(p, Title, "Title");
        RequireBoth(p, Service, "Service");
        RequireBoth(p, Conditions.StaffQualifications, "StaffQualifications");
        RequireBoth(p, Conditions.Premises, "Premises");
        RequireBoth(p, Conditions.Hours, "Hours");
        RequireBoth(p, Conditions.Accessibility, "Accessibility");

        if (Indicators.Count == 0)
        {
            p.Add(new("Standard.NoIndicators", "Indicators"));
        }

        for (var i = 0; i < Indicators.Count; i++)
        {
            var x = Indicators[i];
            if (!CodeFormat().IsMatch(x.Code) || Blank(x.Name) || Blank(x.Unit) || Blank(x.Measurement))
            {
                p.Add(new("Standard.IndicatorIncomplete", $"Indicators[{i}].Code", i + 1));
            }
        }

        if (Indicators.GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            p.Add(new("Standard.IndicatorCodesNotUnique", "Indicators"));
        }

        p.AddRange(WeightProblems(Criteria));
        p.AddRange(ThresholdProblems(Thresholds));

        if (UnitCostNorm is { } norm && norm <= 0)
        {
            p.Add(new("Standard.UnitCostNotPositive", "UnitCostNorm"));
        }

        return p;
    }

    /// <summary>Criteria: at least one, each named with a positive weight, codes unique, weights adding up to exactly 100.</summary>
    public static IEnumerable<StandardProblem> WeightProblems(IReadOnlyList<AssessmentCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0)
        {
            yield return new("Standard.NoCriteria", "Criteria");
            yield break;
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (!CodeFormat().IsMatch(c.Code) || Blank(c.Name))
            {
                yield return new("Standard.CriterionIncomplete", $"Criteria[{i}].Code", i + 1);
            }

            if (c.Weight <= 0)
            {
                yield return new("Standard.CriterionWeightNotPositive", $"Criteria[{i}].Weight", i + 1);
            }
        }

        if (criteria.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            yield return new("Standard.CriterionCodesNotUnique", "Criteria");
        }

        var sum = criteria.Sum(c => c.Weight);
        if (sum != TotalWeight)
        {
            yield return new("Standard.WeightsNot100", "Criteria", sum);
        }
    }

    /// <summary>0 &lt; partly effective &lt; effective ≤ 100.</summary>
    public static IEnumerable<StandardProblem> ThresholdProblems(GradeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.EffectiveFrom is <= 0 or > 100)
        {
            yield return new("Standard.ThresholdOutOfRange", "EffectiveFrom");
        }

        if (thresholds.PartlyEffectiveFrom is <= 0 or > 100)
        {
            yield return new("Standard.ThresholdOutOfRange", "PartlyEffectiveFrom");
        }
        else if (thresholds.PartlyEffectiveFrom >= thresholds.EffectiveFrom)
        {
            yield return new("Standard.ThresholdsOutOfOrder", "PartlyEffectiveFrom");
        }
    }

    /// <summary>Publishes this draft; the version it supersedes (the code's published one, if any) stays for the calls that link to it.</summary>
    public void Publish(ServiceStandard? current, DateTimeOffset now)
    {
        CheckRule(new StandardMustBeCompleteToPublishRule(PublishProblems()));
        if (current is not null)
        {
            CheckRule(new OnlyTheSameCodeIsSupersededRule(Code, current.Code, current.Status));
            current.Status = StandardStatus.Superseded;
            current.SupersededAt = now;
        }

        Status = StandardStatus.Published;
        PublishedAt = now;
    }

    /// <summary>The grade of a total score (0–100) by this standard's thresholds.</summary>
    public Grade GradeOf(decimal total) => Thresholds.GradeOf(total);

    /// <summary>A budget this low cannot pay the norm for the planned beneficiaries (only a per-beneficiary norm is compared).</summary>
    public decimal? MinimumBudgetFor(int? plannedBeneficiaries) =>
        UnitCostNorm is { } norm && UnitCostBasis == UnitCostBasis.PerBeneficiary && plannedBeneficiaries is > 0 ? norm * plannedBeneficiaries.Value : null;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9.\\-]{0,19}$")]
    private static partial Regex CodeFormat();

    private static bool Blank(LocalizedText text) => string.IsNullOrWhiteSpace(text.Kk) || string.IsNullOrWhiteSpace(text.Ru);

    private static void RequireBoth(List<StandardProblem> problems, LocalizedText text, string field)
    {
        if (string.IsNullOrWhiteSpace(text.Kk))
        {
            problems.Add(new("Standard.TextMissingKk", field + "Kk"));
        }

        if (string.IsNullOrWhiteSpace(text.Ru))
        {
            problems.Add(new("Standard.TextMissingRu", field + "Ru"));
        }
    }

    private void Apply(StandardContent c)
    {
        Code = (c.Code ?? string.Empty).Trim().ToUpperInvariant();
        Title = c.Title;
        Service = c.Service;
        Conditions = c.Conditions;
        Indicators = [.. c.Indicators.Select(i => i with { Code = i.Code.Trim().ToUpperInvariant() })];
        Criteria = [.. c.Criteria.Select(x => x with { Code = x.Code.Trim().ToUpperInvariant() })];
        UnitCostNorm = c.UnitCostNorm;
        UnitCostBasis = c.UnitCostBasis;
        Thresholds = c.Thresholds;
        PriorityAreaId = c.PriorityAreaId;
    }
}
