using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// One record for an instance's journal that comes from no run (e.g. a corrected tally), stamped with the runtime's clock;
/// <see cref="ActivityId"/> names the activity it concerns. Nothing else of the instance changes.
/// </summary>
public sealed record AppendJournalRequest(string InstanceId, string EventName, string? ActivityId, string? Message, JsonObject? Payload, WorkflowActor Actor);
