using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Infrastructure;

/// <summary>One database transaction per command; queries run without one. Any exception rolls back.</summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session)
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
        catch
        {
            await session.EndAsync(commit: false, CancellationToken.None);
            throw;
        }
    }
}
