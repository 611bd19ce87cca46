using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Appeals.GetAppealDocument;
using SocialOrder.Application.Appeals.GetCallAppeals;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>The complaints of a call of the observer's body and their answers, read-only (ADR 28).</summary>
public sealed class AppealsController : ObserverController
{
    [HttpGet]
    public async Task<IActionResult> Index(Guid id, int page = 1, CancellationToken ct = default)
    {
        var result = await Sender.Send(new GetCallAppealsQuery(id, page), ct);
        return FailurePage(result) ?? View("~/Areas/Organizer/Views/Appeals/Index.cshtml", result.Value);
    }

    [HttpGet]
    public async Task<IActionResult> Document(Guid id, Guid appealId, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetAppealDocumentQuery(appealId, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
