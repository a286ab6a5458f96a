using Dapper;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Api.Activities;

/// <summary>
/// After a Widerspruch the decision is taken anew: a beschließend consultation is appended to the Beratungsfolge, pointing
/// to the decision it re-hears. It belongs to the Gremium the action named in <c>rehearingOrganizationId</c> (the Kreistag
/// for a Widerspruch against an Ausschuss, § 48 Abs. 3 SächsLKrO), else to the Gremium that decided last.
/// </summary>
public sealed class AppendDecidingConsultation : Activity
{
    public const string LastDecidingSql =
        "SELECT id AS Id, organization_id AS OrganizationId, is_public AS IsPublic, position AS Position FROM consultations " +
        "WHERE paper_id = @PaperId AND role = 'beschliessend' ORDER BY position DESC";
    public const string MaxPositionSql = "SELECT MAX(position) FROM consultations WHERE paper_id = @PaperId";
    public const string InsertSql =
        "INSERT INTO consultations (paper_id, position, organization_id, role, is_public, planned_date, status, objected_consultation_id, created_at, updated_at) " +
        "VALUES (@PaperId, @Position, @OrganizationId, 'beschliessend', @IsPublic, NULL, 'pending', @ObjectedId, @Now, @Now)";

    private sealed record DecidingRow
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public bool IsPublic { get; init; }
    }

    public static ActivityDescriptor Descriptor { get; } = ActivityDescriptor.Create(
        CouncilActivityTypes.AppendDecidingConsultation, _ => new AppendDecidingConsultation(), [Ports.Done]);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var paper = new PaperContext(context);
        var args = new { paper.PaperId };
        var last = (await paper.Connection.QueryAsync<DecidingRow>(new CommandDefinition(LastDecidingSql, args, paper.Transaction,
            cancellationToken: context.CancellationToken))).First();
        var position = await paper.Connection.ExecuteScalarAsync<int>(new CommandDefinition(MaxPositionSql, args, paper.Transaction,
            cancellationToken: context.CancellationToken)) + 1;
        var organizationId = context.ResumeInput?["rehearingOrganizationId"]?.GetValue<long>() ?? last.OrganizationId;
        await paper.Connection.ExecuteAsync(new CommandDefinition(InsertSql,
            new { paper.PaperId, Position = position, OrganizationId = organizationId, last.IsPublic, ObjectedId = last.Id, paper.Now },
            paper.Transaction, cancellationToken: context.CancellationToken));
        context.Complete();
    }
}
