using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Evaluation;
using SocialOrder.Application.Evaluation.DeclareConflict;
using SocialOrder.Application.Evaluation.DeclineAssignment;
using SocialOrder.Application.Evaluation.GetAssignedBidFile;
using SocialOrder.Application.Evaluation.GetMyAssignments;
using SocialOrder.Application.Evaluation.GetScoring;
using SocialOrder.Application.Evaluation.SaveScoreDraft;
using SocialOrder.Application.Evaluation.SubmitScoreSheet;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Expert.Controllers;

/// <summary>The expert's work: assignments, accept (declaring no conflict) or decline, and the scoring form.</summary>
public sealed class AssignmentsController : ExpertController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await Sender.Send(new GetMyAssignmentsQuery(), ct));

    [HttpPost]
    public async Task<IActionResult> Declare(Guid id, bool hasConflict, string? statement, CancellationToken ct)
    {
        var result = await Sender.Send(new DeclareConflictCommand(id, hasConflict, statement), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, $"Declare[{id}]");
            foreach (var error in result.Errors.Where(e => e.Field is null))
            {
                ModelState.AddModelError($"Declare[{id}].Statement", ResultExtensions.Localize(L, error));
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await Sender.Send(new GetMyAssignmentsQuery(), ct));
        }

        if (hasConflict)
        {
            Status("Assignment.ConflictDeclared");
            return RedirectToAction(nameof(Index), "Assignments", new { area = "Expert" });
        }

        return RedirectToAction(nameof(Score), "Assignments", new { area = "Expert", id });
    }

    [HttpPost]
    public async Task<IActionResult> Decline(Guid id, string? reason, CancellationToken ct)
    {
        var result = await Sender.Send(new DeclineAssignmentCommand(id, reason), ct);
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
            Status("Assignment.Declined");
        }

        return RedirectToAction(nameof(Index), "Assignments", new { area = "Expert" });
    }

    [HttpGet]
    public async Task<IActionResult> Score(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new GetScoringQuery(id), ct);
        return FailurePage(result) ?? View(new ScoreSheetPage(result.Value, SheetForm.From(result.Value.Scores, result.Value.Criteria)));
    }

    [HttpPost]
    public async Task<IActionResult> Score(Guid id, [Bind(Prefix = "Form")] SheetForm form, string? submit, CancellationToken ct)
    {
        form ??= new SheetForm();
        var result = submit is null
            ? await Sender.Send(new SaveScoreDraftCommand(id, form.ToScores(), form.Revision), ct)
            : (Result)await Sender.Send(new SubmitScoreSheetCommand(id, form.ToScores()), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            var view = await Sender.Send(new GetScoringQuery(id), ct);
            if (FailurePage(view) is { } gone)
            {
                return gone;
            }

            AddErrors(result, "Form");
            if (result.Errors.Any(e => e.Field is null))
            {
                TempData.SetStatus(ErrorText(result));
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            form.Revision = view.Value.Revision;
            return View(new ScoreSheetPage(view.Value, form));
        }

        Status(submit is null ? "Sheet.DraftSaved" : "Sheet.Submitted");
        return RedirectToAction(nameof(Score), "Assignments", new { area = "Expert", id });
    }

    /// <summary>Autosave from the form's script: JSON in and out, the same rules as "save draft".</summary>
    [HttpPost]
    public async Task<IActionResult> Autosave(Guid id, [Bind(Prefix = "Form")] SheetForm form, [FromServices] TimeProvider time, CancellationToken ct)
    {
        form ??= new SheetForm();
        return AutosaveAnswer(await Sender.Send(new SaveScoreDraftCommand(id, form.ToScores(), form.Revision), ct), time);
    }

    /// <summary>A document of the bid, for the expert who declared no conflict on it.</summary>
    [HttpGet]
    public async Task<IActionResult> File(Guid id, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAssignedBidFileQuery(id, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}

public sealed record ScoreSheetPage(ScoringView View, SheetForm Form);

/// <summary>The posted sheet: one block per criterion, in the methodology's order.</summary>
public sealed class SheetForm
{
    public int Revision { get; set; }

    public List<SheetBlock> Scores { get; set; } = [];

    public static SheetForm From(IReadOnlyList<CriterionScore> scores, IReadOnlyList<SocialOrder.Domain.Calls.Criterion> criteria) => new()
    {
        Scores = [.. criteria.Select(c => scores.FirstOrDefault(s => s.Code == c.Code) is { } s
            ? new SheetBlock { Code = c.Code, Points = s.Points, Justification = s.Justification }
            : new SheetBlock { Code = c.Code })],
    };

    public IReadOnlyList<CriterionScore> ToScores() => [.. Scores.Where(s => !string.IsNullOrEmpty(s?.Code)).Select(s => new CriterionScore(s.Code!, s.Points, s.Justification ?? string.Empty))];
}

public sealed class SheetBlock
{
    public string? Code { get; set; }

    public int? Points { get; set; }

    public string? Justification { get; set; }
}
