using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.ReferenceData.CreateStateBody;
using SocialOrder.Application.ReferenceData.EditStateBody;
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

    /// <summary>The form to correct a state body's names, BIN or region (ADR 31).</summary>
    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        if (reference.StateBodies.FirstOrDefault(b => b.Id == id) is not { } body)
        {
            return NotFound();
        }

        var form = new EditStateBodyForm
        {
            NameKk = body.Name.Kk, NameRu = body.Name.Ru, NameEn = body.Name.En, Bin = body.Bin, RegionId = body.RegionId,
        };
        return View(new EditStateBodyPage(id, body.Kind, form, reference));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] EditStateBodyForm form, CancellationToken ct)
    {
        // An unknown body is 404 before the form is validated (issue 13: no validation ahead of the lookup).
        var reference = await Sender.Send(new GetReferenceDataQuery(), ct);
        if (reference.StateBodies.FirstOrDefault(b => b.Id == id) is not { } body)
        {
            return NotFound();
        }

        var result = await Sender.Send(
            new EditStateBodyCommand(id, form.NameKk ?? string.Empty, form.NameRu ?? string.Empty, form.NameEn, (form.Bin ?? string.Empty).Trim(), form.RegionId), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View(new EditStateBodyPage(id, body.Kind, form, reference));
        }

        Status("Admin.StateBodies.Saved");
        return RedirectToAction(nameof(Index));
    }
}
