using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Application.Standards.GetStandardEditor;
using SocialOrder.Application.Standards.SaveStandardDraft;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Web.Areas.Admin.Models;

public sealed class IndicatorForm
{
    public string? Code { get; set; }

    public string? NameKk { get; set; }

    public string? NameRu { get; set; }

    public string? NameEn { get; set; }

    public string? UnitKk { get; set; }

    public string? UnitRu { get; set; }

    public string? UnitEn { get; set; }

    public string? MeasurementKk { get; set; }

    public string? MeasurementRu { get; set; }

    public string? MeasurementEn { get; set; }

    public static IndicatorForm From(QualityIndicator q) => new()
    {
        Code = q.Code, NameKk = q.Name.Kk, NameRu = q.Name.Ru, NameEn = q.Name.En, UnitKk = q.Unit.Kk, UnitRu = q.Unit.Ru, UnitEn = q.Unit.En,
        MeasurementKk = q.Measurement.Kk, MeasurementRu = q.Measurement.Ru, MeasurementEn = q.Measurement.En,
    };

    public QualityIndicatorInput ToInput() => new(Code, NameKk, NameRu, NameEn, UnitKk, UnitRu, UnitEn, MeasurementKk, MeasurementRu, MeasurementEn);
}

public sealed class StandardCriterionForm
{
    public string? Code { get; set; }

    public string? NameKk { get; set; }

    public string? NameRu { get; set; }

    public string? NameEn { get; set; }

    public decimal? Weight { get; set; }

    public static StandardCriterionForm From(AssessmentCriterion c) => new() { Code = c.Code, NameKk = c.Name.Kk, NameRu = c.Name.Ru, NameEn = c.Name.En, Weight = c.Weight };

    public StandardCriterionInput ToInput() => new(Code, NameKk, NameRu, NameEn, Weight);
}

public sealed class StandardForm
{
    /// <summary>Blank rows the form offers beyond the filled ones; blank rows are ignored when saved.</summary>
    public const int SpareRows = 2;

    [Display(Name = "Standard.Field.Code")]
    public string? Code { get; set; }

    [Display(Name = "Standard.Field.TitleKk")]
    public string? TitleKk { get; set; }

    [Display(Name = "Standard.Field.TitleRu")]
    public string? TitleRu { get; set; }

    [Display(Name = "Standard.Field.TitleEn")]
    public string? TitleEn { get; set; }

    [Display(Name = "Standard.Field.ServiceKk")]
    public string? ServiceKk { get; set; }

    [Display(Name = "Standard.Field.ServiceRu")]
    public string? ServiceRu { get; set; }

    [Display(Name = "Standard.Field.ServiceEn")]
    public string? ServiceEn { get; set; }

    [Display(Name = "Standard.Field.StaffQualificationsKk")]
    public string? StaffQualificationsKk { get; set; }

    [Display(Name = "Standard.Field.StaffQualificationsRu")]
    public string? StaffQualificationsRu { get; set; }

    [Display(Name = "Standard.Field.StaffQualificationsEn")]
    public string? StaffQualificationsEn { get; set; }

    [Display(Name = "Standard.Field.PremisesKk")]
    public string? PremisesKk { get; set; }

    [Display(Name = "Standard.Field.PremisesRu")]
    public string? PremisesRu { get; set; }

    [Display(Name = "Standard.Field.PremisesEn")]
    public string? PremisesEn { get; set; }

    [Display(Name = "Standard.Field.HoursKk")]
    public string? HoursKk { get; set; }

    [Display(Name = "Standard.Field.HoursRu")]
    public string? HoursRu { get; set; }

    [Display(Name = "Standard.Field.HoursEn")]
    public string? HoursEn { get; set; }

    [Display(Name = "Standard.Field.AccessibilityKk")]
    public string? AccessibilityKk { get; set; }

    [Display(Name = "Standard.Field.AccessibilityRu")]
    public string? AccessibilityRu { get; set; }

    [Display(Name = "Standard.Field.AccessibilityEn")]
    public string? AccessibilityEn { get; set; }

    public List<IndicatorForm> Indicators { get; set; } = [];

    public List<StandardCriterionForm> Criteria { get; set; } = [];

    [Display(Name = "Standard.Field.UnitCostNorm")]
    public decimal? UnitCostNorm { get; set; }

    [Display(Name = "Standard.Field.UnitCostBasis")]
    public UnitCostBasis UnitCostBasis { get; set; }

    [Display(Name = "Standard.Field.EffectiveFrom")]
    public decimal? EffectiveFrom { get; set; } = 80;

    [Display(Name = "Standard.Field.PartlyEffectiveFrom")]
    public decimal? PartlyEffectiveFrom { get; set; } = 50;

    [Display(Name = "Standard.Field.PriorityAreaId")]
    public int? PriorityAreaId { get; set; }

    public static StandardForm From(StandardContent c) => new()
    {
        Code = c.Code,
        TitleKk = c.Title.Kk, TitleRu = c.Title.Ru, TitleEn = c.Title.En,
        ServiceKk = c.Service.Kk, ServiceRu = c.Service.Ru, ServiceEn = c.Service.En,
        StaffQualificationsKk = c.Conditions.StaffQualifications.Kk, StaffQualificationsRu = c.Conditions.StaffQualifications.Ru, StaffQualificationsEn = c.Conditions.StaffQualifications.En,
        PremisesKk = c.Conditions.Premises.Kk, PremisesRu = c.Conditions.Premises.Ru, PremisesEn = c.Conditions.Premises.En,
        HoursKk = c.Conditions.Hours.Kk, HoursRu = c.Conditions.Hours.Ru, HoursEn = c.Conditions.Hours.En,
        AccessibilityKk = c.Conditions.Accessibility.Kk, AccessibilityRu = c.Conditions.Accessibility.Ru, AccessibilityEn = c.Conditions.Accessibility.En,
        Indicators = [.. c.Indicators.Select(IndicatorForm.From)],
        Criteria = [.. c.Criteria.Select(StandardCriterionForm.From)],
        UnitCostNorm = c.UnitCostNorm, UnitCostBasis = c.UnitCostBasis,
        EffectiveFrom = c.Thresholds.EffectiveFrom, PartlyEffectiveFrom = c.Thresholds.PartlyEffectiveFrom,
        PriorityAreaId = c.PriorityAreaId?.Value,
    };

    public SaveStandardDraftCommand ToCommand(Guid? id) => new(
        id, Code, TitleKk, TitleRu, TitleEn, ServiceKk, ServiceRu, ServiceEn,
        StaffQualificationsKk, StaffQualificationsRu, StaffQualificationsEn, PremisesKk, PremisesRu, PremisesEn,
        HoursKk, HoursRu, HoursEn, AccessibilityKk, AccessibilityRu, AccessibilityEn,
        [.. Indicators.OfType<IndicatorForm>().Select(i => i.ToInput())],
        [.. Criteria.OfType<StandardCriterionForm>().Select(c => c.ToInput())],
        UnitCostNorm, UnitCostBasis, EffectiveFrom, PartlyEffectiveFrom, PriorityAreaId);
}

public sealed record StandardEditorPage(Guid? Id, StandardEditor? Editor, StandardForm Form, ReferenceDataView Reference);
