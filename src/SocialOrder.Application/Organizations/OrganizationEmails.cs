using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Organizations;
using SocialOrder.Domain.ReferenceData;

namespace SocialOrder.Application.Organizations;

internal static class OrganizationEmails
{
    public static EmailMessage Invitation(string to, LocalizedText organization, string link, string culture)
    {
        var name = System.Net.WebUtility.HtmlEncode(organization.For(culture));
        var (subject, text) = culture switch
        {
            "kk" => ("SocialOrder: ұйымға шақыру", $"Сізді «{name}» ұйымына SocialOrder порталында қосылуға шақырады. Осы мекенжаймен кіріп, сілтемені басыңыз (14 күн жарамды):"),
            "en" => ("SocialOrder: invitation to join an organization", $"You are invited to join “{name}” on SocialOrder. Sign in with this address and follow the link (valid for 14 days):"),
            _ => ("SocialOrder: приглашение в организацию", $"Вас приглашают присоединиться к организации «{name}» на портале SocialOrder. Войдите с этим адресом и перейдите по ссылке (действует 14 дней):"),
        };
        var safeLink = System.Net.WebUtility.HtmlEncode(link);
        return new EmailMessage(to, subject, $"<p>{text}</p><p><a href=\"{safeLink}\">{safeLink}</a></p>");
    }
}
