using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>
/// Waits until a due time: input <c>dueAt</c> (an ISO-8601 instant with offset) or <c>duration</c>
/// (an ISO-8601 duration from now, e.g. <c>"P14D"</c>, <c>"PT1H"</c>). The bookmark carries the
/// due time; <c>WorkflowTimerService</c> resumes it once due.
/// </summary>
public sealed class Timer : Activity
{
    public const string BookmarkName = BuiltInActivityTypes.Timer;

    public static ActivityDescriptor Descriptor { get; } =
        ActivityDescriptor.Create(
            BuiltInActivityTypes.Timer, _ => new Timer(), [Ports.Done],
            new InputDescriptor("dueAt", InputType.String),
            new InputDescriptor("duration", InputType.String)) with
        {
            Validate = Check,
        };

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var dueAt = context.GetInput<string>("dueAt") is { } instant
            ? ParseInstant(instant)!.Value
            : context.TimeProvider.GetUtcNow() + ParseDuration(context.GetInput<string>("duration")!)!.Value;
        context.CreateBookmark(BookmarkName, new JsonObject { ["dueAt"] = InstantText.ToText(dueAt) }, dueAt);
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<InputProblem> Check(ActivityValidationContext context)
    {
        var dueAt = context.Activity["dueAt"];
        var duration = context.Activity["duration"];
        if ((dueAt is null) == (duration is null))
        {
            yield return new InputProblem("", "Give exactly one of 'dueAt' (ISO-8601 instant) or 'duration' (ISO-8601 duration).");
        }
        if (JsonState.AsString(dueAt) is { } instant && ParseInstant(instant) is null)
        {
            yield return new InputProblem("dueAt", $"'{instant}' is not an ISO-8601 instant with offset, e.g. 2025-03-01T09:00:00Z.");
        }
        if (JsonState.AsString(duration) is { } span && ParseDuration(span) is null)
        {
            yield return new InputProblem("duration", $"'{span}' is not a positive ISO-8601 duration, e.g. P14D or PT1H.");
        }
    }

    private static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && HasOffset(text)
            ? value.ToUniversalTime()
            : null;

    private static bool HasOffset(string text) =>
        text.Contains('T') && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T'));

    private static TimeSpan? ParseDuration(string text)
    {
        try
        {
            var span = XmlConvert.ToTimeSpan(text);
            return span > TimeSpan.Zero ? span : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
