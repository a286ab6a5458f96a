using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>Resume the one open bookmark matching <see cref="Filter"/> (none or several is an error).</summary>
public sealed record ResumeByFilterRequest(BookmarkFilter Filter, JsonObject? Input, WorkflowActor Actor);
