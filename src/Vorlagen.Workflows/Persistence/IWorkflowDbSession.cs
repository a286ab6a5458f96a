using System.Data.Common;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// The host's database session (a scoped service). When <see cref="Transaction"/> is set, every
/// workflow read and write joins it and the runtime never commits: the host commits the run
/// together with its own rows. When it is null, the runtime opens, commits and rolls back its own.
/// </summary>
public interface IWorkflowDbSession
{
    DbConnection Connection { get; }
    DbTransaction? Transaction { get; }
}
