using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.GetBidEditor;
using SocialOrder.Application.Bids.GetBidFile;
using SocialOrder.Application.Bids.GetMyBids;
using SocialOrder.Application.Bids.GetReceipt;
using SocialOrder.Application.Bids.GetReceiptPdf;
using SocialOrder.Application.Bids.RemoveBidDocument;
using SocialOrder.Application.Bids.StartBid;
using SocialOrder.Application.Bids.SubmitBid;
using SocialOrder.Application.Bids.UploadBidDocument;
using SocialOrder.Application.Bids.WithdrawBid;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Organizations;
using SocialOrder.Application.Organizations.GetMyOrganizations;
using SocialOrder.Web.Areas.Applicant.Models;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

public sealed class BidsController : ApplicantController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await Sender.Send(new GetMyBidsQuery(), ct));

    /// <summary>"Apply" from a call page: choose the organization (if more than one), then open its bid.</summary>
    [HttpGet]
    public async Task<IActionResult> Apply(Guid callId, CancellationToken ct) =>
        View(new ApplyPage(callId, await Sender.Send(new GetMyOrganizationsQuery(), ct)));

    [HttpPost]
    [ActionName("Apply")]
    public async Task<IActionResult> ApplyConfirmed(Guid callId, Guid organizationId, CancellationToken ct)
    {
        var result = await Sender.Send(new StartBidCommand(callId, organizationId), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            return View(new ApplyPage(callId, await Sender.Send(new GetMyOrganizationsQuery(), ct)));
        }

        return RedirectToAction(nameof(Edit), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var editor = await Sender.Send(new GetBidEditorQuery(id), ct);
        return editor is null ? NotFound() : View(new BidEditorPage(editor, BidForm.From(editor), Guid.NewGuid()));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] BidForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        var editor = await Sender.Send(new GetBidEditorQuery(id), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return editor is null ? NotFound() : View(new BidEditorPage(editor, form, Guid.NewGuid()));
        }

        Status("Bid.Saved");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The editor's autosave: JSON in, JSON out; a stale revision is a 409 the page explains.</summary>
    [HttpPost]
    public async Task<IActionResult> Autosave(Guid id, [Bind(Prefix = "Form")] BidForm form, [FromServices] TimeProvider time, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(id), ct);
        return AutosaveAnswer(result, time);
    }

    [HttpPost]
    public async Task<IActionResult> Submit(Guid id, Guid submitKey, CancellationToken ct)
    {
        var result = await Sender.Send(new SubmitBidCommand(id, submitKey), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            var editor = await Sender.Send(new GetBidEditorQuery(id), ct);
            AddErrors(result, "Form");
            return editor is null ? NotFound() : View(nameof(Edit), new BidEditorPage(editor, BidForm.From(editor), Guid.NewGuid()));
        }

        return RedirectToAction(nameof(Receipt), new { id = result.Value });
    }

    [HttpPost]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new WithdrawBidCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            var editor = await Sender.Send(new GetBidEditorQuery(id), ct);
            AddErrors(result);
            return editor is null ? NotFound() : View(nameof(Edit), new BidEditorPage(editor, BidForm.From(editor), Guid.NewGuid()));
        }

        Status("Bid.Withdrawn");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>One file against one required document; answers JSON to the page's progress-bar upload, else redirects.</summary>
    [HttpPost]
    [RequestSizeLimit(25 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    public async Task<IActionResult> Upload(Guid id, int documentIndex, IFormFile? file, CancellationToken ct)
    {
        var wantsJson = Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
        byte[] content = [];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var result = await Sender.Send(new UploadBidDocumentCommand(id, documentIndex, file?.FileName ?? string.Empty, content), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (wantsJson)
        {
            return result.IsSuccess
                ? Json(new { fileName = result.Value.FileName, size = result.Value.Size, sha256 = result.Value.Sha256 })
                : StatusCode(422, new { message = ErrorText(result) });
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
        }
        else
        {
            Status("Bid.FileUploaded", result.Value.FileName);
        }

        return RedirectToAction(nameof(Edit), null, new { id }, "documents");
    }

    [HttpPost]
    public async Task<IActionResult> RemoveDocument(Guid id, int documentIndex, CancellationToken ct)
    {
        var result = await Sender.Send(new RemoveBidDocumentCommand(id, documentIndex), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
        }

        return RedirectToAction(nameof(Edit), null, new { id }, "documents");
    }

    [HttpGet]
    public async Task<IActionResult> File(Guid id, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetBidFileQuery(id, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>After the results: the bid's per-criterion means, total, rank, the experts' justifications (no names) and the outcome.</summary>
    [HttpGet]
    public async Task<IActionResult> Feedback(Guid id, CancellationToken ct)
    {
        var feedback = await Sender.Send(new SocialOrder.Application.Awards.GetBidFeedback.GetBidFeedbackQuery(id), ct);
        return feedback is null ? NotFound() : View(feedback);
    }

    [HttpGet]
    public async Task<IActionResult> ReceiptPdf(Guid id, CancellationToken ct)
    {
        var pdf = await Sender.Send(new GetReceiptPdfQuery(id), ct);
        return pdf is null ? NotFound() : File(pdf.Content, pdf.ContentType, pdf.FileName);
    }

    [HttpGet]
    public async Task<IActionResult> Receipt(Guid id, CancellationToken ct)
    {
        var receipt = await Sender.Send(new GetReceiptQuery(id), ct);
        return receipt is null ? NotFound() : View(receipt);
    }
}
