namespace Vorlagen.Workflows.Definitions;

/// <summary>A stored definition version (row of <c>workflow_definitions</c>); <see cref="Content"/> is canonical JSON.</summary>
public sealed record WorkflowDefinitionVersion(
    string Id,
    string DefinitionId,
    int Version,
    string Name,
    bool IsLatest,
    bool IsPublished,
    string ContentHash,
    string Content,
    string? SourceName,
    DateTimeOffset CreatedAt);
