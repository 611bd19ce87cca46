using System.Net;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Accounts;

/// <summary>Account e-mails in the recipient's language (the one they used on the site).</summary>
internal static class AccountEmails
{
    public static EmailMessage Confirmation(string to, string name, string link, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: электрондық поштаны растаңыз", "Тіркеуді аяқтау үшін сілтемені басыңыз:"),
            "en" => ("SocialOrder: confirm your e-mail", "To finish your registration, follow this link:"),
            _ => ("SocialOrder: подтвердите электронную почту", "Чтобы завершить регистрацию, перейдите по ссылке:"),
        };
        return new EmailMessage(to, subject, Html(name, body, link));
    }

    /// <summary>To the owner of an address someone tried to register again: the page said the same as for a new address.</summary>
    public static EmailMessage AlreadyRegistered(string to, string name, string link, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: бұл мекенжаймен есептік жазба бұрыннан бар",
                "Біреу (мүмкін, сіз) осы мекенжаймен порталда қайта тіркелмек болды. Сізде есептік жазба бар. Құпиясөзді ұмытсаңыз, оны осы сілтеме арқылы жаңартыңыз; бұл сіз болмасаңыз, хатты елемеңіз:"),
            "en" => ("SocialOrder: you already have an account",
                "Someone (perhaps you) tried to register on the portal with this address. You already have an account. If you forgot your password, set a new one with this link; if it was not you, ignore this message:"),
            _ => ("SocialOrder: у вас уже есть учётная запись",
                "Кто-то (возможно, вы) попытался зарегистрироваться на портале с этим адресом. У вас уже есть учётная запись. Если вы забыли пароль, задайте новый по ссылке; если это были не вы, просто не отвечайте на письмо:"),
        };
        return new EmailMessage(to, subject, Html(name, body, link));
    }

    public static EmailMessage PasswordReset(string to, string name, string link, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: құпиясөзді қалпына келтіру", "Жаңа құпиясөз орнату үшін сілтемені басыңыз:"),
            "en" => ("SocialOrder: reset your password", "To set a new password, follow this link:"),
            _ => ("SocialOrder: восстановление пароля", "Чтобы задать новый пароль, перейдите по ссылке:"),
        };
        return new EmailMessage(to, subject, Html(name, body, link));
    }

    public static EmailMessage StaffInvitation(string to, string name, string link, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: сізге есептік жазба ашылды", "Құпиясөз орнатып, порталға кіру үшін сілтемені басыңыз:"),
            "en" => ("SocialOrder: an account was opened for you", "To set your password and sign in, follow this link:"),
            _ => ("SocialOrder: для вас открыта учётная запись", "Чтобы задать пароль и войти на портал, перейдите по ссылке:"),
        };
        return new EmailMessage(to, subject, Html(name, body, link));
    }

    private static string Html(string name, string text, string link) =>
        $"<p>{WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(text)}</p>" +
        $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
}
