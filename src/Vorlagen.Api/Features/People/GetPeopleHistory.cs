using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>Who changed a person and their memberships, when, and what — for the office of the body only.</summary>
public static class GetPeopleHistory
{
    public sealed record Query(long PersonId) : IRequest<IReadOnlyList<ChangeDto>>;

    public sealed record ChangeDto(string Subject, long SubjectId, string Action, string Summary, DateTimeOffset ChangedAt, string ChangedBy);

    public const string BodySql = "SELECT body_id FROM persons WHERE id = @PersonId";
    public const string ChangesSql =
        "SELECT subject AS Subject, subject_id AS SubjectId, action AS Action, summary AS Summary, changed_at AS ChangedAt, changed_by AS ChangedBy " +
        "FROM people_changes WHERE person_id = @PersonId ORDER BY id";

    private sealed record Row
    {
        public string Subject { get; init; } = "";
        public long SubjectId { get; init; }
        public string Action { get; init; } = "";
        public string Summary { get; init; } = "";
        public string ChangedAt { get; init; } = "";
        public string ChangedBy { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ChangeDto>>
    {
        public async Task<IReadOnlyList<ChangeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var bodyId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(BodySql, query, db.Transaction, cancellationToken: cancellationToken));
            if (bodyId is null || !caller.BelongsTo(bodyId.Value)) throw new NotFoundException("Person", query.PersonId);
            if (!caller.SeesAllOf(bodyId.Value)) throw new ForbiddenException("Den Verlauf einer Person sieht nur die Verwaltung der Körperschaft.");
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(ChangesSql, query, db.Transaction, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new ChangeDto(r.Subject, r.SubjectId, r.Action, r.Summary, Instants.Parse(r.ChangedAt), r.ChangedBy))];
        }
    }
}
