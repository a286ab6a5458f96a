namespace Vorlagen.Workflows.Runtime;

/// <summary>An action an actor may take now, from an open WaitForAction bookmark (empty roles: anyone).</summary>
public sealed record AvailableAction(
    string Action,
    string InstanceId,
    string BookmarkId,
    string ActivityId,
    IReadOnlyList<string> AllowedRoles);
