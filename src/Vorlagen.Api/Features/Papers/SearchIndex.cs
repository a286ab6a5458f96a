using System.Data.Common;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The search row of a paper (<c>paper_search</c>, migration 0019): its folded words (<see cref="SearchQuery.Words"/>) in four
/// columns — heading (number, title), texts (Einreicher and the paper's texts), appendix (public consultations' results,
/// public Anlagen: title and extracted text) and restricted (non-public results and Anlagen). Every write that changes one
/// of them rewrites the row in its own transaction; the database's index (FTS5, tsvector) follows in the same transaction.
/// </summary>
public static class SearchIndex
{
    public const string PaperSql =
        "SELECT reference AS Reference, title AS Title, originator AS Originator, legal_basis AS LegalBasis, consulted_with AS ConsultedWith, " +
        "proposal AS Proposal, reasoning AS Reasoning, fields AS Fields FROM papers WHERE id = @Id";
    // A non-public result counts as public once announced (§ 33 Abs. 1 Satz 3 SächsLKrO, Features/Meetings/AnnounceDecision.cs).
    public const string ResultsSql = "SELECT resolution_text AS Text, CASE WHEN is_public = 1 OR announced_on IS NOT NULL THEN 1 ELSE 0 END AS IsPublic FROM consultations WHERE paper_id = @Id AND resolution_text IS NOT NULL";
    /// <summary>The current version of each Anlage with its extracted text.</summary>
    public const string FilesSql =
        "SELECT f.title AS Title, c.extracted_text AS Text, f.is_public AS IsPublic FROM files f " +
        "JOIN file_versions v ON v.file_id = f.id AND v.version = f.version JOIN file_contents c ON c.sha256 = v.sha256 " +
        "WHERE f.owner_kind = 'paper' AND f.owner_id = @Id";
    public const string DeleteSql = "DELETE FROM paper_search WHERE paper_id = @Id";
    public const string InsertSql =
        "INSERT INTO paper_search (paper_id, heading, texts, appendix, restricted) VALUES (@Id, @Heading, @Texts, @Appendix, @Restricted)";
    public const string MissingSql = "SELECT p.id FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_search s WHERE s.paper_id = p.id) ORDER BY p.id";

    /// <summary>
    /// Written before each text of a column, so a phrase matches within one text only (not from the proposal into the reasoning,
    /// nor, in PostgreSQL's joined tsvector, from one column into the next): a precomposed "é" is a word to every word breaker,
    /// but no query word can be it, as <see cref="SearchText.Fold"/> drops accents.
    /// </summary>
    public const string Boundary = "\u00e9";

    private sealed record PaperTexts
    {
        public string Reference { get; init; } = "";
        public string? Title { get; init; }
        public string? Originator { get; init; }
        public string? LegalBasis { get; init; }
        public string? ConsultedWith { get; init; }
        public string? Proposal { get; init; }
        public string? Reasoning { get; init; }
        public string? Fields { get; init; }
    }

    private sealed record Part
    {
        public string? Title { get; init; }
        public string? Text { get; init; }
        public bool IsPublic { get; init; }
    }

    /// <summary>Rewrites the paper's search row from its current rows (call after the write, in its transaction).</summary>
    public static Task RefreshAsync(DbSession db, long paperId, CancellationToken cancellationToken) =>
        RefreshAsync(db.Connection, db.Transaction, paperId, cancellationToken);

    public static async Task RefreshAsync(DbConnection connection, DbTransaction? transaction, long paperId, CancellationToken cancellationToken)
    {
        CommandDefinition Command(string sql) => new(sql, new { Id = paperId }, transaction, cancellationToken: cancellationToken);
        await connection.ExecuteAsync(Command(DeleteSql));
        var paper = await connection.QuerySingleOrDefaultAsync<PaperTexts>(Command(PaperSql));
        if (paper is null) return;
        var results = (await connection.QueryAsync<Part>(Command(ResultsSql))).ToList();
        var files = (await connection.QueryAsync<Part>(Command(FilesSql))).ToList();
        string Join(IEnumerable<string?> texts) =>
            " " + string.Join(' ', texts.Select(SearchQuery.Words).Where(w => w.Count > 0).Select(w => Boundary + " " + string.Join(' ', w))) + " ";
        IEnumerable<string?> Of(IEnumerable<Part> parts, bool isPublic) => parts.Where(p => p.IsPublic == isPublic).SelectMany(p => new[] { p.Title, p.Text });
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = paperId,
            Heading = Join([paper.Reference, paper.Title]),
            Texts = Join([paper.Originator, paper.LegalBasis, paper.ConsultedWith, paper.Proposal, paper.Reasoning, .. FieldTexts(paper.Fields)]),
            Appendix = Join(Of(results, true).Concat(Of(files, true))),
            Restricted = Join(Of(results, false).Concat(Of(files, false))),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The texts of the type's own fields (an Anfrage's questions and answers, an Antrag's submitters): every string in the JSON.
    /// They are shown to whoever may see the paper, so they are searched like its other texts.</summary>
    private static IEnumerable<string?> FieldTexts(string? fields)
    {
        if (string.IsNullOrEmpty(fields) || System.Text.Json.Nodes.JsonNode.Parse(fields) is not { } root) return [];
        var texts = new List<string?>();
        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o: foreach (var (_, value) in o) Walk(value); break;
                case System.Text.Json.Nodes.JsonArray a: foreach (var item in a) Walk(item); break;
                case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text): texts.Add(text); break;
            }
        }
        Walk(root);
        return texts;
    }

    /// <summary>Papers written before migration 0019 (or by bulk loads) get their row at start-up, in batches.</summary>
    public static async Task<int> FillMissingAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(MissingSql, cancellationToken: cancellationToken))).ToList();
        foreach (var batch in ids.Chunk(1000))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var id in batch) await RefreshAsync(connection, transaction, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return ids.Count;
    }
}
