using Mediator;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Common;

namespace SocialOrder.Application.Common.Behaviours;

/// <summary>A broken business rule is an expected outcome: it becomes a failed result with the rule's message.</summary>
public sealed class RuleViolationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!ResultFactory.IsResultType(typeof(TResponse)))
        {
            return await next(message, cancellationToken);
        }

        try
        {
            return await next(message, cancellationToken);
        }
        catch (BusinessRuleViolationException ex)
        {
            return ResultFactory.Failure<TResponse>(
                ResultStatus.RuleBroken, [new Error(ex.Rule.MessageKey, null, ex.Rule.MessageArgs)]);
        }
    }
}
