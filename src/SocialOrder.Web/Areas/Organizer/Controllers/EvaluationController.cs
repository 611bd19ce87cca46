using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.AssignExpert;
using SocialOrder.Application.Evaluation.ConfirmAssignments;
using SocialOrder.Application.Evaluation.DiscardProposal;
using SocialOrder.Application.Evaluation.GetEvaluationDashboard;
using SocialOrder.Application.Evaluation.GetExpertPool;
using SocialOrder.Application.Evaluation.ProposeAssignments;
using SocialOrder.Application.Evaluation.ReconcileBid;
using SocialOrder.Application.Evaluation.ReopenSheet;
using SocialOrder.Application.Evaluation.SwapExpert;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>
/// The evaluation of one call: automatic or manual assignment of experts (proposed, reviewed, confirmed), progress,
/// reopening sheets, divergences, the ranking and per-expert statistics. Another body's call is 404.
/// </summary>
public sealed class EvaluationController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid id, string? tab, int page = 1, CancellationToken ct = default)
    {
        var selected = tab is "ranking" or "experts" ? tab : "bids";
        var result = await Sender.Send(new GetEvaluationDashboardQuery(id, selected), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        ViewData["Tab"] = selected;
        ViewData["Page"] = Math.Clamp(page, 1, Application.Common.Models.Paging.MaxPage);
        return View(result.Value);
    }

    [HttpGet]
    public IActionResult Ranking(Guid id) => RedirectToAction(nameof(Index), new { id, tab = "ranking" });

    [HttpPost]
    public async Task<IActionResult> Propose(Guid id, CancellationToken ct) =>
        Report(id, await Sender.Send(new ProposeAssignmentsCommand(id), ct), r => r.Shortages.Count > 0
            ? ("Evaluation.ProposedWithShortage", [r.Proposed, r.Shortages.Count])
            : ("Evaluation.Proposed", [r.Proposed]));

    [HttpPost]
    public async Task<IActionResult> Assign(Guid id, Guid bidId, Guid expertId, bool additional, CancellationToken ct) =>
        await ActAsync(id, new AssignExpertCommand(id, bidId, expertId, additional), "Evaluation.ExpertProposed", $"assign-{bidId}", ct);

    [HttpPost]
    public async Task<IActionResult> Swap(Guid id, Guid assignmentId, Guid expertId, CancellationToken ct) =>
        await ActAsync(id, new SwapExpertCommand(assignmentId, expertId), "Evaluation.ExpertSwapped", $"swap-{assignmentId}", ct);

    [HttpPost]
    public async Task<IActionResult> Discard(Guid id, Guid? assignmentId, CancellationToken ct) =>
        await ActAsync(id, new DiscardProposalCommand(id, assignmentId), "Evaluation.ProposalDiscarded", null, ct);

    [HttpPost]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct) =>
        Report(id, await Sender.Send(new ConfirmAssignmentsCommand(id), ct), count => ("Evaluation.Confirmed", [count]));

    [HttpPost]
    public async Task<IActionResult> Reopen(Guid id, Guid assignmentId, string? reason, CancellationToken ct) =>
        await ActAsync(id, new ReopenSheetCommand(assignmentId, reason ?? string.Empty), "Evaluation.SheetReopened", $"reopen-{assignmentId}", ct);

    [HttpPost]
    public async Task<IActionResult> Reconcile(Guid id, Guid bidId, string? reason, CancellationToken ct) =>
        await ActAsync(id, new ReconcileBidCommand(bidId, reason ?? string.Empty), "Evaluation.Reconciled", $"reconcile-{bidId}", ct);

    /// <summary>The expert pool with filters and each expert's load (overall and on this call).</summary>
    [HttpGet]
    public async Task<IActionResult> Pool(Guid? id, int? priorityArea, int? region, string? language, string? search, int page = 1, CancellationToken ct = default)
    {
        var pool = await Sender.Send(new GetExpertPoolQuery(priorityArea, region, language, search, id, page), ct);
        if (pool is null)
        {
            return NotFound();
        }

        ViewData["Reference"] = await Sender.Send(new GetReferenceDataQuery(), ct);
        ViewData["Filter"] = new PoolFilter(id, priorityArea, region, language, search);
        return View(pool);
    }

    private async Task<IActionResult> ActAsync(Guid id, Mediator.ICommand<Result> command, string success, string? errorKey, CancellationToken ct)
    {
        var result = await Sender.Send(command, ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            if (errorKey is null)
            {
                TempData.SetStatus(ErrorText(result));
                return Back(id);
            }

            // The form's own message beside its field: re-render the dashboard with the error and the typed text kept.
            ModelState.Clear();
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(errorKey, Infrastructure.ResultExtensions.Localize(L, e));
            }

            var dashboard = await Sender.Send(new GetEvaluationDashboardQuery(id), ct);
            ViewData["Tab"] = "bids";
            ViewData["Page"] = 1;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), dashboard.Value);
        }

        Status(success);
        return Back(id);
    }

    /// <summary>A whole-call action: its outcome (or its refusal) as the status line above the dashboard.</summary>
    private IActionResult Report<T>(Guid id, Result<T> result, Func<T, (string Key, object[] Args)> success)
    {
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
        }
        else
        {
            var (key, args) = success(result.Value);
            Status(key, args);
        }

        return Back(id);
    }

    private RedirectToActionResult Back(Guid id) => RedirectToAction(nameof(Index), "Evaluation", new { area = "Organizer", id });
}

public sealed record PoolFilter(Guid? CallId, int? Area, int? Region, string? Language, string? Search);
