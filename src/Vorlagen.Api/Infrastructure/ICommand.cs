using MediatR;

namespace Vorlagen.Api.Infrastructure;

/// <summary>A request that changes state: the transaction behavior wraps it in one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;
