using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.ReferenceData.CreateStateBody;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Web.Areas.Admin.Models;

namespace SocialOrder.Web.Areas.Admin.Controllers;

public sealed class StateBodiesController : AdminController
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new StateBodiesPage(new CreateStateBodyForm(), await Sender.Send(new GetReferenceDataQuery(), ct)));

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] CreateStateBodyForm form, CancellationToken ct)
    {
        var result = await Sender.Send(
            new CreateStateBodyCommand(form.NameKk ?? string.Empty, form.NameRu ?? string.Empty, form.NameEn, form.Bin ?? string.Empty, form.Kind, form.RegionId), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");

            return View("Index", new StateBodiesPage(form, await Sender.Send(new GetReferenceDataQuery(), ct)));
        }

        Status("Admin.StateBodyCreated");
        return RedirectToAction(nameof(Index));
    }
}
