using SocialOrder.Domain.Accounts;

namespace SocialOrder.Application.Accounts;

/// <summary>Sign-in protection and session settings (section <c>Accounts</c>, ADR 21).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Wrong passwords (or codes) in a row that lock an account; the owner is e-mailed an unlock link.</summary>
    public int MaxFailedSignIns { get; set; } = 10;

    public int LockoutMinutes { get; set; } = 60;

    /// <summary>Failed sign-ins from one client address, within <see cref="AddressWindowMinutes"/>, that cost nothing.</summary>
    public int FreeFailuresPerAddress { get; set; } = 5;

    public int FirstDelaySeconds { get; set; } = 2;

    public int MaxDelaySeconds { get; set; } = 300;

    public int AddressWindowMinutes { get; set; } = 60;

    /// <summary>Sign-in history kept per account: this many days, of which the page shows the last <see cref="SignInHistoryShown"/>.</summary>
    public int SignInHistoryDays { get; set; } = 90;

    public int SignInHistoryShown { get; set; } = 50;

    /// <summary>Officials and administrators are signed out after this many idle minutes (ADR 31); 0 turns it off.</summary>
    public int StaffIdleMinutes { get; set; } = 30;

    /// <summary>Seconds before the idle sign-out when a staff page warns and offers to stay signed in.</summary>
    public int StaffIdleWarningSeconds { get; set; } = 120;

    public SignInBackoff Backoff => new(FreeFailuresPerAddress, TimeSpan.FromSeconds(FirstDelaySeconds), TimeSpan.FromSeconds(MaxDelaySeconds));
}
