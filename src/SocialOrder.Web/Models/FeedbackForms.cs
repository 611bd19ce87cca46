using System.ComponentModel.DataAnnotations;
using SocialOrder.Application.Feedback.GetFeedbackForm;

namespace SocialOrder.Web.Models;

public sealed class FeedbackEntryForm
{
    [Display(Name = "Feedback.Field.Rating")]
    public int? Rating { get; set; }

    [Display(Name = "Feedback.Field.Comment")]
    public string? Comment { get; set; }

    /// <summary>The honeypot: hidden from people (and from assistive technology); only a bot fills it.</summary>
    public string? Website { get; set; }
}

public sealed record FeedbackPage(SocialOrder.Application.Feedback.GetFeedbackForm.FeedbackForm Project, FeedbackEntryForm Form, bool Thanked);
