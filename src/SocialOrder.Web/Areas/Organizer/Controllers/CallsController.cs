using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Calls.Amend;
using SocialOrder.Application.Calls.AnswerQuestion;
using SocialOrder.Application.Calls.Cancel;
using SocialOrder.Application.Calls.GetCallQuestions;
using SocialOrder.Application.Calls.GetCopySources;
using SocialOrder.Application.Calls.GetManagedCall;
using SocialOrder.Application.Calls.GetMyCalls;
using SocialOrder.Application.Calls.Publish;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Domain.Calls;
using SocialOrder.Web.Areas.Organizer.Models;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

public sealed class CallsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        ViewData["CopySources"] = await Sender.Send(new GetCopySourcesQuery(), ct);
        return View(await Sender.Send(new GetMyCallsQuery(page), ct));
    }

    /// <summary>A new draft from the portal's default methodology, or from an earlier call of the same body.</summary>
    [HttpGet]
    public async Task<IActionResult> Create(Guid? copyFrom, CancellationToken ct)
    {
        var form = CallForm.FromTemplate();
        if (copyFrom is { } sourceId)
        {
            var source = await Sender.Send(new GetManagedCallQuery(sourceId), ct);
            if (source is null)
            {
                return NotFound();
            }

            form = CallForm.From(source.Call.Content, withWindow: false);
        }

        return View("Edit", await EditorAsync(null, null, form, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] CallForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(null), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View("Edit", await EditorAsync(null, null, form, ct));
        }

        Status("Call.DraftSaved");
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var managed = await Sender.Send(new GetManagedCallQuery(id), ct);
        if (managed is null)
        {
            return NotFound();
        }

        if (managed.Call.Status != CallStatus.Draft)
        {
            return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id });
        }

        return View(await EditorAsync(id, managed.Call.ReferenceNumber, CallForm.From(managed.Call.Content, withWindow: true), ct));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] CallForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            var managed = await Sender.Send(new GetManagedCallQuery(id), ct);
            return View(await EditorAsync(id, managed?.Call.ReferenceNumber, form, ct));
        }

        Status("Call.DraftSaved");
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id });
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var page = await DetailsAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost]
    public async Task<IActionResult> Publish(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new PublishCallCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            return View(nameof(Details), await DetailsAsync(id, ct));
        }

        Status("Call.Published");
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id });
    }

    [HttpGet]
    public async Task<IActionResult> Amend(Guid id, CancellationToken ct)
    {
        var managed = await Sender.Send(new GetManagedCallQuery(id), ct);
        return managed is null ? NotFound() : View(new AmendPage(managed.Call, AmendForm.From(managed.Call)));
    }

    [HttpPost]
    public async Task<IActionResult> Amend(Guid id, [Bind(Prefix = "Form")] AmendForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            var managed = await Sender.Send(new GetManagedCallQuery(id), ct);
            return View(new AmendPage(managed!.Call, form));
        }

        Status("Call.Amended", result.Value);
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id });
    }

    [HttpPost]
    public async Task<IActionResult> Cancel(Guid id, string? reason, CancellationToken ct)
    {
        var result = await Sender.Send(new CancelCallCommand(id, reason ?? string.Empty), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            ModelState.AddModelError(string.Empty, L["Call.CancelFailed"]);
            return View(nameof(Details), await DetailsAsync(id, ct));
        }

        Status("Call.Cancelled");
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id });
    }

    [HttpPost]
    public async Task<IActionResult> Answer(Guid id, Guid questionId, string? answer, CancellationToken ct)
    {
        var result = await Sender.Send(new AnswerQuestionCommand(questionId, answer ?? string.Empty), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Answers[" + questionId + "]");
            return View(nameof(Details), await DetailsAsync(id, ct));
        }

        Status("Call.QuestionAnswered");
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id }, "questions");
    }

    [HttpPost]
    public async Task<IActionResult> CheckEligibility(Guid id, Guid bidId, bool eligible, string? reason, CancellationToken ct)
    {
        var result = await Sender.Send(new SocialOrder.Application.Bids.CheckEligibility.CheckEligibilityCommand(bidId, eligible, reason), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, $"Eligibility[{bidId}]");
            foreach (var error in result.Errors.Where(e => e.Field is null))
            {
                ModelState.AddModelError($"Eligibility[{bidId}].Reason", Infrastructure.ResultExtensions.Localize(L, error));
            }

            return View(nameof(Details), await DetailsAsync(id, ct));
        }

        Status(eligible ? "Organizer.Bids.MarkedEligible" : "Organizer.Bids.MarkedIneligible");
        return RedirectToAction(nameof(Details), "Calls", new { area = "Organizer", id }, "bids-title");
    }

    /// <summary>All documents of a submitted bid as one ZIP, after the deadline.</summary>
    [HttpGet]
    public async Task<IActionResult> BidDocuments(Guid id, Guid bidId, CancellationToken ct)
    {
        var zip = await Sender.Send(new SocialOrder.Application.Bids.GetBidDocumentsZip.GetBidDocumentsZipQuery(bidId), ct);
        return zip is null ? NotFound() : File(zip.Content, zip.ContentType, zip.FileName);
    }

    private async Task<CallDetailsPage?> DetailsAsync(Guid id, CancellationToken ct)
    {
        var managed = await Sender.Send(new GetManagedCallQuery(id), ct);
        if (managed is null)
        {
            return null;
        }

        var questions = await Sender.Send(new GetCallQuestionsQuery(id, AnsweredOnly: false), ct);
        var bids = await Sender.Send(new SocialOrder.Application.Bids.GetCallBids.GetCallBidsQuery(id), ct);
        return new CallDetailsPage(managed, questions, await Sender.Send(new GetReferenceDataQuery(), ct), bids);
    }

    private async Task<CallEditorPage> EditorAsync(Guid? id, string? reference, CallForm form, CancellationToken ct) =>
        new(id, reference, form, await Sender.Send(new GetReferenceDataQuery(), ct),
            await Sender.Send(new SocialOrder.Application.Standards.GetStandardChoices.GetStandardChoicesQuery(), ct));
}
