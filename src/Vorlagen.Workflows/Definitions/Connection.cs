namespace Vorlagen.Workflows.Definitions;

/// <summary>A flowchart edge from an outcome port to an activity's <c>In</c> port.</summary>
public sealed record Connection(ConnectionEndpoint Source, ConnectionEndpoint Target);
