using Microsoft.AspNetCore.Mvc;
using SocialOrder.Application.ReferenceData.GetReferenceData;
using SocialOrder.Application.Standards.GetStandardEditor;
using SocialOrder.Application.Standards.GetStandardList;
using SocialOrder.Application.Standards.NewStandardVersion;
using SocialOrder.Application.Standards.PublishStandard;
using SocialOrder.Web.Areas.Admin.Models;
using SocialOrder.Web.Infrastructure;

namespace SocialOrder.Web.Areas.Admin.Controllers;

/// <summary>Service standards: drafts edited, published versions never edited, a new version drafted from the published one.</summary>
public sealed class StandardsController : AdminController
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) =>
        await Sender.Send(new GetStandardListQuery(page), ct) is { } list ? View(list) : NotFound();

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Edit", await PageAsync(null, null, new StandardForm(), ct));

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] StandardForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(null), ct);
        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View("Edit", await PageAsync(null, null, form, ct));
        }

        Status("Standard.Saved");
        return RedirectToAction(nameof(Edit), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var editor = await Sender.Send(new GetStandardEditorQuery(id), ct);
        return editor is null ? NotFound() : View(await PageAsync(id, editor, StandardForm.From(editor.Content), ct));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] StandardForm form, CancellationToken ct)
    {
        var result = await Sender.Send(form.ToCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            AddErrors(result, "Form");
            return View(await PageAsync(id, await Sender.Send(new GetStandardEditorQuery(id), ct), form, ct));
        }

        Status("Standard.Saved");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Publish(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new PublishStandardCommand(id), ct);
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
            Status("Standard.Published");
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> NewVersion(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(new NewStandardVersionCommand(id), ct);
        if (FailurePage(result) is { } failure)
        {
            return failure;
        }

        if (result.IsFailure)
        {
            TempData.SetStatus(ErrorText(result));
            return RedirectToAction(nameof(Edit), new { id });
        }

        Status("Standard.NewVersionDrafted");
        return RedirectToAction(nameof(Edit), new { id = result.Value });
    }

    private async Task<StandardEditorPage> PageAsync(Guid? id, StandardEditor? editor, StandardForm form, CancellationToken ct) =>
        new(id, editor, form, await Sender.Send(new GetReferenceDataQuery(), ct));
}
