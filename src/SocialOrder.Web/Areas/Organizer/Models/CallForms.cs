using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Calls.Amend;
using SocialOrder.Application.Calls.Drafts;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Web.Areas.Organizer.Models;

public sealed class CriterionForm
{
    [Display(Name = "Call.Field.CriterionCode")]
    public string? Code { get; set; }

    [Display(Name = "Call.Field.NameKk")]
    public string? NameKk { get; set; }

    [Display(Name = "Call.Field.NameRu")]
    public string? NameRu { get; set; }

    [Display(Name = "Call.Field.NameEn")]
    public string? NameEn { get; set; }

    [Display(Name = "Call.Field.GuidanceKk")]
    public string? GuidanceKk { get; set; }

    [Display(Name = "Call.Field.GuidanceRu")]
    public string? GuidanceRu { get; set; }

    [Display(Name = "Call.Field.GuidanceEn")]
    public string? GuidanceEn { get; set; }

    [Display(Name = "Call.Field.MaxPoints")]
    public int? MaxPoints { get; set; }

    [Display(Name = "Call.Field.Weight")]
    public decimal? Weight { get; set; }

    [Display(Name = "Call.Field.MinPoints")]
    public int? MinPoints { get; set; }

    public static CriterionForm From(Criterion c) => new()
    {
        Code = c.Code, NameKk = c.Name.Kk, NameRu = c.Name.Ru, NameEn = c.Name.En, GuidanceKk = c.Guidance.Kk, GuidanceRu = c.Guidance.Ru, GuidanceEn = c.Guidance.En,
        MaxPoints = c.MaxPoints, Weight = c.Weight, MinPoints = c.MinPoints,
    };

    public CriterionInput ToInput() => new(Code, NameKk, NameRu, GuidanceKk, GuidanceRu, MaxPoints, Weight, MinPoints, NameEn, GuidanceEn);
}

public sealed class DocumentForm
{
    [Display(Name = "Call.Field.DocumentNameKk")]
    public string? NameKk { get; set; }

    [Display(Name = "Call.Field.DocumentNameRu")]
    public string? NameRu { get; set; }

    [Display(Name = "Call.Field.DocumentNameEn")]
    public string? NameEn { get; set; }

    [Display(Name = "Call.Field.Mandatory")]
    public bool IsMandatory { get; set; }

    [Display(Name = "Call.Field.AllowedTypes")]
    public string? AllowedTypes { get; set; }

    public static DocumentForm From(RequiredDocument d) => new() { NameKk = d.Name.Kk, NameRu = d.Name.Ru, NameEn = d.Name.En, IsMandatory = d.IsMandatory, AllowedTypes = d.AllowedTypes };

    public DocumentInput ToInput() => new(NameKk, NameRu, IsMandatory, AllowedTypes, NameEn);
}

/// <summary>The call editor. Field names equal the command's, so every message lands beside its field.</summary>
public sealed class CallForm
{
    [Display(Name = "Call.Field.TitleKk")]
    public string? TitleKk { get; set; }

    [Display(Name = "Call.Field.TitleRu")]
    public string? TitleRu { get; set; }

    [Display(Name = "Call.Field.TitleEn")]
    public string? TitleEn { get; set; }

    [Display(Name = "Call.Field.SummaryKk")]
    public string? SummaryKk { get; set; }

    [Display(Name = "Call.Field.SummaryRu")]
    public string? SummaryRu { get; set; }

    [Display(Name = "Call.Field.SummaryEn")]
    public string? SummaryEn { get; set; }

    [Display(Name = "Call.Field.DescriptionKk")]
    public string? DescriptionKk { get; set; }

    [Display(Name = "Call.Field.DescriptionRu")]
    public string? DescriptionRu { get; set; }

    [Display(Name = "Call.Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Call.Field.EligibilityKk")]
    public string? EligibilityKk { get; set; }

    [Display(Name = "Call.Field.EligibilityRu")]
    public string? EligibilityRu { get; set; }

    [Display(Name = "Call.Field.EligibilityEn")]
    public string? EligibilityEn { get; set; }

