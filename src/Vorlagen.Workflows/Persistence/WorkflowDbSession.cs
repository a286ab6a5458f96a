using System.Data.Common;

namespace Vorlagen.Workflows.Persistence;

/// <summary>A plain <see cref="IWorkflowDbSession"/> for tools, tests and background services.</summary>
public sealed record WorkflowDbSession(DbConnection Connection, DbTransaction? Transaction = null) : IWorkflowDbSession;
