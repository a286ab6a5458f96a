namespace Vorlagen.Workflows.Errors;

/// <summary>Why an action was refused: not offered in the current state (409) or not for this role (403).</summary>
public enum ActionNotAllowedReason
{
    NotAvailable,
    RoleNotPermitted,
}
