using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Appeals;

public sealed record AppealDocumentView(Guid FileId, string FileName, long Size, string Sha256);

/// <summary>A complaint as its organization and the call's officials and observers see it.</summary>
public sealed record AppealView(
    Guid Id, LocalizedText Organization, string Bin, int ProtocolVersion, DateTimeOffset FiledAt, string Reasons, IReadOnlyList<AppealDocumentView> Documents,
    AppealStatus Status, string? Answer, DateTimeOffset? AnsweredAt, DateTimeOffset AnswerDueAt, bool Late);

internal static class AppealProjection
{
    public static AppealView View(Appeal a, LocalizedText organization, string bin, DateTimeOffset now) => new(
        a.Id.Value, organization, bin, a.ProtocolVersion, a.FiledAt, a.Reasons,
        [.. a.Documents.Select(d => new AppealDocumentView(d.FileId, d.FileName, d.Size, d.Sha256))],
        a.Status, a.Answer, a.AnsweredAt, a.AnswerDueAt, a.IsLate(now));
}
