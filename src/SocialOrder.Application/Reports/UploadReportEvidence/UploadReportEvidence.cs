using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Reports;

namespace SocialOrder.Application.Reports.UploadReportEvidence;

/// <summary>
/// Evidence for an indicator's actual value (participant list, photo, publication), through the bids' upload path: the
/// type judged from the bytes, scripts and macros refused, ClamAV, size limits; stored with its SHA-256.
/// </summary>
public sealed record UploadReportEvidenceCommand(Guid ReportId, int IndicatorIndex, string FileName, byte[] Content) : ICommand<Result<ReportEvidence>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("Report", ReportId.ToString());
}

public sealed class UploadReportEvidenceCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IFileStore files, IOptions<FileLimits> limits, UploadScanning scanning)
    : ICommandHandler<UploadReportEvidenceCommand, Result<ReportEvidence>>
{
    public static readonly string[] AllowedTypes = ["pdf", "jpg", "jpeg", "png", "docx", "xlsx"];

    public async ValueTask<Result<ReportEvidence>> Handle(UploadReportEvidenceCommand c, CancellationToken cancellationToken)
    {
        var report = await db.FindForMemberAsync(user, c.ReportId, cancellationToken);
        if (report is null)
        {
            return Result<ReportEvidence>.NotFound();
        }

        if (c.Content.LongLength == 0)
        {
            return Result<ReportEvidence>.Invalid("Bid.FileEmpty", "File");
        }

        if (c.Content.LongLength > limits.Value.MaxFileBytes)
        {
            return Result<ReportEvidence>.Failure(ResultStatus.Invalid, [new Error("Bid.FileTooLarge", "File", [limits.Value.MaxFileBytes / (1024 * 1024)])]);
        }

        var total = report.Content.Indicators.SelectMany(i => i.Evidence).Sum(e => e.Size);
        if (total + c.Content.LongLength > limits.Value.MaxBidBytes)
        {
            return Result<ReportEvidence>.Failure(ResultStatus.Invalid, [new Error("Bid.BidTooLarge", "File", [limits.Value.MaxBidBytes / (1024 * 1024)])]);
        }

        // Judged before anything is stored: a frozen report or a terminated agreement takes no file.
        var status = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => a.Status).SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        report.CheckCanAttachEvidence(status, c.IndicatorIndex);

        var inspection = FileInspection.Inspect(c.FileName, c.Content, AllowedTypes);
        if (inspection.ActiveContent != ActiveContent.None)
        {
            return Result<ReportEvidence>.Invalid(inspection.ActiveContent == ActiveContent.PdfActions ? "Upload.PdfActions" : "Upload.OfficeMacros", "File");
        }

        if (!inspection.IsAllowed)
        {
            return Result<ReportEvidence>.Failure(ResultStatus.Invalid, [new Error("Bid.FileTypeRefused", "File", [string.Join(", ", AllowedTypes)])]);
        }

        if (await scanning.CheckAsync(inspection.FileName, c.Content, "File", c.AuditTarget, cancellationToken) is { } malware)
        {
            return Result<ReportEvidence>.Failure(ResultStatus.Invalid, [malware]);
        }

        await using var stream = new MemoryStream(c.Content, writable: false);
        var stored = await files.SaveAsync(inspection.FileName, inspection.ContentType, stream, cancellationToken);
        var evidence = new ReportEvidence(stored.Id, stored.FileName, stored.Size, stored.Sha256, now, user.Id!.Value);
        report.AttachEvidence(status, c.IndicatorIndex, evidence);
        if (await db.TrySaveAsync(cancellationToken))
        {
            return evidence;
        }

        await files.DeleteAsync(stored.Id, CancellationToken.None);
        return Result<ReportEvidence>.Conflict("Report.ChangedByColleague");
    }
}
