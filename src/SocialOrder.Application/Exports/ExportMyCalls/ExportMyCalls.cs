using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Exports.ExportMyCalls;

public sealed record MyCallExportRow(
    string Reference, LocalizedText Title, CallPhase Phase, decimal Budget, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DateTimeOffset CreatedAt, int OpenQuestions);

/// <summary>Every call of the official's state body, newest first, read row by row as the file is written.</summary>
public sealed record ExportMyCallsQuery : IQuery<IAsyncEnumerable<MyCallExportRow>>;

public sealed class ExportMyCallsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<ExportMyCallsQuery, IAsyncEnumerable<MyCallExportRow>>
{
    public ValueTask<IAsyncEnumerable<MyCallExportRow>> Handle(ExportMyCallsQuery query, CancellationToken cancellationToken)
    {
        if (OwnCalls.BodyOf(user) is not { } bodyId)
        {
            return ValueTask.FromResult<IAsyncEnumerable<MyCallExportRow>>(Rows(db.Calls.Where(_ => false), time.GetUtcNow(), cancellationToken));
        }

        return ValueTask.FromResult(Rows(db.Calls.Where(c => c.StateBodyId == bodyId), time.GetUtcNow(), cancellationToken));
    }

    private async IAsyncEnumerable<MyCallExportRow> Rows(IQueryable<Call> calls, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = calls.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.ReferenceNumber, c.Title, c.Status, c.Budget, c.OpensAt, c.ClosesAt, c.CreatedAt,
                OpenQuestions = db.Clarifications.Count(q => q.CallId == c.Id && q.Answer == null),
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new MyCallExportRow(
                r.ReferenceNumber, r.Title, CallPhases.Of(r.Status, r.OpensAt, r.ClosesAt, now), r.Budget, r.OpensAt, r.ClosesAt, r.CreatedAt, r.OpenQuestions);
        }
    }
}
