using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Bids;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.Common.Validation;
using SocialOrder.Domain.Appeals;
using SocialOrder.Domain.Bids;

namespace SocialOrder.Application.Appeals.FileAppeal;

public sealed record AppealUpload(string FileName, byte[] Content);

/// <summary>
/// A member of an organization that bid on the call files a complaint about the procedure, with reasons and documents,
/// within the appeal window after the results are published. The documents pass the content check and the malware scan.
/// </summary>
public sealed record FileAppealCommand(Guid BidId, string Reasons, IReadOnlyList<AppealUpload> Documents) : ICommand<Result<Guid>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Bid", BidId.ToString());
}

public sealed class FileAppealCommandValidator : AbstractValidator<FileAppealCommand>
{
    public FileAppealCommandValidator() => RuleFor(c => c.Reasons).NotEmpty().MaximumLength(8000).NoMarkup();
}

public sealed class FileAppealCommandHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider time, IFileStore files, IOptions<FileLimits> limits, IOptions<AppealOptions> options, UploadScanning scanning,
    IEmailQueue emails, IPortalLinks links)
    : ICommandHandler<FileAppealCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(FileAppealCommand command, CancellationToken cancellationToken)
    {
        var bid = await db.FindOwnBidAsync(user, command.BidId, cancellationToken, track: false);
        if (bid is null || user.Id is not { } userId || bid.Status != BidStatus.Submitted || bid.SubmissionCount == 0)
        {
            return Result<Guid>.NotFound();
        }

        var results = await AppealWindow.PublishedResultsAsync(db, options.Value, bid.CallId, cancellationToken);
        if (results is null)
        {
            return Result<Guid>.Invalid("Appeal.NoResults");
        }

        var now = time.GetUtcNow();
        var organizationId = bid.OrganizationId;
        var filed = await db.Appeals.AnyAsync(a => a.CallId == bid.CallId && a.OrganizationId == organizationId && a.ProtocolVersion == results.ProtocolVersion, cancellationToken);

        // The rules are judged before any file is stored, then again when the complaint is made.
        Appeal.CheckCanFile(results, organizationBid: true, filed, command.Reasons, now);
        var uploads = command.Documents.Where(d => d.Content.Length > 0).ToList();
        if (uploads.Count > options.Value.MaxDocuments)
        {
            return Result<Guid>.Failure(ResultStatus.Invalid, [new Error("Appeal.TooManyDocuments", "Documents", [options.Value.MaxDocuments])]);
        }

        var allowed = FileTypes.Normalize(options.Value.AllowedTypes).Split(',');
        var checkedFiles = new List<(string Name, string ContentType, byte[] Content)>();
        foreach (var upload in uploads)
        {
            if (upload.Content.LongLength > limits.Value.MaxFileBytes)
            {
                return Result<Guid>.Failure(ResultStatus.Invalid, [new Error("Bid.FileTooLarge", "Documents", [limits.Value.MaxFileBytes / (1024 * 1024)])]);
            }

            var inspection = FileInspection.Inspect(upload.FileName, upload.Content, allowed);
            if (inspection.ActiveContent != ActiveContent.None)
            {
                return Result<Guid>.Invalid(inspection.ActiveContent == ActiveContent.PdfActions ? "Upload.PdfActions" : "Upload.OfficeMacros", "Documents");
            }

            if (!inspection.IsAllowed)
            {
                return Result<Guid>.Failure(ResultStatus.Invalid, [new Error("Bid.FileTypeRefused", "Documents", [string.Join(", ", allowed)])]);
            }

            if (await scanning.CheckAsync(inspection.FileName, upload.Content, "Documents", command.AuditTarget, cancellationToken) is { } malware)
            {
                return Result<Guid>.Failure(ResultStatus.Invalid, [malware]);
            }

            checkedFiles.Add((inspection.FileName, inspection.ContentType, upload.Content));
        }

        var stored = new List<AppealDocument>();
        foreach (var (name, contentType, content) in checkedFiles)
        {
            await using var stream = new MemoryStream(content, writable: false);
            var file = await files.SaveAsync(name, contentType, stream, cancellationToken);
            stored.Add(new AppealDocument(file.Id, file.FileName, file.ContentType, file.Size, file.Sha256));
        }

        var dueAt = options.Value.Calendar().EndOfPeriod(now, options.Value.AnswerWorkingDays);
        var appeal = Appeal.File(results, organizationId, organizationBid: true, filed, userId, command.Reasons, stored, dueAt, now);
        db.Appeals.Add(appeal);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == bid.CallId, cancellationToken);
        await AppealEmails.FiledAsync(db, emails, call, links.CallAppeals(call.Id.Value), cancellationToken);
        if (await db.TrySaveAsync(cancellationToken))
        {
            return appeal.Id.Value;
        }

        // A colleague filed for the organization at the same moment: the unique index kept one complaint.
        foreach (var document in stored)
        {
            await files.DeleteAsync(document.FileId, CancellationToken.None);
        }

        return Result<Guid>.Conflict("Appeal.AlreadyFiled");
    }
}
