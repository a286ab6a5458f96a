using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// A workflow instance as stored. <see cref="Version"/> is the optimistic-concurrency counter;
/// <see cref="DefinitionVersionId"/> pins the instance to one definition version forever.
/// <see cref="JournalSequence"/>/<see cref="JournalHash"/> are the head of its journal, so a
/// truncated journal is detectable; <see cref="JournalMac"/> seals that head with the host's
/// <see cref="Journal.JournalKey"/> (null when no key is configured).
/// </summary>
public sealed record WorkflowInstance(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int DefinitionVersion,
    long Version,
    string? CorrelationId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    JsonObject Input,
    JsonObject Variables,
    JsonObject Outputs,
    IReadOnlyList<WorkflowIncident> Incidents,
    long JournalSequence,
    string? JournalHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public string? JournalMac { get; init; }
}
