using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Beschluss numbers: Vorlagen had none, so a decision gets one when its Niederschrift is signed (the results are final then):
/// "&lt;Gremium short name&gt;/&lt;year&gt;/&lt;serial&gt;", the serial counting per Gremium and year in the order of the items.
/// Stored, so a number never changes once given.
/// </summary>
public static class DecisionNumbers
{
    public const string DecisionsOfMeetingSql =
        "SELECT c.id AS ConsultationId, c.organization_id AS OrganizationId, o.short_name AS ShortName, c.result_date AS ResultDate " +
        "FROM agenda_items a JOIN consultations c ON c.id = a.consultation_id JOIN organizations o ON o.id = c.organization_id " +
        "WHERE a.meeting_id = @Id AND c.status = 'done' AND c.outcome IS NOT NULL AND c.outcome <> 'noted' " +
        "AND NOT EXISTS (SELECT 1 FROM decision_numbers d WHERE d.consultation_id = c.id) ORDER BY a.is_public DESC, a.sort_order, a.id";
    public const string LastSerialSql = "SELECT MAX(serial_no) FROM decision_numbers WHERE organization_id = @OrganizationId AND decision_year = @Year";
    public const string InsertSql =
        "INSERT INTO decision_numbers (consultation_id, organization_id, decision_year, serial_no, number, assigned_at) " +
        "VALUES (@ConsultationId, @OrganizationId, @Year, @Serial, @Number, @Now)";

    public sealed record DecisionRow(long ConsultationId, long OrganizationId, string ShortName, string ResultDate);

    public static async Task AssignAsync(DbSession db, long meetingId, string now, CancellationToken ct)
    {
        var rows = await db.Connection.QueryAsync<DecisionRow>(new CommandDefinition(DecisionsOfMeetingSql, new { Id = meetingId }, db.Transaction, cancellationToken: ct));
        foreach (var row in rows)
        {
            var year = int.Parse(row.ResultDate[..4], System.Globalization.CultureInfo.InvariantCulture);
            var last = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(LastSerialSql, new { row.OrganizationId, Year = year },
                db.Transaction, cancellationToken: ct)) ?? 0;
            var serial = last + 1;
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new { row.ConsultationId, row.OrganizationId, Year = year, Serial = serial,
                Number = $"{row.ShortName}/{year}/{serial:000}", Now = now }, db.Transaction, cancellationToken: ct));
        }
    }
}
