using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// A member's personal iCalendar feed of their sessions: the published sessions of the Gremien the person linked to the user belongs to on
/// the session day (public or not, as <see cref="MeetingAccess"/> lets a member see them). The token is in the URL; only its SHA-256 is
/// stored. A new feed revokes the old one, revoking ends the URL (404). Like the public feed it names public items only and shows the
/// non-public part as "nichtöffentlicher Teil": calendar apps copy a feed to servers outside the Landkreis.
/// </summary>
public static class PersonalCalendar
{
    public sealed record Create : ICommand<FeedDto>;
    public sealed record Revoke : ICommand<FeedDto>;
    public sealed record Status : IRequest<FeedDto>;
    public sealed record Feed(string Token) : IRequest<string>;

    /// <param name="Url">the feed's address, only in the answer that creates it (the token is stored as a hash).</param>
    public sealed record FeedDto(bool Active, DateTimeOffset? CreatedAt, string? Url = null);

    public const string ActiveSql = "SELECT created_at FROM calendar_feeds WHERE user_id = @UserId AND revoked_at IS NULL";
    public const string RevokeSql = "UPDATE calendar_feeds SET revoked_at = @Now, revoked_by = @Actor WHERE user_id = @UserId AND revoked_at IS NULL";
    public const string InsertSql =
        "INSERT INTO calendar_feeds (user_id, token_hash, created_at, created_by) VALUES (@UserId, @Hash, @Now, @Actor)";
    public const string UserOfTokenSql =
        "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = @Hash AND f.revoked_at IS NULL AND u.active = 1";
    private const string MemberMeetings =
        " JOIN memberships gm ON gm.organization_id = m.organization_id JOIN persons gp ON gp.id = gm.person_id " +
        "JOIN legislative_terms gt ON gt.id = gm.legislative_term_id JOIN users u ON u.id = gp.user_id " +
        "WHERE gp.user_id = @UserId AND gp.status = 'active' AND gm.statutory = 0 AND m.body_id = u.body_id AND m.published_at IS NOT NULL " +
        "AND gm.start_date <= m.meeting_date AND COALESCE(gm.end_date, gt.end_date) >= m.meeting_date";
    public const string MeetingsSql = "SELECT DISTINCT m.id AS Id, m.body_id AS BodyId, m.organization_id AS OrganizationId, o.name AS OrganizationName, " +
        "m.number AS Number, m.meeting_date AS MeetingDate, m.start_time AS StartTime, m.end_time AS EndTime, m.room AS Room, m.address AS Address, " +
        "m.is_public AS IsPublic, m.status AS Status, m.published_at AS PublishedAt, m.version AS Version " +
        "FROM meetings m JOIN organizations o ON o.id = m.organization_id" + MemberMeetings;
    public const string ItemsSql =
        "SELECT a.meeting_id AS MeetingId, a.id AS Id, a.is_public AS IsPublic, a.sort_order AS SortOrder, a.is_sub AS IsSub, a.title AS Title, " +
        "a.template_key AS TemplateKey FROM agenda_items a WHERE a.meeting_id IN (SELECT m.id FROM meetings m" + MemberMeetings + ")";

    public static string FeedPath(string token) => $"/api/meetings/calendar/{token}.ics";

    public sealed class CreateHandler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Create, FeedDto>
    {
        public async Task<FeedDto> Handle(Create command, CancellationToken cancellationToken)
        {
            var userId = caller.UserId ?? throw new ForbiddenException("Einen persönlichen Kalender hat nur, wer angemeldet ist.");
            var token = AccessTokens.Create();
            var now = clock.GetUtcNow();
            var args = new { UserId = userId, Hash = AccessTokens.Hash(token), Now = Instants.Format(now), Actor = caller.AuditName };
            var connection = await db.ConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(RevokeSql, args, db.Transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: cancellationToken));
            return new FeedDto(true, now, FeedPath(token));
        }
    }

    public sealed class RevokeHandler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Revoke, FeedDto>
    {
        public async Task<FeedDto> Handle(Revoke command, CancellationToken cancellationToken)
        {
            var userId = caller.UserId ?? throw new ForbiddenException("Einen persönlichen Kalender hat nur, wer angemeldet ist.");
            var connection = await db.ConnectionAsync(cancellationToken);
            var revoked = await connection.ExecuteAsync(new CommandDefinition(RevokeSql,
                new { UserId = userId, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName }, db.Transaction, cancellationToken: cancellationToken));
            if (revoked == 0) throw new NotFoundException("Persönlicher Kalender", "(aktiv)");
            return new FeedDto(false, null);
        }
    }

    public sealed class StatusHandler(DbSession db, Caller caller) : IRequestHandler<Status, FeedDto>
    {
        public async Task<FeedDto> Handle(Status query, CancellationToken cancellationToken)
        {
            var userId = caller.UserId ?? throw new ForbiddenException("Einen persönlichen Kalender hat nur, wer angemeldet ist.");
            var connection = await db.ConnectionAsync(cancellationToken);
            var created = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ActiveSql, new { UserId = userId }, db.Transaction, cancellationToken: cancellationToken));
            return new FeedDto(created is not null, created is null ? null : Instants.Parse(created));
        }
    }

    /// <summary>The feed of a token; an unknown or revoked token (or a deactivated user) is 404 like any missing page.</summary>
    public sealed class FeedHandler(DbSession db) : IRequestHandler<Feed, string>
    {
        public async Task<string> Handle(Feed query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var userId = query.Token.Length is > 20 and < 100
                ? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(UserOfTokenSql, new { Hash = AccessTokens.Hash(query.Token) }, db.Transaction,
                    cancellationToken: cancellationToken))
                : null;
            if (userId is null) throw new NotFoundException("Kalender", "unter dieser Adresse");
            var args = new { UserId = userId };
            var meetings = (await connection.QueryAsync<MeetingSql.MeetingRow>(new CommandDefinition(MeetingsSql, args, db.Transaction, cancellationToken: cancellationToken)))
                .OrderBy(m => m.MeetingDate, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
            var items = (await connection.QueryAsync<MeetingCalendar.ItemRow>(new CommandDefinition(ItemsSql, args, db.Transaction, cancellationToken: cancellationToken)))
                .ToLookup(i => i.MeetingId);
            return MeetingCalendar.Handler.Render(meetings, items, "Meine Sitzungen");
        }
    }
}
