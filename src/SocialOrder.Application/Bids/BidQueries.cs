using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Verification;
using SocialOrder.Domain.Bids;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Verification;

namespace SocialOrder.Application.Bids;

public sealed record SubmissionRow(Guid Id, int Version, string ReceiptNumber, DateTimeOffset SubmittedAt, string ContentSha256, decimal RequestedAmount);

public sealed record BidEditor(
    Guid BidId, Guid CallId, string CallReference, LocalizedText CallTitle, DateTimeOffset ClosesAt, CallPhase Phase, decimal MaxPerProject,
    int DurationMonths, IReadOnlyList<RequiredDocument> RequiredDocuments, IReadOnlyList<Criterion> Criteria, LocalizedText OrganizationName,
    BidStatus Status, int Revision, BidContent Content, DateTimeOffset UpdatedAt, bool ReadOnly, IReadOnlyList<SubmissionProblem> Problems,
    IReadOnlyList<SubmissionRow> Submissions, IReadOnlyList<BidAttachment> Attachments, DateTimeOffset Now, EligibilityDecision? Eligibility);

/// <summary>The bid editor for a member of the owning organization (null: 404 for everyone else).</summary>
public sealed record GetBidEditorQuery(Guid BidId) : IQuery<BidEditor?>;

public sealed class GetBidEditorQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetBidEditorQuery, BidEditor?>
{
    public async ValueTask<BidEditor?> Handle(GetBidEditorQuery query, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, query.BidId, cancellationToken, track: false);
        if (bid is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == bid.CallId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var submissions = await db.BidSubmissions.AsNoTracking().Where(s => s.BidId == bid.Id).OrderByDescending(s => s.Version)
            .Select(s => new SubmissionRow(s.Id, s.Version, s.ReceiptNumber, s.SubmittedAt, s.ContentSha256, s.RequestedAmount))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var phase = call.PhaseAt(now);
        return new BidEditor(
            bid.Id.Value, call.Id.Value, call.ReferenceNumber, call.Title, call.ClosesAt!.Value, phase, call.MaxPerProject, call.DurationMonths,
            call.RequiredDocuments, call.Criteria, organization, bid.Status, bid.Revision, bid.Content, bid.UpdatedAt,
            phase is not (CallPhase.Upcoming or CallPhase.Open), bid.SubmissionProblems(call), submissions, bid.Attachments, now, bid.Eligibility);
    }
}

public sealed record MyBidRow(
    Guid BidId, string CallReference, LocalizedText CallTitle, LocalizedText Organization, BidStatus Status, CallPhase Phase,
    DateTimeOffset ClosesAt, int Submissions, DateTimeOffset? LastSubmittedAt, bool HasUnsubmittedChanges,
    Domain.Evaluation.AwardOutcome? Outcome = null, decimal? AwardedAmount = null);

/// <summary>"My bids": every bid of every organization the user belongs to.</summary>
public sealed record GetMyBidsQuery : IQuery<IReadOnlyList<MyBidRow>>;

public sealed class GetMyBidsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetMyBidsQuery, IReadOnlyList<MyBidRow>>
{
    public async ValueTask<IReadOnlyList<MyBidRow>> Handle(GetMyBidsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return [];
        }

        var rows = await (from b in db.Bids.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                          join c in db.Calls.AsNoTracking() on b.CallId equals c.Id
                          where o.Members.Any(m => m.UserId == userId)
                          orderby b.UpdatedAt descending
                          select new
                          {
                              b.Id, c.ReferenceNumber, c.Title, Organization = o.Name, b.Status, CallStatus = c.Status, c.OpensAt, c.ClosesAt,
                              b.SubmissionCount, b.LastSubmittedAt, b.Revision, b.SubmittedRevision, b.Outcome, b.AwardedAmount,
                          }).Take(200).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows.Select(r => new MyBidRow(
            r.Id.Value, r.ReferenceNumber, r.Title, r.Organization, r.Status,
            Calls.Manage.GetMyCallsQueryHandler.Phase(r.CallStatus, r.OpensAt, r.ClosesAt, now), r.ClosesAt!.Value, r.SubmissionCount, r.LastSubmittedAt,
            r.Revision > r.SubmittedRevision, r.Outcome, r.AwardedAmount)).ToList();
    }
}

public sealed record ReceiptView(
    Guid SubmissionId, Guid BidId, string ReceiptNumber, int Version, DateTimeOffset SubmittedAt, string ContentSha256, decimal RequestedAmount,
    string CallReference, LocalizedText CallTitle, LocalizedText OrganizationName, string OrganizationBin, string BidTitle, bool IsLatest);

/// <summary>A submission receipt, for members of the organization only.</summary>
public sealed record GetReceiptQuery(Guid SubmissionId) : IQuery<ReceiptView?>;

