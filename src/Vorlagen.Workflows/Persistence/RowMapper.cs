using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// Explicit row ↔ record mapping, by column position in <see cref="WorkflowSql"/>'s column lists.
/// Integers and flags go through <see cref="Convert"/> because SQLite returns Int64 where SQL
/// Server returns Int32 or Boolean; instants are <see cref="InstantText"/>.
/// </summary>
internal static class RowMapper
{
    public static WorkflowDefinitionVersion Definition(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Int(r, 2), r.GetString(3), Flag(r, 4), Flag(r, 5),
        r.GetString(6), r.GetString(7), Text(r, 8), InstantText.Parse(r.GetString(9)));

    public static WorkflowInstance Instance(DbDataReader r)
    {
        var state = JsonState.ParseObject(r.GetString(8));
        return new WorkflowInstance(
            r.GetString(0), r.GetString(1), r.GetString(2), Int(r, 3), Long(r, 4), Text(r, 5),
            Enum.Parse<WorkflowStatus>(r.GetString(6)), Enum.Parse<WorkflowSubStatus>(r.GetString(7)),
            state["input"] as JsonObject ?? [], state["variables"] as JsonObject ?? [], state["outputs"] as JsonObject ?? [],
            JsonSerializer.Deserialize<List<WorkflowIncident>>(r.GetString(9), JsonSerializerOptions.Web) ?? [],
            Long(r, 10), Text(r, 11), InstantText.Parse(r.GetString(12)), InstantText.Parse(r.GetString(13)),
            InstantText.ParseNullable(Text(r, 14))) { JournalMac = Text(r, 15) };
    }

    public static JournalHead Head(DbDataReader r) => new(r.GetString(0), Text(r, 1), Long(r, 2), Text(r, 3), Text(r, 4));

    public static Bookmark Bookmark(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Text(r, 2), r.GetString(3), r.GetString(4), JsonState.ParseObject(r.GetString(5)),
        r.GetString(6), r.GetString(7), InstantText.ParseNullable(Text(r, 8)), InstantText.Parse(r.GetString(9)));

    public static WorkflowExecutionLogRecord Journal(DbDataReader r) => new(
        r.GetString(0), Long(r, 1), InstantText.Parse(r.GetString(2)), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6),
        Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10), Text(r, 11), Text(r, 12), r.GetString(13));

    public static object DefinitionParameters(WorkflowDefinitionVersion v) => new
    {
        v.Id, v.DefinitionId, v.Version, v.Name, v.IsLatest, v.IsPublished, v.ContentHash, v.Content, v.SourceName,
        CreatedAt = InstantText.ToText(v.CreatedAt),
    };

    public static object InstanceParameters(WorkflowInstance i, long? expectedVersion) => new
    {
        i.Id, i.DefinitionId, i.DefinitionVersionId, i.DefinitionVersion, i.Version, i.CorrelationId,
        Status = i.Status.ToString(), SubStatus = i.SubStatus.ToString(),
        State = SerializeState(i), Incidents = JsonSerializer.Serialize(i.Incidents, JsonSerializerOptions.Web),
        i.JournalSequence, i.JournalHash, i.JournalMac,
        CreatedAt = InstantText.ToText(i.CreatedAt), UpdatedAt = InstantText.ToText(i.UpdatedAt),
        FinishedAt = InstantText.ToText(i.FinishedAt), ExpectedVersion = expectedVersion,
    };

    public static object BookmarkParameters(Bookmark b) => new
    {
        b.Id, b.InstanceId, b.CorrelationId, b.Name, b.Hash, Payload = CanonicalJson.Serialize(b.Payload),
        b.ActivityId, b.ActivityInstanceId, DueAt = InstantText.ToText(b.DueAt), CreatedAt = InstantText.ToText(b.CreatedAt),
    };

    public static object JournalParameters(WorkflowExecutionLogRecord j) => new
    {
        j.InstanceId, j.Sequence, Timestamp = InstantText.ToText(j.Timestamp), j.EventName, j.ActivityId, j.ActivityType,
        j.ActivityName, j.ActorId, j.ActorName, j.ActorRole, j.Message, j.Payload, j.PreviousHash, j.Hash,
    };

    private static string SerializeState(WorkflowInstance i) => CanonicalJson.Serialize(new JsonObject
    {
        ["input"] = i.Input.DeepClone(),
        ["variables"] = i.Variables.DeepClone(),
        ["outputs"] = i.Outputs.DeepClone(),
    });

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static int Int(DbDataReader r, int ordinal) => Convert.ToInt32(r.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static long Long(DbDataReader r, int ordinal) => Convert.ToInt64(r.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static bool Flag(DbDataReader r, int ordinal) => Convert.ToBoolean(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
