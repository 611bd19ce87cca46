using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Common.Interfaces;

/// <summary>A submitted report version as its receipt PDF shows it: the receipt (number, time, SHA-256) and the content.</summary>
public sealed record ReportReceiptDocument(
    string ReceiptNumber, DateTimeOffset SubmittedAtUtc, string AgreementNumber, string CallReference, LocalizedText OrganizationName, string OrganizationBin,
    string ProjectTitle, int ReportNumber, ReportKind Kind, DateOnly DueOn, int Version, ReportContent Content, string Sha256, string VerificationUrl);

public interface IReportRenderer
{
    /// <summary>A PDF in one language; the same version always renders to the same bytes.</summary>
    byte[] Render(ReportReceiptDocument report, ProtocolLanguage language);
}
