using Mediator;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Common.Behaviours;

/// <summary>
/// Records every auditable (state-changing) message in the audit trail: who, what, which record, when and
/// how it ended, refusals included, so that an attempt on another body's record leaves a trace.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAuditLog auditLog) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAuditable auditable)
        {
            return await next(message, cancellationToken);
        }

        var action = typeof(TMessage).Name.Replace("Command", string.Empty, StringComparison.Ordinal);
        var (entityType, entityId) = auditable.AuditTarget;
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await auditLog.AppendAsync(new AuditEntry(action, entityType, entityId, "Failed", ex.GetType().Name), CancellationToken.None);
            throw;
        }

        if (response is IResult result)
        {
            if (result.IsSuccess && entityId is null && result is Result<Guid> withId)
            {
                entityId = withId.Value.ToString();
            }

            var details = result.IsSuccess ? null : string.Join("; ", result.Errors.Select(e => e.Field is null ? e.Code : $"{e.Field}: {e.Code}"));
            var outcome = result.IsSuccess ? "Succeeded" : result.Status.ToString();
            await auditLog.AppendAsync(new AuditEntry(action, entityType, entityId, outcome, details), CancellationToken.None);
        }
        else
        {
            await auditLog.AppendAsync(new AuditEntry(action, entityType, entityId, "Succeeded"), CancellationToken.None);
        }

        return response;
    }
}
