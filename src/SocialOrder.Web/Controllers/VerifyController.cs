using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialOrder.Application.Verification.VerifyDocument;
using SocialOrder.Web.Infrastructure;
using SocialOrder.Web.Models;

namespace SocialOrder.Web.Controllers;

/// <summary>
/// Anyone checks a document the portal issued: by uploading the PDF, pasting its SHA-256, or following the QR code
/// printed on it (<c>/Verify/{hash}</c>). No sign-in; rate-limited per client address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Verification)]
public sealed class VerifyController : PortalController
{
    /// <summary>Protocols and receipts are far smaller; a larger upload cannot be one of them.</summary>
    private const long MaxUploadBytes = 20 * 1024 * 1024;

    [HttpGet("/Verify")]
    public IActionResult Index() => View(new VerifyPage(new VerifyForm(), null));

    [HttpGet("/Verify/{hash}")]
    public async Task<IActionResult> Hash(string hash, CancellationToken ct)
    {
        var form = new VerifyForm { Sha256 = hash };
        return await CheckAsync(form, new VerifyDocumentQuery(hash), ct);
    }

    [HttpPost("/Verify")]
    [RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<IActionResult> Index([Bind(Prefix = "Form")] VerifyForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        if (form.File is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            return await CheckAsync(new VerifyForm(), new VerifyDocumentQuery(null, stream), ct);
        }

        if (string.IsNullOrWhiteSpace(form.Sha256))
        {
            ModelState.AddModelError("Form.File", L["Verify.NothingGiven"]);
            return View(new VerifyPage(form, null));
        }

        return await CheckAsync(form, new VerifyDocumentQuery(form.Sha256), ct);
    }

    private async Task<IActionResult> CheckAsync(VerifyForm form, VerifyDocumentQuery query, CancellationToken ct)
    {
        var result = await Sender.Send(query, ct);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, L, "Form");
            return View(nameof(Index), new VerifyPage(form, null));
        }

        return View(nameof(Index), new VerifyPage(form, result.Value));
    }
}