    [Display(Name = "Call.Field.PriorityArea")]
    public int? PriorityAreaId { get; set; }

    [Display(Name = "Call.Field.Region")]
    public int? RegionId { get; set; }

    [Display(Name = "Call.Field.Instrument")]
    public Instrument Instrument { get; set; } = Instrument.StateSocialOrder;

    [Display(Name = "Call.Field.Budget")]
    public decimal? Budget { get; set; }

    [Display(Name = "Call.Field.MaxPerProject")]
    public decimal? MaxPerProject { get; set; }

    [Display(Name = "Call.Field.DurationMonths")]
    public int? DurationMonths { get; set; }

    [Display(Name = "Call.Field.Term")]
    public CallTerm Term { get; set; } = CallTerm.Short;

    public List<decimal?> YearlyBudgets { get; set; } = [];

    [Display(Name = "Call.Field.OpensAt")]
    [DataType(DataType.DateTime)]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "Call.Field.ClosesAt")]
    [DataType(DataType.DateTime)]
    public DateTime? ClosesAt { get; set; }

    public List<DocumentForm> RequiredDocuments { get; set; } = [];

    public List<CriterionForm> Criteria { get; set; } = [];

    [Display(Name = "Call.Field.ExpertsPerBid")]
    public int ExpertsPerBid { get; set; } = 3;

    [Display(Name = "Call.Field.DivergenceThreshold")]
    public decimal DivergenceThreshold { get; set; } = 30;

    [Display(Name = "Call.Field.MinimumTotalScore")]
    public decimal MinimumTotalScore { get; set; } = 50;

    public bool ExpertsSeeOtherSheets { get; set; }

    [Display(Name = "Call.Field.StandardId")]
    public Guid? StandardId { get; set; }

    [Display(Name = "Call.Field.PlannedBeneficiaries")]
    public int? PlannedBeneficiaries { get; set; }

    public static CallForm FromTemplate() => new()
    {
        Criteria = DefaultMethodology.Criteria.Select(CriterionForm.From).ToList(),
        RequiredDocuments = DefaultMethodology.Documents.Select(DocumentForm.From).ToList(),
    };

    public static CallForm From(CallContent c, bool withWindow) => new()
    {
        TitleKk = c.Title.Kk, TitleRu = c.Title.Ru, TitleEn = c.Title.En,
        SummaryKk = c.Summary.Kk, SummaryRu = c.Summary.Ru, SummaryEn = c.Summary.En,
        DescriptionKk = c.Description.Kk, DescriptionRu = c.Description.Ru, DescriptionEn = c.Description.En,
        EligibilityKk = c.Eligibility.Kk, EligibilityRu = c.Eligibility.Ru, EligibilityEn = c.Eligibility.En,
        PriorityAreaId = c.PriorityAreaId?.Value, RegionId = c.RegionId?.Value, Instrument = c.Instrument,
        Budget = c.Budget == 0 ? null : c.Budget, MaxPerProject = c.MaxPerProject == 0 ? null : c.MaxPerProject,
        DurationMonths = c.DurationMonths == 0 ? null : c.DurationMonths, Term = c.Term,
        YearlyBudgets = c.YearlyBudgets.OrderBy(y => y.Year).Select(y => (decimal?)y.Amount).ToList(),
        OpensAt = withWindow && c.OpensAt is { } o ? KazakhstanTime.ToLocal(o).DateTime : null,
        ClosesAt = withWindow && c.ClosesAt is { } e ? KazakhstanTime.ToLocal(e).DateTime : null,
        RequiredDocuments = c.RequiredDocuments.Select(DocumentForm.From).ToList(),
        Criteria = c.Criteria.Select(CriterionForm.From).ToList(),
        ExpertsPerBid = c.ExpertsPerBid, DivergenceThreshold = c.DivergenceThreshold, MinimumTotalScore = c.MinimumTotalScore,
        ExpertsSeeOtherSheets = c.ExpertsSeeOtherSheets,
        StandardId = c.StandardId?.Value, PlannedBeneficiaries = c.PlannedBeneficiaries,
    };

    public SaveCallDraftCommand ToCommand(Guid? id) => new(
        id, TitleKk, TitleRu, TitleEn, SummaryKk, SummaryRu, SummaryEn, DescriptionKk, DescriptionRu, EligibilityKk, EligibilityRu,
        PriorityAreaId, RegionId, Instrument, Budget, MaxPerProject, DurationMonths, Term, YearlyBudgets,
        OpensAt is { } o ? KazakhstanTime.FromLocal(o) : null,
        ClosesAt is { } c ? KazakhstanTime.FromLocal(c) : null,
        RequiredDocuments.OfType<DocumentForm>().Select(d => d.ToInput()).ToList(),
        Criteria.OfType<CriterionForm>().Select(c => c.ToInput()).ToList(),
        ExpertsPerBid, DivergenceThreshold, MinimumTotalScore, ExpertsSeeOtherSheets, DescriptionEn, EligibilityEn,
        StandardId, PlannedBeneficiaries);
}

