namespace SocialOrder.Domain.Accounts;

/// <summary>
/// One sign-in attempt (the password step): the account's history of recent sign-ins, and the failures from one client
/// address that make that address wait (<see cref="SignInBackoff"/>). Attempts on unknown addresses keep no account.
/// </summary>
public sealed class SignInAttempt
{
    public const int AddressMaxLength = 64;
    public const int UserAgentMaxLength = 256;

    private SignInAttempt()
    {
        Address = string.Empty;
    }

    public long Id { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The client's address as the portal sees it behind known proxies (IPv6 by its /64 network).</summary>
    public string Address { get; private set; }

    public string? UserAgent { get; private set; }

    public bool Succeeded { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static SignInAttempt Record(Guid? userId, string address, string? userAgent, bool succeeded, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new SignInAttempt
        {
            UserId = userId,
            Address = Fit(address, AddressMaxLength)!,
            UserAgent = Fit(userAgent, UserAgentMaxLength),
            Succeeded = succeeded,
            At = at,
        };
    }

    private static string? Fit(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
