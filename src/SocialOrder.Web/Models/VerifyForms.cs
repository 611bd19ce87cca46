using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Verification.VerifyDocument;

namespace SocialOrder.Web.Models;

public sealed class VerifyForm
{
    [Display(Name = "Verify.File")]
    public IFormFile? File { get; set; }

    [Display(Name = "Verify.Sha256")]
    public string? Sha256 { get; set; }
}

/// <summary>The verification page: the form, and the outcome once something was checked.</summary>
public sealed record VerifyPage(VerifyForm Form, VerificationOutcome? Outcome);
