using System.Globalization;
using System.Text;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// One German folding for the stored search text and for every search word, so "kyffhauser",
/// "Kyffhaeuser" and "Kyffhäuser" all find "Kyffhäuser" and "Massnahmen" finds "Maßnahmen": lower case,
/// accents dropped (ä→a, é→e), ß→ss, and the transliterations ae/oe/ue → a/o/u. Folding the spelled-out
/// form too ("Mauer" → "maur") can join words that differ only there, a false positive a search list
/// tolerates; folding only ä→ae instead would miss "kyffhauser", the spelling people type without umlauts.
/// </summary>
public static class SearchText
{
    public const int MaxWords = 8;

    public const string MissingSql = "SELECT id AS Id, reference AS Reference, title AS Title, originator AS Originator, legal_basis AS LegalBasis, " +
        "consulted_with AS ConsultedWith, proposal AS Proposal, reasoning AS Reasoning FROM papers WHERE search_text IS NULL";
    public const string SetSql = "UPDATE papers SET search_text = @SearchText WHERE id = @Id";

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Replace("ß", "ss", StringComparison.Ordinal).Replace("ẞ", "ss", StringComparison.Ordinal)
            .ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.Replace("ae", "a").Replace("oe", "o").Replace("ue", "u").ToString();
    }

    /// <summary>What a paper is found by: number, title, Einreicher and its texts.</summary>
    public static string Of(string reference, string? title, string? originator, string? legalBasis, string? consultedWith, string? proposal, string? reasoning) =>
        Fold(string.Join('\n', new[] { reference, title, originator, legalBasis, consultedWith, proposal, reasoning }.Where(t => !string.IsNullOrEmpty(t))));

    /// <summary>The folded words of a query, each to be found somewhere in the text (any order, any field).</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : [.. query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(w => w.Length > 0).Distinct()];

    private sealed record Row(long Id, string Reference, string? Title, string? Originator, string? LegalBasis, string? ConsultedWith, string? Proposal, string? Reasoning);

    /// <summary>Papers written before the search text existed (migration 0011) get it at start-up.</summary>
    public static async Task<int> FillMissingAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(MissingSql, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return 0;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var r in rows)
            await connection.ExecuteAsync(new CommandDefinition(SetSql, new
            {
                r.Id, SearchText = Of(r.Reference, r.Title, r.Originator, r.LegalBasis, r.ConsultedWith, r.Proposal, r.Reasoning),
            }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
