using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Agreements.Draft;
using SocialOrder.Application.Agreements.Get;
using SocialOrder.Application.Agreements.Issue;
using SocialOrder.Application.Agreements.Pdf;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Agreements.RecordPayment;
using SocialOrder.Application.Agreements.Schedule;
using SocialOrder.Application.Agreements.Terminate;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Domain.Agreements;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Organizer.Controllers;

/// <summary>
/// After the award: the body's portfolio of projects, a call's agreements, and one agreement (schedules while a draft,
/// issue, payments, termination). An agreement id of another body is 404 before any action (AgreementOfOwnBody).
/// </summary>
public sealed class AgreementsController : OrganizerController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid? callId, int? regionId, int? priorityAreaId, ProjectAttention? attention, int page = 1, CancellationToken ct = default)
    {
        var filter = new PortfolioFilter(callId, regionId, priorityAreaId, attention, page);
        var result = await Sender.Send(new GetPortfolioQuery(filter), ct);
        return FailurePage(result) ?? View(AgreementViews.Portfolio, new PortfolioViewModel(result.Value, filter, "Organizer", await ReferenceAsync(ct)));
    }

    /// <summary>A call's agreements: its own tab on the awarded call, with the idempotent "Draft agreements" action.</summary>
    [HttpGet]
    public Task<IActionResult> Call(Guid id, CancellationToken ct) => Index(id, null, null, null, 1, ct);

    [HttpPost]
    public async Task<IActionResult> Draft(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new DraftAgreementsCommand(id), ct);
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
            Status("Agreement.Drafted", result.Value);
        }

        return RedirectToAction(nameof(Call), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid agreementId, CancellationToken ct) => await PageAsync(agreementId, null, ct);

    [HttpPost]
    public async Task<IActionResult> Schedule(Guid agreementId, [Bind(Prefix = "Tranches")] List<TrancheForm>? tranches, [Bind(Prefix = "Reports")] List<ReportForm>? reports, CancellationToken ct)
    {
        var t = (tranches ?? []).Where(r => r is not null && !r.IsEmpty).Select(r => new TrancheInput(r.Kind, r.Year, r.PlannedOn, r.Amount, r.AfterReport)).ToList();
        var rp = (reports ?? []).Where(r => r is not null && !r.IsEmpty).Select(r => new ReportInput(r.Kind, r.Year, r.DueOn)).ToList();
        var result = await Sender.Send(new EditAgreementScheduleCommand(agreementId, t, rp), ct);
        return await AfterAsync(agreementId, result, "Agreement.ScheduleSaved", new ScheduleDraft(t, rp), ct);
    }

    [HttpPost]
    public async Task<IActionResult> Issue(Guid agreementId, CancellationToken ct) =>
        await AfterAsync(agreementId, await Sender.Send(new IssueAgreementCommand(agreementId), ct), "Agreement.IssuedStatus", null, ct);

    [HttpPost]
    public async Task<IActionResult> Pay(Guid agreementId, int trancheNumber, DateOnly? paidOn, decimal? amount, string? paymentOrderNumber, CancellationToken ct)
    {
        var result = await Sender.Send(new RecordTranchePaymentCommand(agreementId, trancheNumber, paidOn, amount, paymentOrderNumber), ct);
        if (result.IsFailure && FailurePage(result) is null)
        {
            // Beside the tranche's own payment form.
            result = Result.Failure(result.Status, [.. result.Errors.Select(e => e with { Field = $"Pay{trancheNumber}" })]);
        }

        return await AfterAsync(agreementId, result, "Agreement.PaymentRecorded", null, ct);
    }

    [HttpPost]
    public async Task<IActionResult> Terminate(Guid agreementId, string? reason, CancellationToken ct) =>
        await AfterAsync(agreementId, await Sender.Send(new TerminateAgreementCommand(agreementId, reason), ct), "Agreement.TerminatedStatus", null, ct);

    [HttpGet]
    public async Task<IActionResult> Pdf(Guid agreementId, string? lang, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAgreementPdfQuery(agreementId, lang == "kk" ? ProtocolLanguage.Kk : ProtocolLanguage.Ru), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> AfterAsync(Guid agreementId, Result result, string success, ScheduleDraft? posted, CancellationToken ct)
    {
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsSuccess)
        {
            Status(success);
            return RedirectToAction(nameof(Details), new { agreementId });
        }

        AddErrors(result);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(agreementId, posted, ct);
    }

    private async Task<IActionResult> PageAsync(Guid agreementId, ScheduleDraft? posted, CancellationToken ct)
    {
        var result = await Sender.Send(new GetAgreementQuery(agreementId), ct);
        return FailurePage(result) ?? View(AgreementViews.Details, new AgreementViewModel(result.Value, "Organizer", posted));
    }

    private async Task<PortfolioReference> ReferenceAsync(CancellationToken ct) =>
        AgreementViews.Reference(await Sender.Send(new Application.ReferenceData.GetReferenceData.GetReferenceDataQuery(), ct));
}
