using SocialOrder.Application.Monitoring.GetVisits;
using SocialOrder.Domain.Agreements.Monitoring;

namespace SocialOrder.Web.Models;

/// <summary>A finding row of the visit form; a row left empty is dropped.</summary>
public sealed class FindingForm
{
    public string? Text { get; set; }

    public string? RequiredAction { get; set; }

    public DateOnly? DueOn { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(RequiredAction) && DueOn is null;

    public FindingInput ToInput() => new(Text ?? string.Empty, RequiredAction, DueOn);
}

public sealed class VisitForm
{
    public DateOnly? VisitedOn { get; set; }

    public string? Place { get; set; }

    public string? Participants { get; set; }

    public string? Checked { get; set; }

    public Guid? ObserverId { get; set; }

    public List<FindingForm?>? Findings { get; set; }
}

/// <summary>The visits part of an agreement page; <see cref="Area"/> picks the routes of its forms and links.</summary>
public sealed record VisitsViewModel(AgreementVisits Visits, string Area)
{
    public const int FindingRows = 3;

    public const string View = "~/Views/Shared/Agreements/_Visits.cshtml";
}