public sealed class GetReceiptQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetReceiptQuery, ReceiptView?>
{
    public async ValueTask<ReceiptView?> Handle(GetReceiptQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(db, user, query.SubmissionId, cancellationToken);

    internal static async Task<ReceiptView?> ReadAsync(IAppDbContext db, ICurrentUser user, Guid submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.BidSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return null;
        }

        var bid = await db.FindOwnBidAsync(user, submission.BidId.Value, cancellationToken, track: false);
        if (bid is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().Where(c => c.Id == bid.CallId).Select(c => new { c.ReferenceNumber, c.Title }).SingleAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => new { o.Name, o.Bin }).SingleAsync(cancellationToken);
        var content = System.Text.Json.JsonDocument.Parse(submission.ContentJson).RootElement;
        return new ReceiptView(
            submission.Id, bid.Id.Value, submission.ReceiptNumber, submission.Version, submission.SubmittedAt, submission.ContentSha256, submission.RequestedAmount,
            call.ReferenceNumber, call.Title, organization.Name, organization.Bin.Value, content.GetProperty("Title").GetString() ?? string.Empty,
            submission.Version == bid.SubmissionCount);
    }
}

public sealed record CallBidRow(Guid BidId, string OrganizationBin, LocalizedText Organization, string ReceiptNumber, DateTimeOffset SubmittedAt, int Version, decimal RequestedAmount, string Sha256, EligibilityDecision? Eligibility);

/// <summary>
/// What an official of the call's body sees: before the deadline only how many bids are in; after it, the list
/// of submitted bids with the version that counts (the last one before the deadline). Null: not their call.
/// </summary>
public sealed record CallBidsView(bool DeadlinePassed, int Drafts, int Submitted, int Withdrawn, IReadOnlyList<CallBidRow> Bids);

public sealed record GetCallBidsQuery(Guid CallId) : IQuery<CallBidsView?>;

public sealed class GetCallBidsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<GetCallBidsQuery, CallBidsView?>
{
    public async ValueTask<CallBidsView?> Handle(GetCallBidsQuery query, CancellationToken cancellationToken)
    {
        if (user.StateBodyId is not { } body || !user.IsInRole(Roles.Official))
        {
            return null;
        }

        var callId = new CallId(query.CallId);
        var bodyId = new StateBodyId(body);
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId && c.StateBodyId == bodyId).Select(c => new { c.ClosesAt }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return null;
        }

        var counts = await db.Bids.AsNoTracking().Where(b => b.CallId == callId).GroupBy(b => b.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(BidStatus s) => counts.SingleOrDefault(c => c.Status == s)?.Count ?? 0;
        var passed = call.ClosesAt is { } closes && time.GetUtcNow() >= closes;
        if (!passed)
        {
            return new CallBidsView(false, Count(BidStatus.Draft), Count(BidStatus.Submitted), Count(BidStatus.Withdrawn), []);
        }

        var rows = await (from b in db.Bids.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                          join s in db.BidSubmissions.AsNoTracking() on b.Id equals s.BidId
                          where b.CallId == callId && b.Status == BidStatus.Submitted && s.Version == b.SubmissionCount
                          orderby s.SubmittedAt
                          select new { b.Id, o.Bin, o.Name, s.ReceiptNumber, s.SubmittedAt, s.Version, s.RequestedAmount, s.ContentSha256, b.Eligibility })
            .ToListAsync(cancellationToken);
        return new CallBidsView(
            true, Count(BidStatus.Draft), Count(BidStatus.Submitted), Count(BidStatus.Withdrawn),
            rows.Select(r => new CallBidRow(r.Id.Value, r.Bin.Value, r.Name, r.ReceiptNumber, r.SubmittedAt, r.Version, r.RequestedAmount, r.ContentSha256, r.Eligibility)).ToList());
    }
}

/// <summary>The receipt as a PDF (Kazakh and Russian), for members of the organization only.</summary>
public sealed record GetReceiptPdfQuery(Guid SubmissionId) : IQuery<DownloadedFile?>;

public sealed class GetReceiptPdfQueryHandler(IAppDbContext db, ICurrentUser user, IReceiptRenderer renderer, IPortalLinks links)
    : IQueryHandler<GetReceiptPdfQuery, DownloadedFile?>
{
    public async ValueTask<DownloadedFile?> Handle(GetReceiptPdfQuery query, CancellationToken cancellationToken)
    {
        var view = await GetReceiptQueryHandler.ReadAsync(db, user, query.SubmissionId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var files = await db.BidSubmissions.AsNoTracking().Where(s => s.Id == query.SubmissionId).Select(s => s.Files).SingleAsync(cancellationToken);
        var pdf = renderer.Render(new ReceiptDocument(
            view.ReceiptNumber, view.SubmittedAt, view.CallReference, view.CallTitle.Kk, view.CallTitle.Ru, view.OrganizationName.Kk, view.OrganizationName.Ru,
            view.OrganizationBin, view.BidTitle, view.Version, view.RequestedAmount, view.ContentSha256,
            files.Select(f => (f.FileName, f.Size, f.Sha256)).ToList(),
            links.Verify(view.ContentSha256)));

        // The receipt is rendered when asked for (the same data, the same bytes), so it is registered as issued here.
        var bidId = new BidId(view.BidId);
        var callId = await db.Bids.AsNoTracking().Where(b => b.Id == bidId).Select(b => b.CallId).SingleAsync(cancellationToken);
        await IssuedDocuments.RecordAsync(
            db,
            IssuedDocument.Issue(IssuedDocumentKind.BidReceipt, null, Convert.ToHexStringLower(SHA256.HashData(pdf)), view.ContentSha256, view.SubmittedAt, callId, view.ReceiptNumber),
            cancellationToken);
        return new DownloadedFile($"{view.ReceiptNumber}.pdf", "application/pdf", pdf);
    }
}
