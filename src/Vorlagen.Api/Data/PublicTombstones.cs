using Dapper;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Data;

/// <summary>
/// Records that an object which the public could see has left public view (OParl's deletion, table
/// <c>oparl_tombstones</c>), inside the caller's transaction and at the caller's moment. The slice that removes the
/// visibility calls it; OParl reads the table. Only for objects that were public: a tombstone of a never-public object
/// would reveal it.
/// </summary>
public sealed class PublicTombstones(DbSession db, Caller caller)
{
    public const string Person = "person";
    public const string Membership = "membership";
    public const string AgendaItem = "agendaitem";

    private const string Insert = "INSERT INTO oparl_tombstones (body_id, object_type, object_id, created_at, deleted_at, deleted_by) ";
    public const string PersonSql = Insert + "SELECT p.body_id, 'person', p.id, p.created_at, @Now, @Actor FROM persons p WHERE p.id = @Id";
    public const string MembershipSql =
        Insert + "SELECT p.body_id, 'membership', m.id, m.created_at, @Now, @Actor FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.id = @Id";
    public const string AgendaItemSql =
        Insert + "SELECT m.body_id, 'agendaitem', a.id, a.created_at, @Now, @Actor FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = @Id";

    private static readonly Dictionary<string, string> Sql = new()
    {
        [Person] = PersonSql, [Membership] = MembershipSql, [AgendaItem] = AgendaItemSql,
    };

    /// <param name="type">one of the constants (the OParl URL segment); call before the row itself is deleted.</param>
    /// <param name="now">the moment of the change (stored ISO 8601 UTC text, as the change itself stamps it).</param>
    public async Task RecordAsync(string type, long id, string now, CancellationToken cancellationToken) =>
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql[type], new { Id = id, Now = now, Actor = caller.AuditName }, db.Transaction,
            cancellationToken: cancellationToken));
}
