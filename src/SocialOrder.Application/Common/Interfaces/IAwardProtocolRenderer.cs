namespace SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls; // Instrument: the protocol's wording follows it (state social order or state grant)
using SocialOrder.Domain.Common; // LocalizedText(string Kk, string Ru, string? En = null)
public enum ProtocolLanguage { Kk, Ru }
public enum ProtocolMemberRole { Chair, Secretary, Member }
public enum ProtocolOutcome { Awarded, Reserve, NotAwarded }
public sealed record ProtocolMember(string FullName, ProtocolMemberRole Role, bool IsObserver, bool Present);
public sealed record ProtocolIneligibleBid(string ReceiptNumber, LocalizedText OrganizationName, string Bin, string Reason);
public sealed record ProtocolCriterion(string Code, LocalizedText Name, decimal Weight, int MaxPoints);
/// Flags: "Divergent", "Reconciled", "BelowCriterionMinimum", "BelowOverallMinimum" (render as short localized labels).
public sealed record ProtocolBid(int Rank, string ReceiptNumber, LocalizedText OrganizationName, string Bin, decimal Requested, IReadOnlyList<decimal> CriterionMeans, decimal Total, IReadOnlyList<string> Flags, ProtocolOutcome Outcome, decimal Awarded, string? AmountJustification);
public sealed record ProtocolDissent(string MemberName, string Text);
public sealed record AwardProtocolDocument(
    string ProtocolNumber, DateTimeOffset DecidedAtUtc, LocalizedText StateBodyName, string CallReference, LocalizedText CallTitle,
    decimal Budget, IReadOnlyList<ProtocolMember> Members, decimal QuorumFraction,
    int BidsReceived, int BidsWithdrawn, IReadOnlyList<ProtocolIneligibleBid> Ineligible, int BidsEvaluated,
    IReadOnlyList<ProtocolCriterion> Criteria, IReadOnlyList<ProtocolBid> Bids, decimal TotalAwarded,
    IReadOnlyList<ProtocolDissent> Dissents, string DecisionSha256, string VerificationUrl, Instrument Instrument, AuditChainHead? AuditHead = null, int Version = 1);
/// The last event of the audit trail when the decision was locked: its sequence number and hash.
public sealed record AuditChainHead(long Sequence, string Hash);
public interface IAwardProtocolRenderer
{
    /// A PDF in one language; the same document always renders to the same bytes.
    byte[] Render(AwardProtocolDocument protocol, ProtocolLanguage language);
}
