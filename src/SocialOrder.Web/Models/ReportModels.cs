using SocialOrder.Application.Reports.GetAgreementReports;
using SocialOrder.Application.Reports.GetReport;
using SocialOrder.Application.Reports.GetReportEditor;
using SocialOrder.Application.Reports.SaveReportDraft;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Web.Models;

public sealed class ActivityRowForm
{
    public ActivityProgress Progress { get; set; }

    public string? Explanation { get; set; }
}

public sealed class IndicatorRowForm
{
    public decimal? Actual { get; set; }

    public string? Comment { get; set; }
}

public sealed class BudgetRowForm
{
    public decimal? Spent { get; set; }

    public string? Explanation { get; set; }
}

/// <summary>The report editor's form: one row per activity, indicator and budget line of the report, in their order.</summary>
public sealed class ReportEditorForm
{
    public int Revision { get; set; }

    public List<ActivityRowForm> Activities { get; set; } = [];

    public List<IndicatorRowForm> Indicators { get; set; } = [];

    public List<BudgetRowForm> Budget { get; set; } = [];

    public string? Narrative { get; set; }

    public static ReportEditorForm From(ReportEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var c = editor.Content;
        return new ReportEditorForm
        {
            Revision = editor.Revision,
            Activities = [.. c.Activities.Select(a => new ActivityRowForm { Progress = a.Progress, Explanation = a.Explanation })],
            Indicators = [.. c.Indicators.Select(i => new IndicatorRowForm { Actual = i.Actual, Comment = i.Comment })],
            Budget = [.. c.Budget.Select(b => new BudgetRowForm { Spent = b.Spent, Explanation = b.Explanation })],
            Narrative = c.Narrative,
        };
    }

    public SaveReportDraftCommand ToCommand(Guid reportId) => new(
        reportId, Revision,
        [.. Activities.Select(a => new ActivityProgressInput(a?.Progress ?? ActivityProgress.NotSet, a?.Explanation))],
        [.. Indicators.Select(i => new IndicatorActualInput(i?.Actual, i?.Comment))],
        [.. Budget.Select(b => new BudgetSpendingInput(b?.Spent, b?.Explanation))],
        Narrative);
}

public sealed record ReportEditorPage(ReportEditor Editor, ReportEditorForm Form);

/// <summary>A report version as read by the organization (Applicant), an official (Organizer) or an observer.</summary>
public sealed record ReportViewModel(ReportPage Page, string Area);

public sealed record AgreementReportsViewModel(AgreementReports Reports, string Area);

public static class ReportViews
{
    public const string Details = "~/Views/Shared/Reports/Details.cshtml";
}
