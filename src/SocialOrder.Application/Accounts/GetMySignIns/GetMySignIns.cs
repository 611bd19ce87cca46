using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Application.Common.Interfaces;

namespace SocialOrder.Application.Accounts.GetMySignIns;

public sealed record SignInEntry(DateTimeOffset At, string Address, string? UserAgent, bool Succeeded);

/// <summary>The signed-in user's own recent sign-ins (never anyone else's), newest first.</summary>
public sealed record GetMySignInsQuery : IQuery<IReadOnlyList<SignInEntry>>;

public sealed class GetMySignInsQueryHandler(IAppDbContext db, ICurrentUser user, TimeProvider time, IOptions<AccountOptions> options)
    : IQueryHandler<GetMySignInsQuery, IReadOnlyList<SignInEntry>>
{
    public async ValueTask<IReadOnlyList<SignInEntry>> Handle(GetMySignInsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } id)
        {
            return [];
        }

        var since = time.GetUtcNow().AddDays(-options.Value.SignInHistoryDays);
        return await db.SignInAttempts.AsNoTracking()
            .Where(a => a.UserId == id && a.At > since)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(options.Value.SignInHistoryShown)
            .Select(a => new SignInEntry(a.At, a.Address, a.UserAgent, a.Succeeded))
            .ToListAsync(cancellationToken);
    }
}
