using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Api.Activities;

/// <summary>
/// Sets the paper's status (input <c>status</c>) and journals the transition with the action,
/// comment and date of the resume that led here (e.g. the Landrat's <c>sign</c> with its date). Input <c>releases</c>:
/// this status makes the paper public (as <c>in_deliberation</c> does; an Anfrage when it is published).
/// </summary>
public sealed class SetPaperStatus : Activity
{
    public static ActivityDescriptor Descriptor { get; } = ActivityDescriptor.Create(
        CouncilActivityTypes.SetPaperStatus, _ => new SetPaperStatus(), [Ports.Done],
        new InputDescriptor("status", InputType.String, Required: true),
        new InputDescriptor("releases", InputType.Boolean));

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var status = context.GetInput<string>("status")!;
        var input = context.ResumeInput;
        var date = input?["date"]?.GetValue<string>();
        var details = new JsonObject
        {
            ["action"] = input?["action"]?.GetValue<string>() ?? "result",
            ["comment"] = input?["comment"]?.DeepClone(),
            ["date"] = date,
        };
        if (input?["fields"] is JsonObject fields) details["fields"] = fields.DeepClone();
        await new PaperContext(context).TransitionAsync(status, details, status == Features.Papers.PaperStatuses.Signed ? date : null, actionDate: date,
            releases: context.GetInput("releases") is JsonValue flag && flag.GetValue<bool>());
        context.Complete();
    }
}
