using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Domain.Voting;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Errors;

namespace Vorlagen.Api.Activities;

/// <summary>
/// Walks the Beratungsfolge: one bookmark for the next pending consultation (resumed when its result
/// is recorded) plus a <c>withdraw</c> action, possible until the final decision. Results are
/// validated and stored by the recording slice before it resumes; this activity decides what
/// follows from the stored outcome. Inputs: <c>resultRoles</c>, <c>withdrawRoles</c>.
/// Ports: <c>Adopted</c>, <c>Rejected</c>, <c>Withdrawn</c>, and <c>Completed</c> when the last consultation ended
/// without a decision (an Informationsvorlage taken note of).
/// </summary>
public sealed class Deliberate : Activity
{
    public const string Adopted = "Adopted";
    public const string Rejected = "Rejected";
    public const string Withdrawn = "Withdrawn";
    public const string Completed = "Completed";
    public const string WithdrawAction = "withdraw";

    public const string NextPendingSql =
        "SELECT id AS Id, organization_id AS OrganizationId, role AS Role FROM consultations " +
        "WHERE paper_id = @PaperId AND status = 'pending' ORDER BY position";
    /// <summary>The consultation as the recording slice stored it (same transaction), journaled for the cross-check.</summary>
    public const string ConsultationSnapshotSql =
        "SELECT position AS Position, organization_id AS OrganizationId, role AS Role, is_public AS IsPublic, status AS Status, outcome AS Outcome, " +
        "result_date AS ResultDate, majority AS Majority, votes_entitled AS VotesEntitled, votes_yes AS VotesYes, votes_no AS VotesNo, " +
        "votes_abstain AS VotesAbstain, votes_recused AS VotesRecused, resolution_text AS ResolutionText, " +
        "referred_to_organization_id AS ReferredToOrganizationId FROM consultations WHERE id = @Id";

    private sealed record SnapshotRow
    {
        public int Position { get; init; }
        public long OrganizationId { get; init; }
        public string Role { get; init; } = "";
        public bool IsPublic { get; init; }
        public string Status { get; init; } = "";
        public string? Outcome { get; init; }
        public string? ResultDate { get; init; }
        public string? Majority { get; init; }
        public int? VotesEntitled { get; init; }
        public int? VotesYes { get; init; }
        public int? VotesNo { get; init; }
        public int? VotesAbstain { get; init; }
        public int? VotesRecused { get; init; }
        public string? ResolutionText { get; init; }
        public long? ReferredToOrganizationId { get; init; }

        public JsonObject ToJson() => new()
        {
            ["position"] = Position, ["organizationId"] = OrganizationId, ["role"] = Role, ["public"] = IsPublic, ["status"] = Status,
            ["outcome"] = Outcome, ["resultDate"] = ResultDate?[..Math.Min(10, ResultDate.Length)], ["majority"] = Majority,
            ["votesEntitled"] = VotesEntitled, ["votesYes"] = VotesYes, ["votesNo"] = VotesNo, ["votesAbstain"] = VotesAbstain,
            ["votesRecused"] = VotesRecused, ["resolutionText"] = ResolutionText, ["referredToOrganizationId"] = ReferredToOrganizationId,
        };
    }

    private sealed record PendingRow
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public string Role { get; init; } = "";
    }

    public static ActivityDescriptor Descriptor { get; } = ActivityDescriptor.Create(
        CouncilActivityTypes.Deliberate, _ => new Deliberate(), [Adopted, Rejected, Withdrawn, Completed],
        new InputDescriptor("resultRoles", InputType.StringArray, Required: true),
        new InputDescriptor("withdrawRoles", InputType.StringArray, Required: true));

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        await WaitForNextAsync(context);
        var withdraw = new WaitForActionPayload([WithdrawAction],
            new Dictionary<string, IReadOnlyList<string>> { [WithdrawAction] = Strings(context.GetInput("withdrawRoles")) });
        context.CreateBookmark(WaitForActionPayload.BookmarkName, withdraw.ToJson());
    }

    public override async ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        var bookmark = context.ResumedBookmark!;
        if (bookmark.Name == WaitForActionPayload.BookmarkName)
        {
            var payload = WaitForActionPayload.FromJson(bookmark.Payload);
            if (!payload.IsRoleAllowed(WithdrawAction, context.Actor.Role))
                throw new ActionNotAllowedException(WithdrawAction, context.Actor.Role, payload.ActionsFor(context.Actor.Role), ActionNotAllowedReason.RoleNotPermitted);
            context.Complete(Withdrawn);
            return;
        }

        var consultationId = bookmark.Payload["consultationId"]!.GetValue<long>();
        var paper = new PaperContext(context);
        var stored = await paper.Connection.QuerySingleAsync<SnapshotRow>(new CommandDefinition(ConsultationSnapshotSql,
            new { Id = consultationId }, paper.Transaction, cancellationToken: context.CancellationToken));
        var outcome = stored.Outcome;
        var recorded = context.ResumeInput?.DeepClone() as JsonObject ?? [];
        recorded[CouncilActivityTypes.StoredConsultationKey] = stored.ToJson();
        // A correction whose outcome takes another path re-runs this resume (IWorkflowRuntime.RerunAsync) from adopted to rejected or back.
        var correction = recorded.ContainsKey(CouncilActivityTypes.CorrectionKey);
        context.AppendJournal(correction ? CouncilActivityTypes.ResultCorrectedEvent : CouncilActivityTypes.ResultRecordedEvent, outcome, recorded);
        switch (Path(outcome))
        {
            case Adopted:
                context.Complete(Adopted);
                return;
            case Rejected:
                context.Complete(Rejected);
                return;
            default:
                if (await WaitForNextAsync(context, required: false)) return;
                context.Complete(Completed);
                return;
        }
    }

    /// <summary>The port a stored outcome leads to; deliberation continues (or completes) for every other outcome.</summary>
    public static string Path(string? outcome) => outcome switch
    {
        Outcomes.Adopted or Outcomes.AdoptedAmended => Adopted,
        Outcomes.Rejected => Rejected,
        _ => Completed,
    };

    /// <summary>The consultation as stored now, in the form the ResultRecorded/ResultCorrected records carry it.</summary>
    public static async Task<JsonObject> StoredConsultationAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction,
        long consultationId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleAsync<SnapshotRow>(new CommandDefinition(ConsultationSnapshotSql, new { Id = consultationId }, transaction,
            cancellationToken: cancellationToken))).ToJson();

    /// <returns>false when no consultation is pending (allowed only when <paramref name="required"/> is false).</returns>
    private static async Task<bool> WaitForNextAsync(ActivityExecutionContext context, bool required = true)
    {
        var paper = new PaperContext(context);
        var next = (await paper.Connection.QueryAsync<PendingRow>(new CommandDefinition(NextPendingSql, new { paper.PaperId },
            paper.Transaction, cancellationToken: context.CancellationToken))).FirstOrDefault();
        if (next is null)
            return required ? throw new InvalidOperationException($"Paper {paper.PaperId} has no pending consultation to deliberate.") : false;
        context.CreateBookmark(CouncilActivityTypes.ConsultationResultBookmark, new JsonObject
        {
            ["consultationId"] = next.Id,
            ["organizationId"] = next.OrganizationId,
            ["role"] = next.Role,
            ["allowedRoles"] = new JsonArray([.. Strings(context.GetInput("resultRoles")).Select(r => (JsonNode?)r)]),
        });
        return true;
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.GetValue<string>()).OfType<string>()] : [];
}
