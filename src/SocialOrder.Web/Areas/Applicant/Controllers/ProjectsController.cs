using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Agreements.Accept;
using SocialOrder.Application.Agreements.Get;
using SocialOrder.Application.Agreements.MyProjects;
using SocialOrder.Application.Agreements.Pdf;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Applicant.Controllers;

/// <summary>"My projects": the organization's funded projects, each with its agreement, tranches, reporting schedule and PDFs.</summary>
public sealed class ProjectsController : ApplicantController
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) => View(await Sender.Send(new GetMyProjectsQuery(page), ct));

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new GetAgreementQuery(id), ct);
        return FailurePage(result) ?? View(AgreementViews.Details, new AgreementViewModel(result.Value, "Applicant"));
    }

    [HttpPost]
    public async Task<IActionResult> Accept(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new AcceptAgreementCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var page = await Sender.Send(new GetAgreementQuery(id), ct);
            return FailurePage(page) ?? View(AgreementViews.Details, new AgreementViewModel(page.Value, "Applicant"));
        }

        Status("Agreement.AcceptedStatus");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Pdf(Guid id, string? lang, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAgreementPdfQuery(id, lang == "kk" ? ProtocolLanguage.Kk : ProtocolLanguage.Ru), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
