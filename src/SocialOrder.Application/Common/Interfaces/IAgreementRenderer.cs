using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Common.Interfaces;

/// <summary>An issued agreement as its PDF shows it.</summary>
public sealed record AgreementDocument(
    string Number, DateTimeOffset IssuedAtUtc, AgreementParties Parties, string CallReference, LocalizedText CallTitle, string? ProtocolNumber,
    string ProjectTitle, AgreementTerm Term, IReadOnlyList<YearAmount> Years, decimal Total, IReadOnlyList<Tranche> Tranches,
    IReadOnlyList<ReportingPoint> Reports, IReadOnlyList<AgreementActivity> Activities, IReadOnlyList<AgreementIndicator> Indicators,
    string Sha256, string VerificationUrl, IReadOnlyList<AgreementBudgetLine>? Budget = null);

public interface IAgreementRenderer
{
    /// <summary>A PDF in one language (the protocol's languages); the same agreement always renders to the same bytes.</summary>
    byte[] Render(AgreementDocument agreement, ProtocolLanguage language);
}
