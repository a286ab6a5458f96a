using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Assigns Vorlagen-Nr. from the body's pattern: <c>{seq:N}</c> is the running number with N digits,
/// <c>{year}</c> the paper's year (the running number then restarts each year). The next number follows the
/// highest one of the pattern's period that exists, also when it was entered by hand (after 0640 comes 0641);
/// gaps below it are not filled. The counter row is bumped first inside the command's transaction, so concurrent
/// drafts wait for each other instead of computing the same number.
/// </summary>
public sealed partial class ReferenceNumbers(DbSession db)
{
    public const string PatternSql = "SELECT reference_pattern FROM bodies WHERE id = @BodyId";
    public const string BumpSql = "UPDATE reference_counters SET last_value = last_value + 1 WHERE body_id = @BodyId AND scope = @Scope";
    public const string InsertCounterSql = "INSERT INTO reference_counters (body_id, scope, last_value) VALUES (@BodyId, @Scope, 1)";
    public const string SetCounterSql = "UPDATE reference_counters SET last_value = @Value WHERE body_id = @BodyId AND scope = @Scope";
    public const string ExistingSql = "SELECT reference FROM papers WHERE body_id = @BodyId AND reference LIKE @Like ESCAPE '!'";
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
        var args = new { BodyId = bodyId, Scope = scope };
        if (await db.Connection.ExecuteAsync(new CommandDefinition(BumpSql, args, db.Transaction, cancellationToken: cancellationToken)) == 0)
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertCounterSql, args, db.Transaction, cancellationToken: cancellationToken));

        var (like, regex) = Matchers(pattern, year);
        var existing = await db.Connection.QueryAsync<string>(new CommandDefinition(ExistingSql, new { BodyId = bodyId, Like = like },
            db.Transaction, cancellationToken: cancellationToken));
        var highest = existing.Select(r => regex.Match(r)).Where(m => m.Success)
            .Select(m => long.TryParse(m.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        var next = (int)Math.Min(highest + 1, int.MaxValue);
        while (true)
        {
            var reference = Render(pattern, year, next);
            if (!await IsTakenAsync(bodyId, reference, cancellationToken))
            {
                await db.Connection.ExecuteAsync(new CommandDefinition(SetCounterSql, new { BodyId = bodyId, Scope = scope, Value = next },
                    db.Transaction, cancellationToken: cancellationToken));
                return reference;
            }
            if (!Sequence().IsMatch(pattern))
                throw new Infrastructure.ConflictException("reference_taken", $"Die Vorlagen-Nr. „{reference}“ ist bereits vergeben; bitte geben Sie eine Nummer an.");
            next++;
        }
    }

    public static string Render(string pattern, string year, int sequence) =>
        Sequence().Replace(pattern.Replace("{year}", year, StringComparison.Ordinal),
            m => sequence.ToString(new string('0', int.Parse(m.Groups["digits"].Value, CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));

    /// <summary>A LIKE pattern that narrows the candidates, and the regex that reads their running number.</summary>
    private static (string Like, Regex Regex) Matchers(string pattern, string year)
    {
        var text = pattern.Replace("{year}", year, StringComparison.Ordinal);
        var like = new StringBuilder();
        var regex = new StringBuilder("^");
        var last = 0;
        var seen = false;
        foreach (Match m in Sequence().Matches(text))
        {
            var literal = text[last..m.Index];
            like.Append(EscapeLike(literal)).Append('%');
            regex.Append(Regex.Escape(literal)).Append(seen ? @"\d+" : $@"(?<seq>\d{{{m.Groups["digits"].Value},}})");
            seen = true;
            last = m.Index + m.Length;
        }
        like.Append(EscapeLike(text[last..]));
        regex.Append(Regex.Escape(text[last..])).Append('$');
        return (like.ToString(), new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    private static string EscapeLike(string text) =>
        text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_").Replace("[", "![");
}
