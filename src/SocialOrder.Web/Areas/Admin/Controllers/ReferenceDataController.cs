using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.ReferenceData.EditReferenceItem;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Areas.Admin.Models;

namespace SocialOrder.Web.Areas.Admin.Controllers;

/// <summary>Regions and priority areas: names in three languages and active/inactive, never deleted (ADR 31).</summary>
public sealed class ReferenceDataController : AdminController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new ReferenceDataPage(await Sender.Send(new GetReferenceDataQuery(IncludeInactive: true), ct), null));

    [HttpPost]
    public async Task<IActionResult> Edit(ReferenceItemForm form, CancellationToken ct)
    {
        var result = await Sender.Send(
            new EditReferenceItemCommand(form.List, form.Id, form.NameKk ?? string.Empty, form.NameRu ?? string.Empty, form.NameEn, form.IsActive), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            Status(ErrorText(result));
            return RedirectToAction(nameof(Index));
        }

        Status("Admin.Reference.Saved");
        return RedirectToAction(nameof(Index));
    }
}
