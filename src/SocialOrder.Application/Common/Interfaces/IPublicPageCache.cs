namespace SocialOrder.Application.Common.Interfaces;

/// <summary>
/// The stored copies of the public pages anonymous visitors see (the catalogue, a call's page and its results). A use
/// case that changes what those pages show says so here; the web layer forgets the copies (ADR 29). Application knows
/// nothing of how pages are cached.
/// </summary>
public interface IPublicPageCache
{
    /// <summary>Forget every stored page that shows this call: its own page (and results) and the catalogue.</summary>
    ValueTask CallChangedAsync(Guid callId, CancellationToken cancellationToken);
}

/// <summary>Where nothing is cached (command-line tools, a host without the web layer).</summary>
public sealed class NoPublicPageCache : IPublicPageCache
{
    public ValueTask CallChangedAsync(Guid callId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
