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

    /// <summary>To the owner of an account that too many wrong passwords have just locked.</summary>
    public static EmailMessage Locked(string to, string name, string link, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: есептік жазбаңыз бұғатталды",
                "Есептік жазбаңызға қате құпиясөзбен тым көп рет кіруге тырысты, сондықтан ол уақытша бұғатталды. Бұл сіз болсаңыз, бұғатты осы сілтеме арқылы алыңыз (сілтемені ашқан браузер бұдан былай бөгде әрекеттерден бұғатталмайды). Бұл сіз болмасаңыз да, сілтемені басып, құпиясөзді ауыстырған жөн:"),
            "en" => ("SocialOrder: your account was locked",
                "Someone tried to sign in to your account with a wrong password too many times, so it is locked for now. Follow this link to unlock it (the browser you open it in will not be kept out by others' attempts); if it was not you, unlock it and change your password:"),
            _ => ("SocialOrder: ваша учётная запись заблокирована",
                "Кто-то слишком много раз пытался войти в вашу учётную запись с неверным паролем, поэтому она временно заблокирована. Чтобы снять блокировку, перейдите по ссылке (браузер, в котором вы её откроете, больше не будет блокироваться чужими попытками); если это были не вы, снимите блокировку и смените пароль:"),
        };
        return new EmailMessage(to, subject, Html(name, body, link));
    }

    /// <summary>To the new address: the change happens only when this link is followed.</summary>
    public static EmailMessage ConfirmEmailChange(string to, string name, string link, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: жаңа электрондық поштаны растаңыз", "Порталға кіру мекенжайын осы мекенжайға ауыстыру үшін сілтемені басыңыз. Сілтемені баспасаңыз, ештеңе өзгермейді:"),
            "en" => ("SocialOrder: confirm your new e-mail", "To make this your sign-in address on the portal, follow this link. Nothing changes unless you do:"),
            _ => ("SocialOrder: подтвердите новый адрес почты", "Чтобы входить на портал с этим адресом, перейдите по ссылке. Пока вы этого не сделаете, ничего не изменится:"),
        };
        return new EmailMessage(to, subject, Html(name, body, link));
    }

    /// <summary>To the old address: someone asked to move the account to another address.</summary>
    public static EmailMessage EmailChangeRequested(string to, string name, string newEmail, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: электрондық поштаны ауыстыру сұралды",
                $"Есептік жазбаңыздың мекенжайын {newEmail} мекенжайына ауыстыру сұралды. Ол сол мекенжайға жіберілген сілтеме басылғанда ғана өзгереді. Бұл сіз болмасаңыз, құпиясөзді ауыстырыңыз."),
            "en" => ("SocialOrder: a change of your e-mail was requested",
                $"A change of your account's address to {newEmail} was requested. It happens only when the link sent there is followed. If it was not you, change your password."),
            _ => ("SocialOrder: запрошена смена адреса почты",
                $"Запрошена смена адреса вашей учётной записи на {newEmail}. Адрес изменится, только когда будет открыта ссылка, отправленная на него. Если это были не вы, смените пароль."),
        };
        return new EmailMessage(to, subject, $"<p>{WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(body)}</p>");
    }

    /// <summary>To the owner of an account an administrator deactivated (ADR 31).</summary>
    public static EmailMessage Deactivated(string to, string name, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: есептік жазбаңыз өшірілді",
                "Портал әкімшісі сіздің есептік жазбаңызды өшірді: енді порталға кіре алмайсыз, ашық сеанстар аяқталды. Бұл қате болса, порталдың әкімшісіне хабарласыңыз."),
            "en" => ("SocialOrder: your account was deactivated",
                "A portal administrator deactivated your account: you can no longer sign in, and your open sessions have ended. If this is a mistake, contact the portal's administrator."),
            _ => ("SocialOrder: ваша учётная запись отключена",
                "Администратор портала отключил вашу учётную запись: войти на портал больше нельзя, открытые сеансы завершены. Если это ошибка, обратитесь к администратору портала."),
        };
        return new EmailMessage(to, subject, $"<p>{WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(body)}</p>");
    }

    /// <summary>To the owner of an account an administrator reactivated (ADR 31).</summary>
    public static EmailMessage Reactivated(string to, string name, string culture)
    {
        var (subject, body) = culture switch
        {
            "kk" => ("SocialOrder: есептік жазбаңыз қайта қосылды",
                "Портал әкімшісі сіздің есептік жазбаңызды қайта қосты: порталға бұрынғы құпиясөзбен кіре аласыз."),
            "en" => ("SocialOrder: your account was reactivated",
                "A portal administrator reactivated your account: you can sign in again with your password."),
            _ => ("SocialOrder: ваша учётная запись снова включена",
                "Администратор портала снова включил вашу учётную запись: вы можете входить на портал со своим паролем."),
        };
        return new EmailMessage(to, subject, $"<p>{WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(body)}</p>");
    }

    private static string Html(string name, string text, string link) =>
        $"<p>{WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(text)}</p>" +
        $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
}
