using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Agreements.Get;
using SocialOrder.Application.Agreements.Pdf;
using SocialOrder.Application.Agreements.Portfolio;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>The body's portfolio of funded projects and their agreements, read-only for Public Council observers.</summary>
public sealed class ProjectsController : ObserverController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid? callId, int? regionId, int? priorityAreaId, ProjectAttention? attention, int page = 1, CancellationToken ct = default)
    {
        var filter = new PortfolioFilter(callId, regionId, priorityAreaId, attention, page);
        var result = await Sender.Send(new GetPortfolioQuery(filter), ct);
        var reference = AgreementViews.Reference(await Sender.Send(new Application.ReferenceData.GetReferenceData.GetReferenceDataQuery(), ct));
        return FailurePage(result) ?? View(AgreementViews.Portfolio, new PortfolioViewModel(result.Value, filter, "Observer", reference));
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid agreementId, CancellationToken ct)
    {
        var result = await Sender.Send(new GetAgreementQuery(agreementId), ct);
        return FailurePage(result) ?? View(AgreementViews.Details, new AgreementViewModel(result.Value, "Observer"));
    }

    [HttpGet]
    public async Task<IActionResult> Pdf(Guid agreementId, string? lang, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAgreementPdfQuery(agreementId, lang == "kk" ? ProtocolLanguage.Kk : ProtocolLanguage.Ru), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
