using System.Text.Json.Nodes;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>
/// Waits for a user action. Inputs: <c>allowedActions</c> (string[]; these are also the outcome
/// ports) and optional <c>allowedRoles</c> (string[] for every action, or a map action → roles).
/// Resumed with input <c>{ "action": "…" }</c>; an action not offered, or a role not allowed,
/// is an <see cref="ActionNotAllowedException"/> listing the actions the role may take.
/// The chosen action becomes output <c>action</c>.
/// </summary>
public sealed class WaitForAction : Activity
{
    public static ActivityDescriptor Descriptor { get; } =
        new ActivityDescriptor(
            BuiltInActivityTypes.WaitForAction,
            _ => new WaitForAction(),
            [
                new InputDescriptor("allowedActions", InputType.StringArray, Required: true),
                new InputDescriptor("allowedRoles", InputType.Any),
            ],
            activity => WaitForActionPayload.FromInputs(activity["allowedActions"], null).AllowedActions)
        {
            Validate = WaitForActionValidation.Check,
        };

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var payload = WaitForActionPayload.FromInputs(context.GetInput("allowedActions"), context.GetInput("allowedRoles"));
        context.CreateBookmark(WaitForActionPayload.BookmarkName, payload.ToJson());
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        var payload = WaitForActionPayload.FromJson(context.ResumedBookmark!.Payload);
        var action = JsonState.AsString(context.ResumeInput?["action"]);
        var role = context.Actor.Role;
        if (action is null || !payload.AllowedActions.Contains(action, StringComparer.Ordinal))
        {
            throw new ActionNotAllowedException(action, role, payload.ActionsFor(role), ActionNotAllowedReason.NotAvailable);
        }
        if (!payload.IsRoleAllowed(action, role))
        {
            throw new ActionNotAllowedException(action, role, payload.ActionsFor(role), ActionNotAllowedReason.RoleNotPermitted);
        }
        context.SetOutput("action", JsonValue.Create(action));
        context.Complete(action);
        return ValueTask.CompletedTask;
    }
}
