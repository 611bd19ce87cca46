using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.GetBidEditor;
using SocialOrder.Application.Bids.SaveBidDraft;
using SocialOrder.Domain.Bids;

namespace SocialOrder.Web.Areas.Applicant.Models;

public sealed class ActivityForm
{
    public string? Name { get; set; }

    public int? StartMonth { get; set; }

    public int? EndMonth { get; set; }
}

public sealed class IndicatorForm
{
    public string? Name { get; set; }

    public string? Baseline { get; set; }

    public string? Target { get; set; }
}

public sealed class BudgetLineForm
{
    public int? Year { get; set; } = 1;

    public BudgetCategory Category { get; set; }

    public string? Description { get; set; }

    public decimal? Amount { get; set; }
}

/// <summary>The bid editor's fields; names equal the command's so messages land beside their fields.</summary>
public sealed class BidForm
{
    public int Revision { get; set; }

    [Display(Name = "Bid.Field.Title")]
    public string? Title { get; set; }

    [Display(Name = "Bid.Field.Summary")]
    public string? Summary { get; set; }

    [Display(Name = "Bid.Field.Problem")]
    public string? Problem { get; set; }

    [Display(Name = "Bid.Field.TargetGroup")]
    public string? TargetGroup { get; set; }

    [Display(Name = "Bid.Field.Objectives")]
    public string? Objectives { get; set; }

    public List<ActivityForm> Activities { get; set; } = [];

    [Display(Name = "Bid.Field.ExpectedResults")]
    public string? ExpectedResults { get; set; }

    public List<IndicatorForm> Indicators { get; set; } = [];

    [Display(Name = "Bid.Field.Sustainability")]
    public string? Sustainability { get; set; }

    [Display(Name = "Bid.Field.Team")]
    public string? Team { get; set; }

    public List<BudgetLineForm> Budget { get; set; } = [];

    [Display(Name = "Bid.Field.RequestedAmount")]
    public decimal? RequestedAmount { get; set; }

    [Display(Name = "Bid.Field.CoFinancing")]
    public decimal? CoFinancing { get; set; }

    public static BidForm From(BidEditor e) => new()
    {
        Revision = e.Revision,
        Title = e.Content.Title, Summary = e.Content.Summary, Problem = e.Content.Problem, TargetGroup = e.Content.TargetGroup,
        Objectives = e.Content.Objectives, ExpectedResults = e.Content.ExpectedResults, Sustainability = e.Content.Sustainability, Team = e.Content.Team,
        Activities = e.Content.Activities.Select(a => new ActivityForm { Name = a.Name, StartMonth = a.StartMonth, EndMonth = a.EndMonth }).ToList(),
        Indicators = e.Content.Indicators.Select(i => new IndicatorForm { Name = i.Name, Baseline = i.Baseline, Target = i.Target }).ToList(),
        Budget = e.Content.Budget.Select(b => new BudgetLineForm { Year = b.Year, Category = b.Category, Description = b.Description, Amount = b.Amount }).ToList(),
        RequestedAmount = e.Content.RequestedAmount == 0 ? null : e.Content.RequestedAmount,
        // Co-financing is optional and 0 is a real answer ("none"): shown as 0, not as a blank to fill in.
        CoFinancing = e.Content.CoFinancing,
    };

    public SaveBidDraftCommand ToCommand(Guid bidId) => new(
        bidId, Revision, Title, Summary, Problem, TargetGroup, Objectives,
        Activities.OfType<ActivityForm>().Select(a => new ActivityInput(a.Name, a.StartMonth, a.EndMonth)).ToList(),
        ExpectedResults,
        Indicators.OfType<IndicatorForm>().Select(i => new IndicatorInput(i.Name, i.Baseline, i.Target)).ToList(),
        Sustainability, Team,
        Budget.OfType<BudgetLineForm>().Select(b => new BudgetLineInput(b.Year, b.Category, b.Description, b.Amount)).ToList(),
        RequestedAmount, CoFinancing);
}

public sealed record BidEditorPage(BidEditor Editor, BidForm Form, Guid SubmitKey);

public sealed record ApplyPage(Guid CallId, IReadOnlyList<SocialOrder.Application.Organizations.GetMyOrganizations.MyOrganizationRow> Organizations);
