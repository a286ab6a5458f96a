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
    public const string ConsultationOutcomeSql = "SELECT outcome FROM consultations WHERE id = @Id";

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
        var outcome = await paper.Connection.ExecuteScalarAsync<string>(new CommandDefinition(ConsultationOutcomeSql,
            new { Id = consultationId }, paper.Transaction, cancellationToken: context.CancellationToken));
        context.AppendJournal(CouncilActivityTypes.ResultRecordedEvent, outcome, context.ResumeInput?.DeepClone());
        switch (outcome)
        {
            case Outcomes.Adopted or Outcomes.AdoptedAmended:
                context.Complete(Adopted);
                return;
            case Outcomes.Rejected:
                context.Complete(Rejected);
                return;
            default:
                if (await WaitForNextAsync(context, required: false)) return;
                context.Complete(Completed);
                return;
        }
    }

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
