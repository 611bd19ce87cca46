using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialOrder.Domain.Accounts;
using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Accounts.SignIn;

public sealed record SignInResult(SignInOutcome Outcome, IReadOnlyList<string> Roles);

public sealed record SignInCommand(string Email, string Password, bool RememberMe) : ICommand<Result<SignInResult>>, IAuditable
{
    public (string Type, string? Id) AuditTarget => ("User", Email);
}

public sealed class SignInCommandValidator : AbstractValidator<SignInCommand>
{
    public SignInCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
    }
}

/// <summary>
/// The password step, behind the address's progressive delay (ADR 21): an address with too many recent failures is
/// told to wait, and its attempt is not tried. Every tried attempt is recorded (the account's sign-in history, the
/// address's failures); the attempt that locks an account e-mails its owner an unlock link.
/// </summary>
public sealed class SignInCommandHandler(
    IIdentityService identity, IAppDbContext db, ICurrentUser client, TimeProvider time, IOptions<AccountOptions> options,
    IEmailQueue emails, IPortalLinks links)
    : ICommandHandler<SignInCommand, Result<SignInResult>>
{
    public async ValueTask<Result<SignInResult>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var address = client.ClientNetwork;
        var since = now.AddMinutes(-settings.AddressWindowMinutes);
        var failures = await db.SignInAttempts.AsNoTracking()
            .Where(a => a.Address == address && !a.Succeeded && a.At > since)
            .GroupBy(a => a.Address)
            .Select(g => new { Count = g.Count(), Last = g.Max(a => a.At) })
            .FirstOrDefaultAsync(cancellationToken);
        if (failures is not null && settings.Backoff.RemainingWait(failures.Count, failures.Last, now) is { } wait && wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            return Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.SignInDelayed", null, [seconds])]);
        }

        var signIn = await identity.PasswordSignInAsync(command.Email.Trim(), command.Password, command.RememberMe);
        db.SignInAttempts.Add(SignInAttempt.Record(signIn.UserId, address, client.UserAgent, signIn.PasswordAccepted, now));
        if (signIn.Locked is { } locked)
        {
            emails.Enqueue(AccountEmails.Locked(locked.Email, locked.FullName, links.UnlockAccount(locked.UserId, locked.UnlockToken), locked.Culture));
        }

        await db.SaveChangesAsync(cancellationToken);
        var expired = now.AddDays(-settings.SignInHistoryDays);
        await db.SignInAttempts.Where(a => a.At < expired).ExecuteDeleteAsync(cancellationToken);

        return signIn.Outcome switch
        {
            SignInOutcome.Succeeded or SignInOutcome.RequiresTwoFactor => new SignInResult(signIn.Outcome, signIn.Roles),
            SignInOutcome.LockedOut => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.LockedOut")]),
            SignInOutcome.Deactivated => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.Deactivated")]),
            SignInOutcome.EmailNotConfirmed => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.EmailNotConfirmed")]),
            _ => Result<SignInResult>.Failure(ResultStatus.RuleBroken, [new Error("Account.InvalidLogin")]),
        };
    }
}
