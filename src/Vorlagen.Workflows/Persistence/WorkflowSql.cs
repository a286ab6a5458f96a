namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// Every SQL statement of the workflow runtime. Each must run unchanged on SQLite and SQL Server
/// (no LIMIT/TOP, RETURNING/OUTPUT or upsert; parameters always) and parse as T-SQL.
/// Instants are fixed-width UTC text (<see cref="InstantText"/>), so comparisons are lexicographic.
/// </summary>
public static class WorkflowSql
{
    private const string DefinitionColumns =
        "id, definition_id, version, name, is_latest, is_published, content_hash, content, source_name, created_at";

    private const string InstanceColumns =
        "id, definition_id, definition_version_id, definition_version, version, correlation_id, status, sub_status, " +
        "state, incidents, journal_sequence, journal_hash, created_at, updated_at, finished_at, journal_mac";

    private const string BookmarkColumns =
        "id, instance_id, correlation_id, name, hash, payload, activity_id, activity_instance_id, due_at, created_at";

    private const string JournalColumns =
        "instance_id, sequence, timestamp, event_name, activity_id, activity_type, activity_name, " +
        "actor_id, actor_name, actor_role, message, payload, previous_hash, hash";

    public const string InsertDefinitionSql =
        "INSERT INTO workflow_definitions (" + DefinitionColumns + ") VALUES " +
        "(@Id, @DefinitionId, @Version, @Name, @IsLatest, @IsPublished, @ContentHash, @Content, @SourceName, @CreatedAt)";

    public const string DemoteDefinitionVersionsSql =
        "UPDATE workflow_definitions SET is_latest = 0, is_published = 0 " +
        "WHERE definition_id = @DefinitionId AND (is_latest = 1 OR is_published = 1)";

    public const string SelectLatestDefinitionSql =
        "SELECT " + DefinitionColumns + " FROM workflow_definitions WHERE definition_id = @DefinitionId AND is_latest = 1";

    public const string SelectPublishedDefinitionSql =
        "SELECT " + DefinitionColumns + " FROM workflow_definitions WHERE definition_id = @DefinitionId AND is_published = 1";

    public const string SelectDefinitionByIdSql =
        "SELECT " + DefinitionColumns + " FROM workflow_definitions WHERE id = @Id";

    public const string SelectDefinitionVersionsSql =
        "SELECT " + DefinitionColumns + " FROM workflow_definitions WHERE definition_id = @DefinitionId ORDER BY version";

    public const string SelectMaxDefinitionVersionSql =
        "SELECT MAX(version) FROM workflow_definitions WHERE definition_id = @DefinitionId";

    public const string InsertInstanceSql =
        "INSERT INTO workflow_instances (" + InstanceColumns + ") VALUES " +
        "(@Id, @DefinitionId, @DefinitionVersionId, @DefinitionVersion, @Version, @CorrelationId, @Status, @SubStatus, " +
        "@State, @Incidents, @JournalSequence, @JournalHash, @CreatedAt, @UpdatedAt, @FinishedAt, @JournalMac)";

    /// <summary>Optimistic save: 0 rows affected means another run changed the instance first.</summary>
    public const string UpdateInstanceSql =
        "UPDATE workflow_instances SET version = @Version, status = @Status, sub_status = @SubStatus, state = @State, " +
        "incidents = @Incidents, journal_sequence = @JournalSequence, journal_hash = @JournalHash, journal_mac = @JournalMac, " +
        "updated_at = @UpdatedAt, finished_at = @FinishedAt " +
        "WHERE id = @Id AND version = @ExpectedVersion";

    public const string SelectInstanceByIdSql =
        "SELECT " + InstanceColumns + " FROM workflow_instances WHERE id = @Id";

    public const string SelectInstancesByCorrelationSql =
        "SELECT " + InstanceColumns + " FROM workflow_instances WHERE correlation_id = @CorrelationId ORDER BY created_at, id";

    public const string InsertBookmarkSql =
        "INSERT INTO workflow_bookmarks (" + BookmarkColumns + ") VALUES " +
        "(@Id, @InstanceId, @CorrelationId, @Name, @Hash, @Payload, @ActivityId, @ActivityInstanceId, @DueAt, @CreatedAt)";

    /// <summary>Consumes a bookmark; must affect exactly one row, else a concurrent run consumed it.</summary>
    public const string DeleteBookmarkSql =
        "DELETE FROM workflow_bookmarks WHERE id = @Id";

    public const string SelectBookmarkByIdSql =
        "SELECT " + BookmarkColumns + " FROM workflow_bookmarks WHERE id = @Id";

    public const string SelectBookmarksByInstanceSql =
        "SELECT " + BookmarkColumns + " FROM workflow_bookmarks WHERE instance_id = @InstanceId ORDER BY created_at, id";

    public const string SelectBookmarksByNameAndCorrelationSql =
        "SELECT " + BookmarkColumns + " FROM workflow_bookmarks " +
        "WHERE name = @Name AND correlation_id = @CorrelationId ORDER BY created_at, id";

    public const string SelectBookmarksByCorrelationSql =
        "SELECT " + BookmarkColumns + " FROM workflow_bookmarks WHERE correlation_id = @CorrelationId ORDER BY created_at, id";

    /// <summary>Due timers of instances not faulted (a faulted instance waits for a person, not a retry loop).</summary>
    public const string SelectDueBookmarksSql =
        "SELECT b.id, b.instance_id, b.correlation_id, b.name, b.hash, b.payload, b.activity_id, " +
        "b.activity_instance_id, b.due_at, b.created_at " +
        "FROM workflow_bookmarks b INNER JOIN workflow_instances i ON i.id = b.instance_id " +
        "WHERE b.due_at IS NOT NULL AND b.due_at <= @Now AND i.sub_status <> @FaultedSubStatus " +
        "ORDER BY b.due_at, b.id";

    public const string InsertJournalRecordSql =
        "INSERT INTO workflow_execution_log (" + JournalColumns + ") VALUES " +
        "(@InstanceId, @Sequence, @Timestamp, @EventName, @ActivityId, @ActivityType, @ActivityName, " +
        "@ActorId, @ActorName, @ActorRole, @Message, @Payload, @PreviousHash, @Hash)";

    public const string SelectJournalByInstanceSql =
        "SELECT " + JournalColumns + " FROM workflow_execution_log WHERE instance_id = @InstanceId ORDER BY sequence";

    public const string SelectJournalHeadsSql =
        "SELECT id, correlation_id, journal_sequence, journal_hash, journal_mac FROM workflow_instances ORDER BY id";

    /// <summary>Seals a head that predates sealing; only while it is still unsealed and at that sequence.</summary>
    public const string SealJournalHeadSql =
        "UPDATE workflow_instances SET journal_mac = @Mac WHERE id = @Id AND journal_mac IS NULL AND journal_sequence = @Sequence";

    /// <summary>Every instance id that has an instance row or journal rows (orphaned journals are checked too).</summary>
    public const string SelectJournaledInstanceIdsSql =
        "SELECT id FROM workflow_instances UNION SELECT instance_id FROM workflow_execution_log ORDER BY id";
}
