using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// One database transaction per command; queries run without one. Any exception rolls back; a
/// faulted workflow run is then recorded as an incident in a fresh transaction. A request with an
/// <c>Idempotency-Key</c> claims the key first in the same transaction, and <see cref="IdempotencyFilter"/>
/// commits once the response is stored beside the effect.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session, IServiceProvider services, IdempotencyScope? idempotency = null)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return await next();

        await session.BeginAsync(cancellationToken);
        try
        {
            var commitLater = idempotency is not null && await idempotency.ClaimAsync(session, cancellationToken);
            var response = await next();
            if (!commitLater) await session.EndAsync(commit: true, cancellationToken);
            return response;
        }
        catch (Exception exception)
        {
            await session.EndAsync(commit: false, CancellationToken.None);
            if (exception is WorkflowFaultedException { IsRecorded: false } faulted)
                await services.GetRequiredService<IWorkflowRuntime>().RecordFaultAsync(faulted.Fault, CancellationToken.None);
            throw;
        }
    }
}
