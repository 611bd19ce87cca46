using SocialOrder.Application.Agreements.Get;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Agreements.Schedule;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Agreements;

namespace SocialOrder.Web.Models;

/// <summary>A posted payment-schedule row; a row left entirely empty is dropped (that is how a row is removed).</summary>
public sealed class TrancheForm
{
    public TrancheKind Kind { get; set; }

    public int? Year { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public decimal? Amount { get; set; }

    public int? AfterReport { get; set; }

    public bool IsEmpty => Year is null && PlannedOn is null && Amount is null && AfterReport is null;
}

/// <summary>A posted reporting-schedule row; an empty row is dropped.</summary>
public sealed class ReportForm
{
    public ReportKind Kind { get; set; }

    public int? Year { get; set; }

    public DateOnly? DueOn { get; set; }

    public bool IsEmpty => Year is null && DueOn is null;
}

/// <summary>What the official posted, shown again beside its messages when it was refused.</summary>
public sealed record ScheduleDraft(IReadOnlyList<TrancheInput> Tranches, IReadOnlyList<ReportInput> Reports);

public sealed record AgreementViewModel(AgreementPage Page, string Area, ScheduleDraft? Posted = null)
{
    public IReadOnlyList<TrancheInput> ScheduleRows => Posted?.Tranches ?? [.. Page.Tranches.Select(t => new TrancheInput(t.Kind, t.Year, t.PlannedOn, t.Amount, t.AfterReport))];

    public IReadOnlyList<ReportInput> ReportRows => Posted?.Reports ?? [.. Page.Reports.Select(r => new ReportInput(r.Kind, r.Year, r.DueOn))];
}

public sealed record PortfolioReference(IReadOnlyList<ReferenceItem> Regions, IReadOnlyList<ReferenceItem> PriorityAreas);

public sealed record PortfolioViewModel(Portfolio Portfolio, PortfolioFilter Filter, string Area, PortfolioReference Reference);

/// <summary>The agreement pages are one set of views shared by the Organizer, Observer and Applicant areas.</summary>
public static class AgreementViews
{
    public const string Details = "~/Views/Shared/Agreements/Details.cshtml";
    public const string Portfolio = "~/Views/Shared/Agreements/Portfolio.cshtml";

    public static PortfolioReference Reference(ReferenceDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PortfolioReference(data.Regions, data.PriorityAreas);
    }
}
