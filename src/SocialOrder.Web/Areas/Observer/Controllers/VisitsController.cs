using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.Monitoring.AddVisitRemark;
using SocialOrder.Application.Monitoring.GetVisitPhoto;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Observer.Controllers;

/// <summary>A Public Council observer invited to a monitoring visit adds remarks; every observer of the body sees its photos.</summary>
public sealed class VisitsController : ObserverController
{
    [HttpPost]
    public async Task<IActionResult> Remark(Guid agreementId, Guid visitId, string? text, CancellationToken ct)
    {
        var result = await Sender.Send(new AddVisitRemarkCommand(agreementId, visitId, text), ct);
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
            Status("Monitoring.RemarkAdded");
        }

        return Redirect(Url.Action("Details", "Projects", new { area = "Observer", agreementId })! + "#visits-h");
    }

    [HttpGet]
    public async Task<IActionResult> PhotoFile(Guid agreementId, Guid visitId, Guid fileId, CancellationToken ct)
    {
        var file = await Sender.Send(new GetVisitPhotoQuery(agreementId, visitId, fileId), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
