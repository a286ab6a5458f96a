using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// One database transaction per command; queries run without one. Any exception rolls back; a
/// faulted workflow run is then recorded as an incident in a fresh transaction.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session, IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return await next();

        await session.BeginAsync(cancellationToken);
        try
        {
            var response = await next();
            await session.EndAsync(commit: true, cancellationToken);
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
