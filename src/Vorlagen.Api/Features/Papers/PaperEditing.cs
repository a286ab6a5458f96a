using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Papers;

/// <summary>What drafting and editing share: who may do it, and writing the Beratungsfolge rows.</summary>
public static class PaperEditing
{
    public const string DeleteConsultationsSql = "DELETE FROM consultations WHERE paper_id = @PaperId";

    public static void RequireClerk(Caller caller, long bodyId)
    {
        if (!caller.Is(Roles.Clerk) || !caller.BelongsTo(bodyId))
            throw new ForbiddenException("Vorlagen entwerfen und bearbeiten darf nur der Sitzungsdienst der Körperschaft.");
    }

    public static async Task InsertConsultationsAsync(DbSession db, long paperId, IReadOnlyList<ConsultationInput> steps, CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps.Count; i++)
            await InsertConsultationAsync(db, paperId, i + 1, steps[i], cancellationToken);
    }

    public static Task InsertConsultationAsync(DbSession db, long paperId, int position, ConsultationInput step, CancellationToken cancellationToken) =>
        db.Connection.ExecuteAsync(new CommandDefinition(CreatePaper.InsertConsultationSql, new
        {
            PaperId = paperId, Position = position, step.OrganizationId, step.Role, IsPublic = step.Public ?? true,
            PlannedDate = step.PlannedDate?.ToString("yyyy-MM-dd"),
        }, db.Transaction, cancellationToken: cancellationToken));
}
