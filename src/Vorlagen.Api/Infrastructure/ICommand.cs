using MediatR;

namespace Vorlagen.Api.Infrastructure;

/// <summary>A request that changes state: the transaction behavior wraps it in one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A command whose handler reads and checks first and opens the write transaction itself at its first write
/// (<see cref="Data.DbSession.BeginWriteAsync"/>), so the database's write lock is held only for the writes.
/// </summary>
public interface IWritesLate;
