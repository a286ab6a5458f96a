using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Api.Activities;

/// <summary>The paper a workflow instance belongs to, and the row operations council activities share.</summary>
public sealed class PaperContext(ActivityExecutionContext context)
{
    public const string StatusSql = "SELECT status FROM papers WHERE id = @PaperId";
    public const string SetStatusSql =
        "UPDATE papers SET status = @Status, signed_date = COALESCE(@SignedDate, signed_date), version = version + 1, " +
        "released_on = CASE WHEN (@Status = 'in_deliberation' OR @Releases = 1) AND released_on IS NULL THEN @ReleasedOn ELSE released_on END, " +
        "released_at = CASE WHEN (@Status = 'in_deliberation' OR @Releases = 1) AND released_at IS NULL THEN @Now ELSE released_at END, " +
        "updated_at = @Now, updated_by = @Actor WHERE id = @PaperId";

    /// <summary>The columns the journal cross-check compares, read back after the change in the same transaction.</summary>
    public const string SnapshotSql =
        "SELECT status AS Status, is_public AS IsPublic, signed_date AS SignedDate, released_on AS ReleasedOn FROM papers WHERE id = @PaperId";

    private sealed record Snapshot
    {
        public string Status { get; init; } = "";
        public bool IsPublic { get; init; }
        public string? SignedDate { get; init; }
        public string? ReleasedOn { get; init; }
    }

    public long PaperId { get; } = context.WorkflowInput["paperId"]?.GetValue<long>()
        ?? throw new InvalidOperationException("The workflow was started without a paperId input.");

    public DbConnection Connection => context.Connection ?? throw new InvalidOperationException("Council activities need the host's database session.");
    public DbTransaction? Transaction => context.Transaction;
    public string Now => Instants.Format(context.TimeProvider.GetUtcNow());

    public Task<string> StatusAsync() =>
        Connection.ExecuteScalarAsync<string>(new CommandDefinition(StatusSql, new { PaperId }, Transaction, cancellationToken: context.CancellationToken))!;

    /// <summary>
    /// Changes the paper's status and journals the transition with the action that caused it. The paper counts as
    /// released when it enters deliberation or the action says it releases (types without Beratungsfolge); the release
    /// day is the action's date (an old paper entered later is released on its historical day), else today.
    /// </summary>
    public async Task TransitionAsync(string status, JsonObject? details = null, string? signedDate = null, string? actionDate = null, bool releases = false)
    {
        var from = await StatusAsync();
        await Connection.ExecuteAsync(new CommandDefinition(SetStatusSql, new
        {
            PaperId, Status = status, SignedDate = signedDate, Releases = releases ? 1 : 0, Now, Actor = context.Actor.Name,
            ReleasedOn = actionDate ?? Infrastructure.BerlinTime.Today(context.TimeProvider).ToString("yyyy-MM-dd"),
        }, Transaction, cancellationToken: context.CancellationToken));
        var payload = details ?? new JsonObject();
        payload["paperId"] = PaperId;
        payload["fromStatus"] = from;
        payload["toStatus"] = status;
        payload["actorRole"] = context.Actor.Role;
        payload[CouncilActivityTypes.StoredPaperKey] = await SnapshotAsync();
        context.AppendJournal(CouncilActivityTypes.TransitionEvent, $"{from} → {status}", payload);
    }

    /// <summary>The paper's row as stored by this run, journaled so verification can compare the row with it later.</summary>
    private async Task<JsonObject> SnapshotAsync()
    {
        var row = await Connection.QuerySingleAsync<Snapshot>(new CommandDefinition(SnapshotSql, new { PaperId }, Transaction,
            cancellationToken: context.CancellationToken));
        static string? Day(string? text) => text?[..Math.Min(10, text.Length)];
        return new JsonObject
        {
            ["status"] = row.Status, ["public"] = row.IsPublic, ["signedDate"] = Day(row.SignedDate), ["releasedOn"] = Day(row.ReleasedOn),
        };
    }
}
