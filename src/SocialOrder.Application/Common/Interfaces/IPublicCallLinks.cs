namespace SocialOrder.Application.Common.Interfaces;

/// <summary>Absolute links to public call pages and subscription actions, for e-mails; built by the web layer.</summary>
public interface IPublicCallLinks
{
    string CallPage(Guid callId);

    string ConfirmSubscription(string token);

    string Unsubscribe(string token);
}
