using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Accounts.Register;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Bids.CheckEligibility;
using SocialOrder.Application.Bids.GetBidDocumentsZip;
using SocialOrder.Application.Bids.GetBidEditor;
using SocialOrder.Application.Bids.GetBidFile;
using SocialOrder.Application.Bids.GetCallBids;
using SocialOrder.Application.Bids.GetReceipt;
using SocialOrder.Application.Bids.SaveBidDraft;
using SocialOrder.Application.Bids.StartBid;
using SocialOrder.Application.Bids.SubmitBid;
using SocialOrder.Application.Bids.UploadBidDocument;
using SocialOrder.Application.Bids.WithdrawBid;
using SocialOrder.Application.Calls.Amend;
using SocialOrder.Application.Calls.Drafts;
using SocialOrder.Application.Calls.Publish;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Organizations;
using SocialOrder.Application.Organizations.RegisterOrganization;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Organizations;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

public sealed class BidsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string Password = "a long enough passphrase";
    private static readonly string[] Bins = ["940140000385", "990140004654", "061211600012", "050540004455", "120240021112"];
    private static int _people;

    private ClaimsPrincipal Ministry
    {
        get
        {
            using var scope = app.Services.CreateScope();
            var body = scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.AsNoTracking().Single(b => b.Bin == DemoDataSeeder.MinistryBin).Id.Value;
            return PortalFactory.Principal(Guid.NewGuid(), "official@socialorder.kz", body, Roles.Official);
        }
    }

    private async Task<Call> OpenCallAsync()
    {
        var now = app.Clock.GetUtcNow();
        var created = await app.SendAsync(CallCommandBuilder.Complete(now) with { OpensAt = now.AddMinutes(1), ClosesAt = now.AddDays(20) }, Ministry);
        Assert.True((await app.SendAsync(new PublishCallCommand(created.Value), Ministry)).IsSuccess);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        return await LoadCallAsync(created.Value);
    }

    private async Task<Call> LoadCallAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var callId = new CallId(id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
    }

    /// <summary>A new applicant and a new organization (each test class has its own database, so BINs repeat across classes only).</summary>
    private async Task<(ClaimsPrincipal User, Guid OrganizationId)> NgoAsync()
    {
        var n = Interlocked.Increment(ref _people);
        var email = $"ngo{n}@example.kz";
        var user = await app.SendAsync(new RegisterAccountCommand(email, Password, Password, "Member " + n, AccountType.Applicant, "ru"));
        var principal = PortalFactory.Principal(user.Value, email, Roles.Applicant);
        var bin = n <= Bins.Length ? Bins[n - 1] : ValidBin(n);
        var org = await app.SendAsync(new RegisterOrganizationCommand(bin, "Ұйым " + n, "Организация " + n, LegalForm.PublicFoundation, 19, "Алматы", "+7 727 000 00 00", "org@example.kz", "Руководитель", false, null), principal);
        Assert.True(org.IsSuccess, string.Join(",", org.Errors.Select(e => e.Code)));
        return (principal, org.Value);
    }

    private static string ValidBin(int seed)
    {
        for (var n = seed * 1000; ; n++)
        {
            var prefix = (100000000000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture)[1..12];
            for (var d = 0; d < 10; d++)
            {
                if (Bin.IsValid(prefix + d))
                {
                    return prefix + d;
                }
            }
        }
    }

    private static SaveBidDraftCommand Ready(Guid bidId, int revision, decimal requested = 1_500_000m) => new(
        bidId, revision, "Жастар орталығы", "Краткое описание", "Проблема", "Молодёжь 14–29 лет", "Цели",
        [new ActivityInput("Тренинги", 1, 6), new ActivityInput("Форум", 7, 12)],
        "Ожидаемые результаты",
        [new IndicatorInput("Участники", "0", "300")],
        "Устойчивость", "Команда",
        [new BudgetLineInput(1, BudgetCategory.Staff, "Тренеры", requested - 500_000m), new BudgetLineInput(1, BudgetCategory.Services, "Аренда", 500_000m)],
        requested,
        0m);

    private async Task<(ClaimsPrincipal User, Guid BidId)> ReadyBidAsync(Call call)
    {
        var (user, org) = await NgoAsync();
        var bid = await app.SendAsync(new StartBidCommand(call.Id.Value, org), user);
        Assert.True(bid.IsSuccess);
        var saved = await app.SendAsync(Ready(bid.Value, 1), user);
        Assert.True(saved.IsSuccess, string.Join(",", saved.Errors.Select(e => e.Code)));
        await AttachMandatoryDocumentsAsync(call, bid.Value, user);
        return (user, bid.Value);
    }

    private async Task AttachMandatoryDocumentsAsync(Call call, Guid bidId, ClaimsPrincipal user)
    {
        for (var i = 0; i < call.RequiredDocuments.Count; i++)
        {
            if (call.RequiredDocuments[i].IsMandatory)
            {
                var uploaded = await app.SendAsync(new UploadBidDocumentCommand(bidId, i, $"document-{i}.pdf", Files.FileSamples.Pdf()), user);
                Assert.True(uploaded.IsSuccess, string.Join(",", uploaded.Errors.Select(e => e.Code)));
            }
        }
    }

    private async Task<IReadOnlyList<BidSubmission>> SubmissionsAsync(Guid bidId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = new BidId(bidId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().BidSubmissions.AsNoTracking().Where(s => s.BidId == id).ToListAsync();
    }

    [Fact]
    public async Task StartBid_Twice_OpensTheSameBid()
    {
        var call = await OpenCallAsync();
        var (user, org) = await NgoAsync();

        var results = await Task.WhenAll(app.SendAsync(new StartBidCommand(call.Id.Value, org), user), app.SendAsync(new StartBidCommand(call.Id.Value, org), user));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(results[0].Value, results[1].Value);
    }

    [Fact]
    public async Task Submit_ReadyBid_FreezesAVersionWithReceiptTimeAndHash()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);

        var submitted = await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user);

        Assert.True(submitted.IsSuccess, string.Join(",", submitted.Errors.Select(e => e.Code)));
        var receipt = await app.SendAsync(new GetReceiptQuery(submitted.Value), user);
        Assert.NotNull(receipt);
        Assert.Matches(@"^RCP-\d{4}-\d{4,}$", receipt.ReceiptNumber);
        Assert.Equal(app.Clock.GetUtcNow(), receipt.SubmittedAt, TimeSpan.FromMilliseconds(1));
        var stored = Assert.Single(await SubmissionsAsync(bidId));
        Assert.Equal(BidContent.Sha256(stored.ContentJson), receipt.ContentSha256);
        Assert.Equal(1_500_000m, receipt.RequestedAmount);
    }

    [Fact]
    public async Task Submit_Incomplete_ListsWhatIsMissing_AndKeepsTheDraft()
    {
        var call = await OpenCallAsync();
        var (user, org) = await NgoAsync();
        var bidId = (await app.SendAsync(new StartBidCommand(call.Id.Value, org), user)).Value;
        var saved = await app.SendAsync(Ready(bidId, 1, requested: 5_000_000m) with { Team = "" }, user);
        Assert.True(saved.IsSuccess);

        var submitted = await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user);

        Assert.Equal(ResultStatus.RuleBroken, submitted.Status);
        Assert.Contains(submitted.Errors, e => e.Code == "Bid.SectionMissing" && e.Field == "Team");
        Assert.Contains(submitted.Errors, e => e.Code == "Bid.RequestedAboveMaximum" && e.Field == "RequestedAmount");
        Assert.Empty(await SubmissionsAsync(bidId));
        var editor = await app.SendAsync(new GetBidEditorQuery(bidId), user);
        Assert.Equal("Жастар орталығы", editor!.Content.Title);
    }

    [Fact]
    public async Task Submit_DoubleClickWithOneKey_CreatesOneVersion()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        var key = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.SendAsync(new SubmitBidCommand(bidId, key), user)));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Single(results.Select(r => r.Value).Distinct());
        Assert.Single(await SubmissionsAsync(bidId));
    }

    [Fact]
    public async Task Resubmit_BeforeDeadline_AddsASecondReceipt_TheLaterCounts()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        Assert.True((await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user)).IsSuccess);
        Assert.True((await app.SendAsync(Ready(bidId, 4, requested: 1_800_000m), user)).IsSuccess);
        app.Clock.Advance(TimeSpan.FromHours(1));

        var second = await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user);

        Assert.True(second.IsSuccess);
        var versions = (await SubmissionsAsync(bidId)).OrderBy(s => s.Version).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(1_800_000m, versions[1].RequestedAmount);
        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var official = await app.SendAsync(new GetCallBidsQuery(call.Id.Value), Ministry);
        var row = Assert.Single(official!.Bids, b => b.BidId == bidId);
        Assert.Equal((2, 1_800_000m), (row.Version, row.RequestedAmount));
    }

    [Fact]
    public async Task DeadlineRace_AroundTheClosingInstant_NoneAcceptedLate_NoneRefusedEarly()
    {
        var call = await OpenCallAsync();
        var early = new List<(ClaimsPrincipal, Guid)>();
        var late = new List<(ClaimsPrincipal, Guid)>();
        for (var i = 0; i < 6; i++)
        {
            early.Add(await ReadyBidAsync(call));
            late.Add(await ReadyBidAsync(call));
        }

        app.Clock.SetUtcNow(call.ClosesAt!.Value.AddTicks(-10));
        var before = await Task.WhenAll(early.Select(b => app.SendAsync(new SubmitBidCommand(b.Item2, Guid.NewGuid()), b.Item1)));
        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var after = await Task.WhenAll(late.Select(b => app.SendAsync(new SubmitBidCommand(b.Item2, Guid.NewGuid()), b.Item1)));

        Assert.All(before, r => Assert.True(r.IsSuccess, string.Join(",", r.Errors.Select(e => e.Code))));
        Assert.All(after, r => Assert.Equal("Rule.BidReadOnlyAfterDeadline", Assert.Single(r.Errors).Code));
        foreach (var (_, bidId) in early)
        {
            Assert.True(Assert.Single(await SubmissionsAsync(bidId)).SubmittedAt < call.ClosesAt);
        }

        foreach (var (user, bidId) in late)
        {
            Assert.Empty(await SubmissionsAsync(bidId));
            var edit = await app.SendAsync(Ready(bidId, 4), user);
            Assert.Equal("Rule.BidReadOnlyAfterDeadline", Assert.Single(edit.Errors).Code);
            Assert.Equal("Жастар орталығы", (await app.SendAsync(new GetBidEditorQuery(bidId), user))!.Content.Title);
        }
    }

    [Fact]
    public async Task Submit_AfterALateAmendmentMovedTheDeadline_IsAccepted()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        app.Clock.SetUtcNow(call.ClosesAt!.Value.AddDays(-1));
        var amended = await app.SendAsync(
            new AmendCallCommand(call.Id.Value, call.Summary.Kk, call.Summary.Ru, call.Description.Kk, call.Description.Ru, call.Eligibility.Kk, call.Eligibility.Ru,
                call.Budget + 1_000_000m, call.MaxPerProject, [], call.ClosesAt, call.RequiredDocuments.Select(d => new DocumentInput(d.Name.Kk, d.Name.Ru, d.IsMandatory, d.AllowedTypes)).ToList(),
                "Бюджет увеличен решением акимата"),
            Ministry);
        Assert.True(amended.IsSuccess);

        app.Clock.SetUtcNow(call.ClosesAt!.Value.AddHours(1));
        var submitted = await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user);

        Assert.True(submitted.IsSuccess, string.Join(",", submitted.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task SaveDraft_WithAStaleRevision_IsAConflict_AndKeepsTheColleaguesText()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);

        var first = await app.SendAsync(Ready(bidId, 4) with { Title = "Вариант Айгерим" }, user);
        var second = await app.SendAsync(Ready(bidId, 4) with { Title = "Вариант Ерлана" }, user);

        Assert.True(first.IsSuccess);
        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal("Rule.BidChangedByColleague", second.Errors[0].Code);
        Assert.Equal("Вариант Айгерим", (await app.SendAsync(new GetBidEditorQuery(bidId), user))!.Content.Title);
    }

    [Fact]
    public async Task AnotherOrganizationsMember_CannotSeeEditOrSubmit()
    {
        var call = await OpenCallAsync();
        var (_, bidId) = await ReadyBidAsync(call);
        var (intruder, _) = await NgoAsync();

        Assert.Null(await app.SendAsync(new GetBidEditorQuery(bidId), intruder));
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(Ready(bidId, 4) with { Title = "Взлом" }, intruder)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), intruder)).Status);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new WithdrawBidCommand(bidId), intruder)).Status);
    }

    [Fact]
    public async Task RequestedAmount_NegativeOrAboveMaximum_IsRefused()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);

        var negative = await app.SendAsync(Ready(bidId, 4) with { RequestedAmount = -1 }, user);

        Assert.Contains(negative.Errors, e => e.Field == "RequestedAmount" && e.Code == "Bid.RequestedNotPositive");
    }

    [Fact]
    public async Task OfficialBeforeDeadline_SeesOnlyCounts()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        Assert.True((await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user)).IsSuccess);

        var view = await app.SendAsync(new GetCallBidsQuery(call.Id.Value), Ministry);

        Assert.False(view!.DeadlinePassed);
        Assert.Equal(1, view.Submitted);
        Assert.Empty(view.Bids);
    }

    [Fact]
    public async Task Withdraw_BeforeDeadline_RemovesTheBidFromTheOfficialsList()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        Assert.True((await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user)).IsSuccess);

        Assert.True((await app.SendAsync(new WithdrawBidCommand(bidId), user)).IsSuccess);

        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var view = await app.SendAsync(new GetCallBidsQuery(call.Id.Value), Ministry);
        Assert.DoesNotContain(view!.Bids, b => b.BidId == bidId);
        Assert.True(view.Withdrawn >= 1);
    }

    [Fact]
    public async Task AmendAndCancel_NotifyEveryMemberOfOrganizationsWithBids_AfterTheCommit()
    {
        var call = await OpenCallAsync();
        var (user, _) = await ReadyBidAsync(call);
        var email = user.Identity!.Name!;
        var amended = await app.SendAsync(
            new AmendCallCommand(call.Id.Value, call.Summary.Kk, call.Summary.Ru, call.Description.Kk, call.Description.Ru, call.Eligibility.Kk, call.Eligibility.Ru,
                call.Budget + 500_000m, call.MaxPerProject, [], call.ClosesAt, call.RequiredDocuments.Select(d => new DocumentInput(d.Name.Kk, d.Name.Ru, d.IsMandatory, d.AllowedTypes)).ToList(),
                "Уточнён бюджет конкурса"),
            Ministry);
        Assert.True(amended.IsSuccess);
        var cancelled = await app.SendAsync(new SocialOrder.Application.Calls.Cancel.CancelCallCommand(call.Id.Value, "Конкурс отменён по решению комиссии"), Ministry);
        Assert.True(cancelled.IsSuccess);

        await app.DeliverEmailsAsync();

        var mails = app.Outbox().Where(m => m.To == email).ToList();
        Assert.Contains(mails, m => m.Subject.Contains("изменения", StringComparison.Ordinal) && m.HtmlBody.Contains("Уточнён бюджет конкурса", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject.Contains("отменён", StringComparison.Ordinal) && m.HtmlBody.Contains("Конкурс отменён по решению комиссии", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("exe-renamed")]
    [InlineData("html")]
    [InlineData("too-large")]
    [InlineData("png-for-pdf-only")]
    public async Task Upload_BadFile_IsRefusedAndNothingIsAttached(string bad)
    {
        var call = await OpenCallAsync();
        var (user, org) = await NgoAsync();
        var bidId = (await app.SendAsync(new StartBidCommand(call.Id.Value, org), user)).Value;
        var (name, bytes, code) = bad switch
        {
            "exe-renamed" => ("устав.pdf", Files.FileSamples.WindowsExecutable(), "Bid.FileTypeRefused"),
            "html" => ("charter.pdf", System.Text.Encoding.UTF8.GetBytes("<!doctype html><html><script>alert(1)</script></html>"), "Bid.FileTypeRefused"),
            "too-large" => ("big.pdf", [.. Files.FileSamples.Pdf(), .. new byte[25 * 1024 * 1024]], "Bid.FileTooLarge"),
            _ => ("photo.png", Files.FileSamples.Png(), "Bid.FileTypeRefused"),
        };

        var result = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, name, bytes), user);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(code, result.Errors[0].Code);
        Assert.Empty((await app.SendAsync(new GetBidEditorQuery(bidId), user))!.Attachments);
    }

    [Fact]
    public async Task Upload_NameWithPathAndNul_IsSanitised_AndOnlyMembersAndLaterOfficialsMayDownload()
    {
        var call = await OpenCallAsync();
        var (user, org) = await NgoAsync();
        var bidId = (await app.SendAsync(new StartBidCommand(call.Id.Value, org), user)).Value;

        var uploaded = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, "../../etc/\0passwd.pdf", Files.FileSamples.Pdf()), user);

        Assert.True(uploaded.IsSuccess);
        Assert.DoesNotContain("..", uploaded.Value.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("/", uploaded.Value.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", uploaded.Value.FileName, StringComparison.Ordinal);
        Assert.NotNull(await app.SendAsync(new GetBidFileQuery(bidId, uploaded.Value.FileId), user));
        var (intruder, _) = await NgoAsync();
        Assert.Null(await app.SendAsync(new GetBidFileQuery(bidId, uploaded.Value.FileId), intruder));
        Assert.Null(await app.SendAsync(new GetBidFileQuery(bidId, uploaded.Value.FileId), Ministry));
    }

    [Fact]
    public async Task OfficialAfterDeadline_DownloadsTheSubmittedDocumentsAsZip()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        Assert.True((await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user)).IsSuccess);
        Assert.Null(await app.SendAsync(new GetBidDocumentsZipQuery(bidId), Ministry));

        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var zip = await app.SendAsync(new GetBidDocumentsZipQuery(bidId), Ministry);

        Assert.NotNull(zip);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip.Content));
        Assert.Equal(2, archive.Entries.Count);
        Assert.All(archive.Entries, e => Assert.EndsWith(".pdf", e.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckEligibility_BeforeDeadline_WithoutReason_OrByAnotherBody_IsRefused_ThenTheApplicantSeesTheReason()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        Assert.True((await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user)).IsSuccess);

        var early = await app.SendAsync(new CheckEligibilityCommand(bidId, false, "Нет копии устава организации"), Ministry);
        Assert.Equal("Rule.EligibilityAfterDeadline", Assert.Single(early.Errors).Code);

        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var noReason = await app.SendAsync(new CheckEligibilityCommand(bidId, false, " "), Ministry);
        Assert.Equal("Rule.IneligibilityNeedsReason", Assert.Single(noReason.Errors).Code);
        using (var scope = app.Services.CreateScope())
        {
            var akimatBody = scope.ServiceProvider.GetRequiredService<AppDbContext>().StateBodies.AsNoTracking().Single(b => b.Bin == DemoDataSeeder.AkimatBin).Id.Value;
            var akimat = PortalFactory.Principal(Guid.NewGuid(), "official.almaty@socialorder.kz", akimatBody, Roles.Official);
            Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new CheckEligibilityCommand(bidId, true, null), akimat)).Status);
        }

        var decided = await app.SendAsync(new CheckEligibilityCommand(bidId, false, "Организация зарегистрирована менее года назад"), Ministry);

        Assert.True(decided.IsSuccess);
        var editor = await app.SendAsync(new GetBidEditorQuery(bidId), user);
        Assert.False(editor!.Eligibility!.Eligible);
        Assert.Equal("Организация зарегистрирована менее года назад", editor.Eligibility.Reason);
        var official = await app.SendAsync(new GetCallBidsQuery(call.Id.Value), Ministry);
        Assert.False(Assert.Single(official!.Bids, b => b.BidId == bidId).Eligibility!.Eligible);
    }

    private async Task<(BidStatus Status, int Revision)> BidStateAsync(Guid bidId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = new BidId(bidId);
        var bid = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bids.AsNoTracking().SingleAsync(b => b.Id == id);
        return (bid.Status, bid.Revision);
    }

    private async Task<int> StoredFilesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SocialOrder.Infrastructure.Files.StoredFile>().CountAsync();
    }

    [Fact]
    public async Task EditingAWithdrawnBid_MakesItADraft_NeverReinstatesTheWithdrawnSubmission()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        Assert.True((await app.SendAsync(new SubmitBidCommand(bidId, Guid.NewGuid()), user)).IsSuccess);
        Assert.True((await app.SendAsync(new WithdrawBidCommand(bidId), user)).IsSuccess);

        var edited = await app.SendAsync(Ready(bidId, (await BidStateAsync(bidId)).Revision, requested: 1_400_000m), user);

        Assert.True(edited.IsSuccess);
        Assert.Equal(BidStatus.Draft, (await BidStateAsync(bidId)).Status);
        app.Clock.SetUtcNow(call.ClosesAt!.Value);
        var view = await app.SendAsync(new GetCallBidsQuery(call.Id.Value), Ministry);
        Assert.DoesNotContain(view!.Bids, b => b.BidId == bidId);
    }

    [Fact]
    public async Task Submit_WithTheKeyOfAnotherBidsSubmission_IsRefusedWithAMessage_Not500()
    {
        var call = await OpenCallAsync();
        var (first, firstBid) = await ReadyBidAsync(call);
        var (second, secondBid) = await ReadyBidAsync(call);
        var key = Guid.NewGuid();
        Assert.True((await app.SendAsync(new SubmitBidCommand(firstBid, key), first)).IsSuccess);

        var reused = await app.SendAsync(new SubmitBidCommand(secondBid, key), second);

        Assert.Equal(ResultStatus.Invalid, reused.Status);
        Assert.Equal("Bid.SubmitAgain", Assert.Single(reused.Errors).Code);
        Assert.Empty(await SubmissionsAsync(secondBid));
        Assert.True((await app.SendAsync(new SubmitBidCommand(secondBid, Guid.NewGuid()), second)).IsSuccess);
    }

    [Fact]
    public async Task Upload_AfterTheDeadline_IsRefused_AndNoFileIsStored()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        var before = await StoredFilesAsync();
        app.Clock.SetUtcNow(call.ClosesAt!.Value);

        var late = await app.SendAsync(new UploadBidDocumentCommand(bidId, 0, "late.pdf", Files.FileSamples.Pdf()), user);

        Assert.Equal(ResultStatus.RuleBroken, late.Status);
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task ConcurrentUploads_ToOneBid_EachEitherAttachedOrRefusedAsAConflict_NoOrphanFile()
    {
        var call = await OpenCallAsync();
        var (user, bidId) = await ReadyBidAsync(call);
        var before = await StoredFilesAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            app.SendAsync(new UploadBidDocumentCommand(bidId, 0, $"parallel-{i}.pdf", Files.FileSamples.Pdf()), user)));

        Assert.All(results, r => Assert.True(r.IsSuccess || r.Status == ResultStatus.Conflict, r.Status.ToString()));
        Assert.Contains(results, r => r.IsSuccess);
        Assert.Equal(before + results.Count(r => r.IsSuccess), await StoredFilesAsync());
    }
}
