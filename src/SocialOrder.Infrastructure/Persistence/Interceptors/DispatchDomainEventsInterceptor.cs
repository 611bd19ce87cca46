using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialOrder.Domain.Common;

namespace SocialOrder.Infrastructure.Persistence.Interceptors;

/// <summary>Publishes domain events before the commit, so that reactions in the database share its transaction.</summary>
public sealed class DispatchDomainEventsInterceptor(IPublisher publisher, SocialOrder.Infrastructure.Email.EmailSignal emailSignal) : SaveChangesInterceptor
{
    private bool _emailQueued;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await DispatchAsync(context, cancellationToken);
            _emailQueued = context.ChangeTracker.Entries<SocialOrder.Infrastructure.Email.OutgoingEmail>().Any(e => e.State == EntityState.Added);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_emailQueued && eventData.Context?.Database.CurrentTransaction is null)
        {
            _emailQueued = false;
            emailSignal.Raise();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private async Task DispatchAsync(DbContext context, CancellationToken cancellationToken)
    {
        var entities = context.ChangeTracker.Entries<Entity>()
            .Select(e => e.Entity)
            .Where(e => e.DomainEvents.Count > 0)
            .ToList();
        var events = entities.SelectMany(e => e.DomainEvents).ToList();
        entities.ForEach(e => e.ClearDomainEvents());
        foreach (var domainEvent in events)
        {
            await publisher.Publish(domainEvent, cancellationToken);
        }
    }
}
