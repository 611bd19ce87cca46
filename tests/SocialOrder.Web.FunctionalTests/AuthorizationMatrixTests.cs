using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Evaluation;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Identity;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Web.FunctionalTests;

/// <summary>
/// The authorization matrix (issue 13): every action the portal's endpoints expose, tried by every kind of user, and
/// compared with one table of who may use it. A route that is not in the table, or an entry whose route is gone, fails.
/// </summary>
public sealed partial class AuthorizationMatrixTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    /// <summary>The kinds of user tried against each route.</summary>
    [Flags]
    private enum Who
    {
        None = 0,
        Anonymous = 1,

        /// <summary>applicant@: a member of the organization that owns the bid.</summary>
        Owner = 2,

        /// <summary>A newly registered applicant of no organization of the bid.</summary>
        OtherApplicant = 4,

        /// <summary>expert@: assigned to the bid, conflict of interest declared as none.</summary>
        Expert = 8,

        /// <summary>expert2@: an approved expert with no assignment on the bid.</summary>
        OtherExpert = 16,

        /// <summary>official@: an official of the ministry that owns the calls.</summary>
        Official = 32,

        /// <summary>official.almaty@: an official of another body.</summary>
        OtherOfficial = 64,

        /// <summary>observer@: an observer of the ministry.</summary>
        Observer = 128,
        Administrator = 256,

        /// <summary>An observer of the Almaty akimat, made for this test.</summary>
        OtherObserver = 512,

        Applicants = Owner | OtherApplicant,
        Experts = Expert | OtherExpert,
        Officials = Official | OtherOfficial,
        Observers = Observer | OtherObserver,
        Authenticated = Applicants | Experts | Officials | Observers | Administrator,
        Public = Anonymous | Authenticated,
    }

    /// <summary>Which record fills the route's <c>id</c>.</summary>
    private enum Id
    {
        None,

        /// <summary>The ministry's call in evaluation (closed, with bids and expert@'s assignment).</summary>
        Call,

        /// <summary>applicant@'s draft bid on the ministry's open call.</summary>
        Bid,

        /// <summary>The submitted bid in evaluation, of an organization applicant@ has joined.</summary>
        SubmittedBid,

        /// <summary>applicant@'s organization.</summary>
        Organization,

        /// <summary>expert@'s accepted assignment.</summary>
        Assignment,

        /// <summary>expert@'s user id (an expert candidacy the administrator looks at).</summary>
        ExpertUser,

        /// <summary>A made-up id: no record of that kind is made here; a role the table refuses must still be refused.</summary>
        Random,
    }

    private sealed record Rule(Who Who, Id Id = Id.None);

    /// <summary>Who may use each route: written once, keyed by "Area/Controller/Action METHOD" (no area: "/Controller/...").</summary>
    private static readonly Dictionary<string, Rule> Table = new(StringComparer.Ordinal)
    {
        // Public pages, the account and the catalogue.
        ["/Home/Index GET"] = new(Who.Public),
        ["/Home/SetCulture POST"] = new(Who.Public),
        ["/Home/Error GET"] = new(Who.Public),

        // The development outbox: open to anyone only in Development and Testing (this suite), else administrators.
        ["/Home/Outbox GET"] = new(Who.Public),
        ["/Account/Login GET"] = new(Who.Public),
        ["/Account/Login POST"] = new(Who.Public),
        ["/Account/LoginWithCode GET"] = new(Who.Public),
        ["/Account/LoginWithCode POST"] = new(Who.Public),
        ["/Account/LoginWithRecoveryCode GET"] = new(Who.Public),
        ["/Account/LoginWithRecoveryCode POST"] = new(Who.Public),
        ["/Account/Register GET"] = new(Who.Public),
        ["/Account/Register POST"] = new(Who.Public),
        ["/Account/RegisterConfirmation GET"] = new(Who.Public),
        ["/Account/ConfirmEmail GET"] = new(Who.Public),
        ["/Account/ForgotPassword GET"] = new(Who.Public),
        ["/Account/ForgotPassword POST"] = new(Who.Public),
        ["/Account/ResetPassword GET"] = new(Who.Public),
        ["/Account/ResetPassword POST"] = new(Who.Public),
        ["/Account/AccessDenied GET"] = new(Who.Public),
        ["/Account/Unlock GET"] = new(Who.Public),
        ["/Account/Unlock POST"] = new(Who.Public),
        ["/Account/ConfirmEmailChange GET"] = new(Who.Public),
        ["/Account/ResendConfirmation GET"] = new(Who.Public),
        ["/Account/ResendConfirmation POST"] = new(Who.Public),
        ["/Account/ChangePassword GET"] = new(Who.Authenticated),
        ["/Account/ChangePassword POST"] = new(Who.Authenticated),
        ["/Account/KeepAlive POST"] = new(Who.Authenticated),
        ["/Account/ChangeEmail GET"] = new(Who.Authenticated),
        ["/Account/ChangeEmail POST"] = new(Who.Authenticated),
        ["/Account/SignIns GET"] = new(Who.Authenticated),
        ["/Account/Logout POST"] = new(Who.Public),
        ["/Account/TwoFactor GET"] = new(Who.Authenticated),
        ["/Account/TwoFactor POST"] = new(Who.Authenticated),
        ["/Account/RecoveryCodes POST"] = new(Who.Authenticated),
        ["/Account/DisableTwoFactor POST"] = new(Who.Authenticated),
        ["/Account/Manage GET"] = new(Who.Authenticated),
        ["/Calls/Index GET"] = new(Who.Public),
        ["/Calls/Details GET"] = new(Who.Public, Id.Call),
        ["/Calls/ByReference GET"] = new(Who.Public),
        ["/Calls/Protocol GET"] = new(Who.Public, Id.Call),
        ["/Calls/Ask POST"] = new(Who.Applicants, Id.Call),

        // The OCDS open data API (ADR 20): public, no token.
        ["/OpenData/Releases GET"] = new(Who.Public),
        ["/OpenData/Record GET"] = new(Who.Public),
        ["/OpenData/Bulk GET"] = new(Who.Public),
        ["/OpenData/OpenApi GET"] = new(Who.Public),
        ["/CallSubscriptions/Subscribe GET"] = new(Who.Public),
        ["/CallSubscriptions/Subscribe POST"] = new(Who.Public),
        ["/CallSubscriptions/Confirm GET"] = new(Who.Public),
        ["/CallSubscriptions/Confirm POST"] = new(Who.Public),
        ["/CallSubscriptions/Unsubscribe GET"] = new(Who.Public),
        ["/CallSubscriptions/Unsubscribe POST"] = new(Who.Public),
        ["/Verify/Index GET"] = new(Who.Public),
        ["/Verify/Index POST"] = new(Who.Public),
        ["/Verify/Hash GET"] = new(Who.Public),
        ["/AuditHeads/Get GET"] = new(Who.Public),

        // Public statistics (ADR 27): no sign-in.
        ["/Statistics/Index GET"] = new(Who.Public),
        ["/Statistics/Csv GET"] = new(Who.Public),
        // Service standards (issue 11): a public register; the beneficiary feedback form by its token (a made-up one: 404).
        ["/Standards/Index GET"] = new(Who.Public),
        ["/Standards/Details GET"] = new(Who.Public),
        ["/Feedback/Index GET"] = new(Who.Public),
        ["/Feedback/Index POST"] = new(Who.Public),

        // A project's feedback comments and poster: the body's officials and the organization's members (no agreement here: 404).
        ["/ProjectFeedback/Index GET"] = new(Who.Official | Who.Owner, Id.Random),
        ["/ProjectFeedback/Poster GET"] = new(Who.Official | Who.Owner, Id.Random),

        // Applicants: their own organizations and bids only.
        ["Applicant/Home/Index GET"] = new(Who.Applicants),
        ["Applicant/Organizations/Index GET"] = new(Who.Applicants),
        ["Applicant/Organizations/Register GET"] = new(Who.Applicants),
        ["Applicant/Organizations/Register POST"] = new(Who.Applicants),
        ["Applicant/Organizations/Details GET"] = new(Who.Owner, Id.Organization),
        ["Applicant/Organizations/Invite POST"] = new(Who.Owner, Id.Organization),
        ["Applicant/Organizations/RemoveMember POST"] = new(Who.Owner, Id.Organization),
        ["Applicant/Organizations/Join GET"] = new(Who.Applicants),
        ["Applicant/Organizations/Join POST"] = new(Who.Applicants),
        ["Applicant/Bids/Index GET"] = new(Who.Applicants),
        ["Applicant/Bids/Apply GET"] = new(Who.Applicants),

        // Posted with applicant@'s organization: another applicant may not start a bid in its name.
        ["Applicant/Bids/Apply POST"] = new(Who.Owner),
        ["Applicant/Bids/Edit GET"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/Edit POST"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/Autosave POST"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/Submit POST"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/Withdraw POST"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/Upload POST"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/RemoveDocument POST"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/File GET"] = new(Who.Owner, Id.Bid),
        ["Applicant/Bids/Feedback GET"] = new(Who.Owner, Id.SubmittedBid),
        ["Applicant/Bids/ReceiptPdf GET"] = new(Who.Owner, Id.SubmittedBid),
        ["Applicant/Bids/Receipt GET"] = new(Who.Owner, Id.SubmittedBid),
        // Complaints after the results (ADR 28): from the organization's own submitted bid; documents by complaint id.
        ["Applicant/Appeals/File GET"] = new(Who.Owner, Id.SubmittedBid),
        ["Applicant/Appeals/File POST"] = new(Who.Owner, Id.SubmittedBid),
        ["Applicant/Appeals/Document GET"] = new(Who.Owner, Id.Random),
        ["Applicant/Projects/Index GET"] = new(Who.Applicants),
        ["Applicant/Projects/Details GET"] = new(Who.Owner, Id.Random),
        ["Applicant/Projects/Accept POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Projects/Pdf GET"] = new(Who.Owner, Id.Random),
        // Reports (ADR 24): the id is a report's (an agreement's for Start); none is made here, so each user's 404 is a refusal.
        ["Applicant/Reports/Start POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Edit GET"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Edit POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Autosave POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Submit POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Upload POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/RemoveEvidence POST"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Details GET"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Receipt GET"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/ReceiptPdf GET"] = new(Who.Owner, Id.Random),
        ["Applicant/Reports/Evidence GET"] = new(Who.Owner, Id.Random),
        // An empty answer is refused by validation before the organization is looked up (back to the page); a non-member with an answer gets 404 (MonitoringTests).
        ["Applicant/CorrectiveActions/Answer POST"] = new(Who.Applicants, Id.Random),
        ["Applicant/CorrectiveActions/PhotoFile GET"] = new(Who.Owner, Id.Random),

        // Experts: only the bids assigned to them; the profile is anyone's way to become an expert.
        ["Expert/Home/Index GET"] = new(Who.Experts),
        ["Expert/Assignments/Index GET"] = new(Who.Experts),
        ["Expert/Assignments/Declare POST"] = new(Who.Expert, Id.Assignment),
        ["Expert/Assignments/Decline POST"] = new(Who.Expert, Id.Assignment),
        ["Expert/Assignments/Score GET"] = new(Who.Expert, Id.Assignment),
        ["Expert/Assignments/Score POST"] = new(Who.Expert, Id.Assignment),
        ["Expert/Assignments/Autosave POST"] = new(Who.Expert, Id.Assignment),
        ["Expert/Assignments/File GET"] = new(Who.Expert, Id.Assignment),
        // Open to any signed-in user by its attribute, but the handler answers 404 to whoever has no expert profile
        // (a candidate awaiting approval has one; none of the other users here does).
        ["Expert/Profile/Index GET"] = new(Who.Experts),
        ["Expert/Profile/Index POST"] = new(Who.Experts),
        ["Expert/Profile/Availability POST"] = new(Who.Experts),

        // Officials: the calls of their own body.
        ["Organizer/Home/Index GET"] = new(Who.Officials),
        ["Organizer/Calls/Index GET"] = new(Who.Officials),
        ["Organizer/Calls/Create GET"] = new(Who.Officials),
        ["Organizer/Calls/Create POST"] = new(Who.Officials),
        ["Organizer/Calls/Edit GET"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Edit POST"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Details GET"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Publish POST"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Amend GET"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Amend POST"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Cancel POST"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/Answer POST"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/CheckEligibility POST"] = new(Who.Official, Id.Call),
        ["Organizer/Calls/BidDocuments GET"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Index GET"] = new(Who.Official, Id.Call),
        // Only a redirect to the dashboard's ranking tab, which is what checks the body (another body's official gets 404 there).
        ["Organizer/Evaluation/Ranking GET"] = new(Who.Officials, Id.Call),
        ["Organizer/Evaluation/Propose POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Assign POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Swap POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Discard POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Confirm POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Reopen POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Reconcile POST"] = new(Who.Official, Id.Call),
        ["Organizer/Evaluation/Pool GET"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Index GET"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Prepare POST"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Attendance POST"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Change POST"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Dissent POST"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Confirm POST"] = new(Who.Official, Id.Call),
        ["Organizer/Awards/Protocol GET"] = new(Who.Official, Id.Call),
        ["Organizer/Appeals/Index GET"] = new(Who.Official, Id.Call),
        ["Organizer/Appeals/Answer POST"] = new(Who.Official, Id.Call),
        ["Organizer/Appeals/Document GET"] = new(Who.Official, Id.Call),
        ["Organizer/RedFlags/Index GET"] = new(Who.Official, Id.Call),
        ["Organizer/Agreements/Index GET"] = new(Who.Officials),
        ["Organizer/Agreements/Call GET"] = new(Who.Official, Id.Call),
        ["Organizer/Agreements/Draft POST"] = new(Who.Official, Id.Call),

        // Agreement routes take agreementId (AgreementOfOwnBody: another body's is 404); no agreement is made here yet.
        ["Organizer/Agreements/Details GET"] = new(Who.Official, Id.Random),
        ["Organizer/Agreements/Schedule POST"] = new(Who.Official, Id.Random),
        ["Organizer/Agreements/Issue POST"] = new(Who.Official, Id.Random),
        ["Organizer/Agreements/Pay POST"] = new(Who.Official, Id.Random),
        ["Organizer/Agreements/Terminate POST"] = new(Who.Official, Id.Random),
        ["Organizer/Agreements/Pdf GET"] = new(Who.Official, Id.Random),
        ["Organizer/Reports/Details GET"] = new(Who.Official, Id.Random),
        ["Organizer/Reports/Accept POST"] = new(Who.Official, Id.Random),
        ["Organizer/Reports/Return POST"] = new(Who.Official, Id.Random),
        ["Organizer/Reports/ReceiptPdf GET"] = new(Who.Official, Id.Random),
        ["Organizer/Reports/Evidence GET"] = new(Who.Official, Id.Random),

        // Exports (ADR 27): the lists of the pages above as CSV or XLSX, with the same access as each page.
        ["Organizer/Exports/Calls GET"] = new(Who.Officials),
        ["Organizer/Exports/Bids GET"] = new(Who.Official, Id.Call),
        ["Organizer/Exports/Ranking GET"] = new(Who.Official, Id.Call),
        ["Organizer/Exports/Agreements GET"] = new(Who.Officials),
        ["Organizer/Exports/Payments GET"] = new(Who.Officials),
        ["Organizer/Visits/Record POST"] = new(Who.Official, Id.Random),
        ["Organizer/Visits/Photo POST"] = new(Who.Official, Id.Random),
        ["Organizer/Visits/Review POST"] = new(Who.Official, Id.Random),
        ["Organizer/Visits/PhotoFile GET"] = new(Who.Official, Id.Random),

        // Observers: read the calls of their own body, never write.
        ["Observer/Home/Index GET"] = new(Who.Observers),
        ["Observer/Calls/Index GET"] = new(Who.Observers),
        ["Observer/Calls/Details GET"] = new(Who.Observer, Id.Call),
        ["Observer/Appeals/Index GET"] = new(Who.Observer, Id.Call),
        ["Observer/Appeals/Document GET"] = new(Who.Observer, Id.Call),
        ["Observer/RedFlags/Index GET"] = new(Who.Observer, Id.Call),
        ["Observer/Projects/Index GET"] = new(Who.Observers),
        ["Observer/Projects/Details GET"] = new(Who.Observer, Id.Random),
        ["Observer/Projects/Pdf GET"] = new(Who.Observer, Id.Random),
        ["Observer/Reports/Details GET"] = new(Who.Observer, Id.Random),
        ["Observer/Reports/ReceiptPdf GET"] = new(Who.Observer, Id.Random),
        ["Observer/Reports/Evidence GET"] = new(Who.Observer, Id.Random),
        ["Observer/Visits/Remark POST"] = new(Who.Observer, Id.Random),
        ["Observer/Visits/PhotoFile GET"] = new(Who.Observer, Id.Random),

        // Administrators: users, bodies, the audit trail.
        ["Admin/Home/Index GET"] = new(Who.Administrator),
        ["Admin/Audit/Index GET"] = new(Who.Administrator),
        ["Admin/Audit/Verify POST"] = new(Who.Administrator),
        ["Admin/StateBodies/Index GET"] = new(Who.Administrator),
        ["Admin/StateBodies/Create POST"] = new(Who.Administrator),
        ["Admin/Standards/Index GET"] = new(Who.Administrator),
        ["Admin/Standards/Create GET"] = new(Who.Administrator),
        ["Admin/Standards/Create POST"] = new(Who.Administrator),
        ["Admin/Standards/Edit GET"] = new(Who.Administrator, Id.Random),
        ["Admin/Standards/Edit POST"] = new(Who.Administrator, Id.Random),
        ["Admin/Standards/Publish POST"] = new(Who.Administrator, Id.Random),
        ["Admin/Standards/NewVersion POST"] = new(Who.Administrator, Id.Random),
        ["Admin/Users/Index GET"] = new(Who.Administrator),
        ["Admin/Users/Create GET"] = new(Who.Administrator),
        ["Admin/Users/Create POST"] = new(Who.Administrator),
        ["Admin/Users/Expert GET"] = new(Who.Administrator, Id.ExpertUser),

        // A made-up user: approving or resetting a real one would change the users the other rows sign in as.
        ["Admin/Users/Decide POST"] = new(Who.Administrator, Id.Random),
        ["Admin/Users/ResetTwoFactor POST"] = new(Who.Administrator, Id.Random),
        ["Admin/StateBodies/Edit GET"] = new(Who.Administrator, Id.Random),
        ["Admin/StateBodies/Edit POST"] = new(Who.Administrator, Id.Random),
        ["Admin/ReferenceData/Index GET"] = new(Who.Administrator),
        ["Admin/ReferenceData/Edit POST"] = new(Who.Administrator),
        ["Admin/Organizations/Index GET"] = new(Who.Administrator),
        ["Admin/Organizations/Members GET"] = new(Who.Administrator, Id.Random),
        ["Admin/Users/Deactivate POST"] = new(Who.Administrator, Id.Random),
        ["Admin/Users/Reactivate POST"] = new(Who.Administrator, Id.Random),
    };

    private sealed record Route(string Key, string Method, ControllerActionDescriptor Action);

    private sealed record Ids(Guid Call, Guid OpenCall, Guid Bid, Guid EvaluatedBid, Guid Organization, Guid Assignment, Guid ExpertUser)
    {
        public Guid For(Id kind) => kind switch
        {
            Id.Call => Call,
            Id.Bid => Bid,
            Id.SubmittedBid => EvaluatedBid,
            Id.Organization => Organization,
            Id.Assignment => Assignment,
            Id.ExpertUser => ExpertUser,
            _ => Guid.NewGuid(),
        };
    }

    [Fact]
    public async Task EveryRoute_ForEveryKindOfUser_AnswersAsTheTableSays()
    {
        var routes = Routes();
        var missing = routes.Where(r => !Table.ContainsKey(r.Key)).Select(r => $"not in the table: {r.Key}").ToList();
        var stale = Table.Keys.Except(routes.Select(r => r.Key)).Select(k => $"in the table but no such route: {k}").ToList();
        Assert.True(missing.Count + stale.Count == 0, string.Join(Environment.NewLine, missing.Concat(stale)));

        var users = await UsersAsync();
        var ids = await IdsAsync(users[Who.Owner].Page);
        var violations = new List<string>();
        var reached = new HashSet<Id>();
        var sent = 0;

        // First every refusal, while every record is as it was made; then the users the table allows, sign-outs last.
        foreach (var forbidden in new[] { true, false })
        {
            var tries = routes
                .SelectMany(r => users.Keys.Select(who => (Route: r, Who: who)))
                .Where(t => forbidden != Table[t.Route.Key].Who.HasFlag(t.Who))
                .OrderBy(t => t.Route.Key == "/Account/Logout POST");
            foreach (var (route, who) in tries)
            {
                var (page, token) = users[who];
                using var response = await SendAsync(page, token, route, ids);
                sent++;
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var refused = status is 401 or 403 or 404
                    || (status is 302 && Regex.IsMatch(location, "^(https?://[^/]+)?/Account/(Login|AccessDenied|TwoFactor)", RegexOptions.IgnoreCase));
                if (forbidden && !refused)
                {
                    violations.Add($"{who} reached {route.Key} ({response.RequestMessage!.RequestUri!.PathAndQuery}): {status} {location}");
                }
                else if (!forbidden && status >= 500)
                {
                    violations.Add($"{who} may use {route.Key} but got {status}");
                }
                else if (!forbidden && status == 200 && route.Method == "GET")
                {
                    reached.Add(Table[route.Key].Id);
                }
            }
        }

        // The records are real: a user the table allows opened a page of each kind, so the others' 404s are refusals.
        Assert.Equal([Id.None, Id.Call, Id.Bid, Id.SubmittedBid, Id.Organization, Id.Assignment, Id.ExpertUser], reached.Order());
        Assert.True(routes.Count >= 100, $"only {routes.Count} routes found");
        Assert.True(sent == routes.Count * users.Count, $"{sent} requests sent for {routes.Count} routes × {users.Count} users");
        Assert.True(violations.Count == 0, $"{violations.Count} of {sent}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    /// <summary>Each (action, HTTP method) the portal's endpoints expose; an action that names no method is tried with GET.</summary>
    private List<Route> Routes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>())
            .OfType<ControllerActionDescriptor>()
            .SelectMany(a =>
            {
                var methods = a.EndpointMetadata.OfType<IActionHttpMethodProvider>().SelectMany(m => m.HttpMethods).Distinct().ToList();
                var area = a.RouteValues.TryGetValue("area", out var value) ? value : null;
                return (methods.Count == 0 ? ["GET"] : methods).Select(m => new Route($"{area}/{a.ControllerName}/{a.ActionName} {m}", m, a));
            })
            .DistinctBy(r => r.Key)
            .OrderBy(r => r.Key, StringComparer.Ordinal)];

    private static async Task<HttpResponseMessage> SendAsync(WebPage page, string token, Route route, Ids ids)
    {
        var rule = Table[route.Key];
        var id = ids.For(rule.Id);
        var action = route.Action;
        var template = action.AttributeRouteInfo?.Template;
        string path;
        if (template is not null)
        {
            path = "/" + RouteToken().Replace(template, m => m.Groups[1].Value switch
            {
                "id" => id.ToString(),
                "lang" => "ru",
                "code" => "404",
                "reference" => "SG-0000-0000",
                "ocid" => "ocds-xxxxxx-SG-0000-0000",
                "hash" => new string('0', 64),
                "version" => "1",
                "token" => new string('A', 24),
                var other => throw new InvalidOperationException($"{route.Key}: no value for {{{other}}}"),
            });
        }
        else
        {
            var area = action.RouteValues.TryGetValue("area", out var value) && value is not null ? "/" + value : string.Empty;
            path = $"{area}/{action.ControllerName}/{action.ActionName}" + (rule.Id == Id.None ? string.Empty : "/" + id);
        }

        var fields = new Dictionary<string, string>();
        foreach (var parameter in action.Parameters.Where(p => p.Name != "id" && (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?))))
        {
            string? value = parameter.Name switch
            {
                "callId" => ids.OpenCall.ToString(),
                "organizationId" => ids.Organization.ToString(),
                "bidId" => ids.EvaluatedBid.ToString(),
                "assignmentId" => ids.Assignment.ToString(),
                "expertId" => ids.ExpertUser.ToString(),

                // An optional id of no record made here (copyFrom) is left out; a required one is made up.
                _ => parameter.ParameterType == typeof(Guid?) ? null : Guid.NewGuid().ToString(),
            };
            if (value is not null)
            {
                fields[parameter.Name] = value;
            }
        }

        if (route.Method == "GET")
        {
            var query = string.Join("&", fields.Select(f => $"{f.Key}={f.Value}"));
            return await page.Client.GetAsync(new Uri(query.Length == 0 ? path : $"{path}?{query}", UriKind.Relative));
        }

        fields["__RequestVerificationToken"] = token;
        fields["reason"] = "x";
        using var content = new FormUrlEncodedContent(fields);
        return await page.Client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), new Uri(path, UriKind.Relative)) { Content = content });
    }

    private async Task<Dictionary<Who, (WebPage Page, string Token)>> UsersAsync()
    {
        var other = WebPage.Open(app);
        var email = $"other-{Guid.NewGuid():N}@example.kz";
        using (var registered = await other.PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["AccountType"] = "Applicant", ["FullName"] = "Жанна Ергалиева", ["Email"] = email,
            ["Password"] = DemoDataSeeder.DemoPassword, ["ConfirmPassword"] = DemoDataSeeder.DemoPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var mail = app.Outbox().Last(m => m.To == email);
        var link = Regex.Match(mail.HtmlBody, "href=\"https?://[^/\"]+(/Account/ConfirmEmail\\?[^\"]+)\"").Groups[1].Value;
        var (confirmed, _) = await other.GetAsync(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, confirmed);

        var users = new Dictionary<Who, (WebPage Page, string Token)>();
        foreach (var (who, login) in new (Who, string?)[]
        {
            (Who.Anonymous, null), (Who.Owner, "applicant@socialorder.kz"), (Who.OtherApplicant, email),
            (Who.Expert, "expert@socialorder.kz"), (Who.OtherExpert, "expert2@socialorder.kz"),
            (Who.Official, "official@socialorder.kz"), (Who.OtherOfficial, "official.almaty@socialorder.kz"),
            (Who.Observer, "observer@socialorder.kz"), (Who.OtherObserver, await AlmatyObserverAsync()), (Who.Administrator, "admin@socialorder.kz"),
        })
        {
            var page = WebPage.Open(app);
            if (login is not null)
            {
                using var signedIn = await page.SignInAsync(login, DemoDataSeeder.DemoPassword);
                Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect && !signedIn.Headers.Location!.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal),
                    $"{login} did not sign in: {signedIn.StatusCode} {signedIn.Headers.Location}");
            }

            // The anti-forgery token is the user's own: the subscription page's form carries one for everybody (the
            // home page's language buttons no longer do: it is output-cached, ADR 29).
            users[who] = (page, WebPage.AntiforgeryToken((await page.GetAsync("/Calls/subscribe")).Html));
        }

        return users;
    }

    /// <summary>An observer of the Almaty akimat (the demo data has the ministry's only), made the way the demo accounts are.</summary>
    private async Task<string> AlmatyObserverAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var body = await db.StateBodies.AsNoTracking().SingleAsync(b => b.Bin == DemoDataSeeder.AkimatBin);
        var email = $"observer-{Guid.NewGuid():N}@example.kz";
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FullName = "Алматы бақылаушысы",
            StateBodyId = body.Id.Value, CreatedAt = app.Clock.GetUtcNow(),
        };
        Assert.True((await users.CreateAsync(user, DemoDataSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, SocialOrder.Application.Common.Interfaces.Roles.Observer)).Succeeded);
        return email;
    }

    /// <summary>
    /// The records the routes are tried on, all of the ministry: an evaluation call with expert@'s accepted assignment on
    /// its submitted bid, whose organization applicant@ joins, and an open call on which applicant@'s new organization has a draft bid.
    /// </summary>
    private async Task<Ids> IdsAsync(WebPage owner)
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, bids: 1, experts: 3, sheetsPerBid: 0, CancellationToken.None);
        Guid openCall, assignmentId, expertId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var body = await db.StateBodies.SingleAsync(b => b.Bin == DemoDataSeeder.MinistryBin);
            var now = app.Clock.GetUtcNow();
            var call = Call.CreateDraft("SG-2098-" + Random.Shared.Next(1000, 9999), body.Id, new CallContent(
                new LocalizedText("Жастар", "Молодёжь"), new LocalizedText("Қысқаша", "Кратко"), new LocalizedText("Сипаттама", "Описание"),
                new LocalizedText("Талаптар", "Требования"), new PriorityAreaId(1), null, Instrument.StateGrant, 10_000_000m, 2_000_000m, 12, CallTerm.Short, [],
                now.AddMinutes(-1), now.AddDays(10), DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 30m, 50m), now);
            call.Publish(now);
            db.Calls.Add(call);

            var expert = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("expert@socialorder.kz");
            var callId = new CallId(seeded.CallId);
            var evaluated = await db.Calls.SingleAsync(c => c.Id == callId);
            var bidId = new BidId(seeded.BidIds[0]);
            var bid = await db.Bids.SingleAsync(b => b.Id == bidId);
            var assignment = ExpertAssignment.Propose(evaluated, bid, expert!.Id, Guid.NewGuid(), false, now);
            assignment.Confirm(Guid.NewGuid(), now, now.AddDays(14));
            assignment.Declare(false, null, now);
            assignment.ClearDomainEvents();
            db.ExpertAssignments.Add(assignment);
            await db.SaveChangesAsync();
            (openCall, assignmentId, expertId) = (call.Id.Value, assignment.Id, expert.Id);
        }

        using (var org = await owner.PostFormAsync("/Applicant/Organizations/Register", "/Applicant/Organizations/Register", new Dictionary<string, string>
        {
            ["Form.Bin"] = "940140000385", ["Form.NameKk"] = "Жастар дауысы", ["Form.NameRu"] = "Голос молодёжи", ["Form.LegalForm"] = "PublicAssociation",
            ["Form.RegionId"] = "19", ["Form.Address"] = "Алматы", ["Form.Phone"] = "+7 727 123 45 67", ["Form.Email"] = "ngo@example.kz", ["Form.HeadName"] = "Асанов",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, org.StatusCode);
        }

        var (_, applyHtml) = await owner.GetAsync($"/Applicant/Bids/Apply?callId={openCall}");
        var organizationId = Guid.Parse(Regex.Match(applyHtml, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value);
        using var applied = await owner.PostFormAsync($"/Applicant/Bids/Apply?callId={openCall}", "/Applicant/Bids/Apply",
            new Dictionary<string, string> { ["callId"] = openCall.ToString(), ["organizationId"] = organizationId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var bidEditor = applied.Headers.Location!.OriginalString;

        // Then applicant@ joins the organization of the submitted bid, as an accepted invitation makes them a member.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var applicant = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("applicant@socialorder.kz");
            var submitted = new BidId(seeded.BidIds[0]);
            var organizationOfBid = (await db.Bids.AsNoTracking().SingleAsync(b => b.Id == submitted)).OrganizationId;
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationOfBid);
            var invitation = organization.Invite(organization.Members[0].UserId, applicant!.Email!, app.Clock.GetUtcNow());
            organization.AcceptInvitation(invitation.Token, applicant.Id, applicant.Email!, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        return new Ids(seeded.CallId, openCall, Guid.Parse(bidEditor.Split('/')[^1]), seeded.BidIds[0], organizationId, assignmentId, expertId);
    }

    [GeneratedRegex("\\{([a-z]+)(?::[^}]*)?\\}", RegexOptions.IgnoreCase)]
    private static partial Regex RouteToken();
}
