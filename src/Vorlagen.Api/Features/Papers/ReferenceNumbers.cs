using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Assigns Vorlagen-Nr. from the body's pattern: <c>{seq:N}</c> is the running number with N digits,
/// <c>{year}</c> the paper's year (the running number then restarts each year). Numbers already
/// taken by hand are skipped. The counter row is updated inside the command's transaction.
/// </summary>
public sealed partial class ReferenceNumbers(DbSession db)
{
    public const string PatternSql = "SELECT reference_pattern FROM bodies WHERE id = @BodyId";
    public const string BumpSql = "UPDATE reference_counters SET last_value = last_value + 1 WHERE body_id = @BodyId AND scope = @Scope";
    public const string InsertCounterSql = "INSERT INTO reference_counters (body_id, scope, last_value) VALUES (@BodyId, @Scope, 1)";
    public const string CurrentSql = "SELECT last_value FROM reference_counters WHERE body_id = @BodyId AND scope = @Scope";
    public const string TakenSql = "SELECT COUNT(*) FROM papers WHERE body_id = @BodyId AND reference = @Reference";

    [GeneratedRegex(@"\{seq:(?<digits>\d)\}")]
    private static partial Regex Sequence();

    public async Task<bool> IsTakenAsync(long bodyId, string reference, CancellationToken cancellationToken) =>
        await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(TakenSql, new { BodyId = bodyId, Reference = reference },
            db.Transaction, cancellationToken: cancellationToken)) > 0;

    public async Task<string> NextAsync(long bodyId, DateOnly paperDate, CancellationToken cancellationToken)
    {
        var pattern = await db.Connection.ExecuteScalarAsync<string>(new CommandDefinition(PatternSql, new { BodyId = bodyId },
            db.Transaction, cancellationToken: cancellationToken)) ?? "{seq:4}";
        var year = paperDate.Year.ToString(CultureInfo.InvariantCulture);
        var scope = pattern.Contains("{year}", StringComparison.Ordinal) ? year : "";
        while (true)
        {
            var reference = Render(pattern, year, await BumpAsync(bodyId, scope, cancellationToken));
            if (!await IsTakenAsync(bodyId, reference, cancellationToken)) return reference;
        }
    }

    public static string Render(string pattern, string year, int sequence) =>
        Sequence().Replace(pattern.Replace("{year}", year, StringComparison.Ordinal),
            m => sequence.ToString(new string('0', int.Parse(m.Groups["digits"].Value, CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));

    private async Task<int> BumpAsync(long bodyId, string scope, CancellationToken cancellationToken)
    {
        var args = new { BodyId = bodyId, Scope = scope };
        if (await db.Connection.ExecuteAsync(new CommandDefinition(BumpSql, args, db.Transaction, cancellationToken: cancellationToken)) == 0)
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertCounterSql, args, db.Transaction, cancellationToken: cancellationToken));
        return await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(CurrentSql, args, db.Transaction, cancellationToken: cancellationToken));
    }
}
