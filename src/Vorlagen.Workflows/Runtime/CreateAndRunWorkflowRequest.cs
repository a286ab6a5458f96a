using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>Start a new instance of the published version of a definition and run it until it waits or ends.</summary>
public sealed record CreateAndRunWorkflowRequest(string DefinitionId, string? CorrelationId, JsonObject? Input, WorkflowActor Actor);