public sealed record CallEditorPage(
    Guid? CallId, string? ReferenceNumber, CallForm Form, ReferenceDataView Reference,
    IReadOnlyList<SocialOrder.Application.Standards.GetStandardChoices.StandardChoice>? Standards = null);

public sealed class AmendForm
{
    [Display(Name = "Call.Field.SummaryKk")]
    public string? SummaryKk { get; set; }

    [Display(Name = "Call.Field.SummaryRu")]
    public string? SummaryRu { get; set; }

    [Display(Name = "Call.Field.DescriptionKk")]
    public string? DescriptionKk { get; set; }

    [Display(Name = "Call.Field.DescriptionRu")]
    public string? DescriptionRu { get; set; }

    [Display(Name = "Call.Field.EligibilityKk")]
    public string? EligibilityKk { get; set; }

    [Display(Name = "Call.Field.EligibilityRu")]
    public string? EligibilityRu { get; set; }

    [Display(Name = "Call.Field.Budget")]
    public decimal? Budget { get; set; }

    [Display(Name = "Call.Field.MaxPerProject")]
    public decimal? MaxPerProject { get; set; }

    public List<decimal?> YearlyBudgets { get; set; } = [];

    [Display(Name = "Call.Field.ClosesAt")]
    [DataType(DataType.DateTime)]
    public DateTime? ClosesAt { get; set; }

    public List<DocumentForm> RequiredDocuments { get; set; } = [];

    [Display(Name = "Call.Field.AmendmentReason")]
    public string? Reason { get; set; }

    public static AmendForm From(Call c) => new()
    {
        SummaryKk = c.Summary.Kk, SummaryRu = c.Summary.Ru, DescriptionKk = c.Description.Kk, DescriptionRu = c.Description.Ru,
        EligibilityKk = c.Eligibility.Kk, EligibilityRu = c.Eligibility.Ru, Budget = c.Budget, MaxPerProject = c.MaxPerProject,
        YearlyBudgets = c.YearlyBudgets.OrderBy(y => y.Year).Select(y => (decimal?)y.Amount).ToList(),
        ClosesAt = c.ClosesAt is { } e ? KazakhstanTime.ToLocal(e).DateTime : null,
        RequiredDocuments = c.RequiredDocuments.Select(DocumentForm.From).ToList(),
    };

    public AmendCallCommand ToCommand(Guid id) => new(
        id, SummaryKk, SummaryRu, DescriptionKk, DescriptionRu, EligibilityKk, EligibilityRu, Budget, MaxPerProject, YearlyBudgets,
        ClosesAt is { } c ? KazakhstanTime.FromLocal(c) : null,
        RequiredDocuments.OfType<DocumentForm>().Select(d => d.ToInput()).ToList(),
        Reason ?? string.Empty);
}

public sealed record AmendPage(Call Call, AmendForm Form);

public sealed record CallDetailsPage(
    SocialOrder.Application.Calls.GetManagedCall.ManagedCall Managed,
    IReadOnlyList<SocialOrder.Application.Calls.GetCallQuestions.QuestionView> Questions,
    ReferenceDataView Reference,
    SocialOrder.Application.Bids.GetCallBids.CallBidsView? Bids);
