namespace Vorlagen.Workflows.Errors;

/// <summary>
/// A WaitForAction was resumed with an action it does not offer, or by a role the action excludes.
/// <see cref="AllowedActions"/> lists what the actor's role may do now (for the ProblemDetails).
/// </summary>
public sealed class ActionNotAllowedException(
    string? action, string? role, IReadOnlyList<string> allowedActions, ActionNotAllowedReason reason)
    : WorkflowRejectedException(Describe(action, role, allowedActions, reason))
{
    public string? Action { get; } = action;
    public string? Role { get; } = role;
    public IReadOnlyList<string> AllowedActions { get; } = allowedActions;
    public ActionNotAllowedReason Reason { get; } = reason;
    public override string Code => Reason == ActionNotAllowedReason.RoleNotPermitted ? "action-role-not-permitted" : "action-not-allowed";

    private static string Describe(string? action, string? role, IReadOnlyList<string> allowed, ActionNotAllowedReason reason)
    {
        var offered = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
        return reason == ActionNotAllowedReason.RoleNotPermitted
            ? $"Role '{role ?? "(none)"}' may not perform '{action}'. Allowed actions: {offered}."
            : $"Action '{action ?? "(none)"}' is not available now. Allowed actions: {offered}.";
    }
}
