namespace SocialOrder.Application.Common.Interfaces;

/// <summary>
/// Absolute links to the portal's pages, for e-mails and PDFs: one port, built by the web layer from its routes and
/// from Portal:PublicBaseUrl or, without it, the request that caused the message.
/// </summary>
public interface IPortalLinks
{
    string CallPage(Guid callId);

    string ConfirmSubscription(string token);

    string Unsubscribe(string token);

    string ConfirmEmail(Guid userId, string token);

    string ResetPassword(Guid userId, string token);

    string UnlockAccount(Guid userId, string token);

    string ConfirmEmailChange(Guid userId, string email, string token);

    string JoinOrganization(string token);

    string MyBids();

    string BidReceipt(Guid submissionId);

    string MyAssignments();

    string ScoreSheet(Guid assignmentId);

    string EvaluationDashboard(Guid callId);

    string MyProject(Guid agreementId);

    /// <summary>The complaints of a call, for the officials of its body.</summary>
    string CallAppeals(Guid callId);
    /// <summary>The public verification page for a document whose SHA-256 (file or printed data hash) is given.</summary>
    string Verify(string sha256);
}
