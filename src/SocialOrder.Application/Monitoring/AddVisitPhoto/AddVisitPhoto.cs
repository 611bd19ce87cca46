using Mediator;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Files;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Agreements.Monitoring;

namespace SocialOrder.Application.Monitoring.AddVisitPhoto;

/// <summary>
/// The official adds a photo (JPEG or PNG, judged from the bytes) to a visit through the same path as bid documents: the
/// name sanitised, the size limited, the malware scan before anything is stored.
/// </summary>
public sealed record AddVisitPhotoCommand(Guid AgreementId, Guid VisitId, string FileName, byte[] Content) : ICommand<Result>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("MonitoringVisit", VisitId.ToString());
}

public sealed class AddVisitPhotoCommandHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IFileStore files, IOptions<FileLimits> limits, UploadScanning scanning)
    : ICommandHandler<AddVisitPhotoCommand, Result>
{
    private static readonly string[] PhotoTypes = ["jpg", "jpeg", "png"];

    public async ValueTask<Result> Handle(AddVisitPhotoCommand c, CancellationToken cancellationToken)
    {
        var visit = await db.FindVisitForOfficialAsync(user, c.AgreementId, c.VisitId, cancellationToken);
        if (visit is null || user.Id is not { } officialId)
        {
            return Result.NotFound();
        }

        if (c.Content.LongLength == 0)
        {
            return Result.Invalid("Bid.FileEmpty", "Photo");
        }

        if (c.Content.LongLength > limits.Value.MaxFileBytes)
        {
            return Result.Failure(ResultStatus.Invalid, [new Error("Bid.FileTooLarge", "Photo", [limits.Value.MaxFileBytes / (1024 * 1024)])]);
        }

        var status = await db.AgreementStatusAsync(visit.AgreementId, cancellationToken);
        var inspection = FileInspection.Inspect(c.FileName, c.Content, PhotoTypes);
        if (!inspection.IsAllowed)
        {
            return Result.Failure(ResultStatus.Invalid, [new Error("Bid.FileTypeRefused", "Photo", [string.Join(", ", PhotoTypes)])]);
        }

        if (await scanning.CheckAsync(inspection.FileName, c.Content, "Photo", c.AuditTarget, cancellationToken) is { } malware)
        {
            return Result.Failure(ResultStatus.Invalid, [malware]);
        }

        var now = time.GetUtcNow();
        await using var stream = new MemoryStream(c.Content, writable: false);
        var stored = await files.SaveAsync(inspection.FileName, inspection.ContentType, stream, cancellationToken);
        try
        {
            visit.AddPhoto(new VisitPhoto(stored.Id, stored.FileName, stored.ContentType, stored.Size, stored.Sha256, now, officialId), status);
        }
        catch (Domain.Common.BusinessRuleViolationException)
        {
            await files.DeleteAsync(stored.Id, CancellationToken.None);
            throw;
        }

        if (await db.TrySaveAsync(cancellationToken))
        {
            return Result.Success();
        }

        await files.DeleteAsync(stored.Id, CancellationToken.None);
        return Result.Conflict("Monitoring.ChangedMeanwhile");
    }
}
