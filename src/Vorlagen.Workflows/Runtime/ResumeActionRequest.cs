using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Perform a user action on whatever WaitForAction of the correlation (the paper) offers it;
/// <see cref="Input"/> travels with it (the resume input gets <c>action</c> set).
/// </summary>
public sealed record ResumeActionRequest(string CorrelationId, string Action, JsonObject? Input, WorkflowActor Actor);
