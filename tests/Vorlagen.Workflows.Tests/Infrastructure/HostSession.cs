using System.Data.Common;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>The host's scoped session: one connection, a transaction the host begins, commits or rolls back.</summary>
public sealed class HostSession(DbConnection connection) : IWorkflowDbSession
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction? Transaction { get; set; }
}
