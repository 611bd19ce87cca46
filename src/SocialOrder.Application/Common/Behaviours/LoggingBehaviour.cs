using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using SocialOrder.Application.Common.Results;

namespace SocialOrder.Application.Common.Behaviours;

/// <summary>Logs the message type and elapsed time only: payloads carry personal data.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var outcome = response is IResult r ? r.Status.ToString() : "Ok";
        LogHandled(logger, typeof(TMessage).Name, outcome, elapsed);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {MessageType}: {Outcome} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageType, string outcome, double elapsedMs);
}
