using System.Security.Cryptography;
using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Feedback;

/// <summary>
/// The public feedback address of one agreement: a random token (not the agreement id, not derived from it) printed
/// on the poster's QR code. Beneficiaries rate the service there while the project is in implementation.
/// </summary>
public sealed class FeedbackChannel
{
    public const int TokenBytes = 18;

    private FeedbackChannel()
    {
        Token = string.Empty;
    }

    public AgreementId AgreementId { get; private set; }

    public string Token { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static FeedbackChannel Open(AgreementId agreementId, DateTimeOffset now) => new()
    {
        AgreementId = agreementId,
        Token = Base64UrlToken(RandomNumberGenerator.GetBytes(TokenBytes)),
        CreatedAt = now,
    };

    /// <summary>A poster is made for an issued or accepted agreement (a project about to run or running).</summary>
    public static bool PosterAllowed(AgreementStatus status) => status is AgreementStatus.Issued or AgreementStatus.Accepted;

    /// <summary>Feedback is taken while the project is in implementation; a terminated or completed one is closed.</summary>
    public static bool AcceptsFeedback(AgreementStatus status) => status is AgreementStatus.Issued or AgreementStatus.Accepted;

    /// <summary>A token's shape: 24 characters of the URL-safe alphabet; anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 24 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlToken(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}

public readonly record struct BeneficiaryFeedbackId(Guid Value)
{
    public static BeneficiaryFeedbackId New() => new(Guid.CreateVersion7());
}

/// <summary>One beneficiary's anonymous rating (1–5) of a project's service, with an optional comment that only the body's officials and the organization read.</summary>
public sealed class BeneficiaryFeedback : Entity
{
    public const int MaxComment = 1000;

    private BeneficiaryFeedback()
    {
        Culture = string.Empty;
    }

    public BeneficiaryFeedbackId Id { get; private set; }

    public AgreementId AgreementId { get; private set; }

    public int Rating { get; private set; }

    public string? Comment { get; private set; }

    public string Culture { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public static BeneficiaryFeedback Submit(AgreementId agreementId, AgreementStatus status, int rating, string? comment, string culture, DateTimeOffset now)
    {
        CheckRule(new FeedbackIsTakenOnlyDuringImplementationRule(status));
        CheckRule(new RatingIsOneToFiveRule(rating));
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        CheckRule(new FeedbackCommentIsShortRule(text));
        return new BeneficiaryFeedback
        {
            Id = BeneficiaryFeedbackId.New(),
            AgreementId = agreementId,
            Rating = rating,
            Comment = text,
            Culture = culture is "kk" or "en" ? culture : "ru",
            SubmittedAt = now,
        };
    }
}

/// <summary>Count, mean and distribution (index 0 = rating 1) of a project's ratings.</summary>
public sealed record RatingSummary(int Count, decimal? Mean, IReadOnlyList<int> Distribution)
{
    public static RatingSummary Of(IEnumerable<(int Rating, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var distribution = new int[5];
        foreach (var (rating, count) in counts)
        {
            if (rating is >= 1 and <= 5)
            {
                distribution[rating - 1] += count;
            }
        }

        var total = distribution.Sum();
        decimal? mean = total == 0 ? null : Math.Round(distribution.Select((c, i) => (decimal)c * (i + 1)).Sum() / total, 2, MidpointRounding.AwayFromZero);
        return new RatingSummary(total, mean, distribution);
    }
}

public sealed class FeedbackIsTakenOnlyDuringImplementationRule(AgreementStatus status) : IBusinessRule
{
    public bool IsBroken() => !FeedbackChannel.AcceptsFeedback(status);

    public string MessageKey => "Feedback.Closed";
}

public sealed class RatingIsOneToFiveRule(int rating) : IBusinessRule
{
    public bool IsBroken() => rating is < 1 or > 5;

    public string MessageKey => "Feedback.RatingRequired";
}

public sealed class FeedbackCommentIsShortRule(string? comment) : IBusinessRule
{
    public bool IsBroken() => comment is { Length: > BeneficiaryFeedback.MaxComment };

    public string MessageKey => "Feedback.CommentTooLong";
}
