using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Resume <see cref="ActivityId"/> once more, as if a bookmark <see cref="BookmarkName"/> with <see cref="BookmarkPayload"/>
/// were still open there, with <see cref="Input"/>: every bookmark the instance has open now is dropped (what followed that
/// activity is redone from it) and a finished instance runs again. A cancelled instance stays cancelled.
/// </summary>
public sealed record RerunActivityRequest(
    string InstanceId, string ActivityId, string BookmarkName, JsonObject BookmarkPayload, JsonObject? Input, WorkflowActor Actor);
