using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Evaluation;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Exports.ExportRanking;

public sealed record RankingExportRow(
    int Rank, string ReceiptNumber, LocalizedText Organization, IReadOnlyList<decimal> CriterionMeans, decimal Total, decimal Spread, decimal Requested, DateTimeOffset ReceivedAt);

/// <summary>The criteria's codes (the columns after the organization) and the ranked bids, as on the ranking tab.</summary>
public sealed record RankingExport(IReadOnlyList<string> CriterionCodes, IReadOnlyList<RankingExportRow> Rows);

/// <summary>
/// The ranking of a call of the official's body (null for anyone else's call). It is computed whole by the one
/// evaluation every page uses, so it is handed over as a list: a call's scored bids are hundreds, not millions.
/// </summary>
public sealed record ExportRankingQuery(Guid CallId) : IQuery<RankingExport?>;

public sealed class ExportRankingQueryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ExportRankingQuery, RankingExport?>
{
    public async ValueTask<RankingExport?> Handle(ExportRankingQuery query, CancellationToken cancellationToken)
    {
        var call = await OwnCalls.FindAsync(db, user, query.CallId, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var evaluation = await CallEvaluation.ComputeAsync(db, call, cancellationToken, withStatistics: false);
        return new RankingExport(
            [.. call.Criteria.Select(c => c.Code)],
            [.. evaluation.Ranking.Select(b => new RankingExportRow(
                b.Rank!.Value, b.ReceiptNumber, b.Organization, [.. b.Aggregate!.Means.Select(m => m.Mean)], b.Aggregate.Total, b.Aggregate.Spread, b.Requested, b.ReceivedAt))]);
    }
}
