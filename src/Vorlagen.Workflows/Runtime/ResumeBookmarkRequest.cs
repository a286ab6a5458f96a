using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>Resume one bookmark by id with input (e.g. <c>{ "action": "release" }</c>).</summary>
public sealed record ResumeBookmarkRequest(string BookmarkId, JsonObject? Input, WorkflowActor Actor);
