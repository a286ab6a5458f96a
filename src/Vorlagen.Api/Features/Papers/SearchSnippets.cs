using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The excerpt shown with a search hit: from the field where most of the terms match (the heading first on a tie), read from
/// the original text and marked by the same folding as the index. Only what the caller may see is read: a non-public
/// result or Anlage only for the office, as in the search itself (<see cref="SearchQuery.Scope.All"/>).
/// </summary>
public static class SearchSnippets
{
    public const string TextsSql = "SELECT legal_basis AS LegalBasis, consulted_with AS ConsultedWith, proposal AS Proposal, reasoning AS Reasoning FROM papers WHERE id = @Id";
    public const string ResultsSql =
        "SELECT o.name AS Title, c.resolution_text AS Text, c.is_public AS IsPublic FROM consultations c JOIN organizations o ON o.id = c.organization_id " +
        "WHERE c.paper_id = @Id AND c.resolution_text IS NOT NULL ORDER BY c.position";
    public const string FilesSql =
        "SELECT f.title AS Title, c.extracted_text AS Text, f.is_public AS IsPublic, f.number AS Number FROM files f " +
        "JOIN file_versions v ON v.file_id = f.id AND v.version = f.version JOIN file_contents c ON c.sha256 = v.sha256 " +
        "WHERE f.owner_kind = 'paper' AND f.owner_id = @Id ORDER BY f.number";

    private const int Before = 60;
    private const int Length = 220;

    private sealed record Texts
    {
        public string? LegalBasis { get; init; }
        public string? ConsultedWith { get; init; }
        public string? Proposal { get; init; }
        public string? Reasoning { get; init; }
    }

    private sealed record Part
    {
        public string? Title { get; init; }
        public string? Text { get; init; }
        public bool IsPublic { get; init; }
        public int Number { get; init; }
    }

    public static async Task<SearchSnippet?> ForAsync(DbSession db, Caller caller, SearchQuery query, long id, long bodyId, string reference, string title,
        string originator, CancellationToken cancellationToken)
    {
        CommandDefinition Command(string sql) => new(sql, new { Id = id }, db.Transaction, cancellationToken: cancellationToken);
        var office = caller.SeesAllOf(bodyId);
        var best = Best(null, Find("title", "Titel", title, query), Find("reference", "Nummer", reference, query), Find("originator", "Einreicher", originator, query));
        if (best is { Count: var c } && c == query.Terms.Count) return best.Snippet;
        var texts = await db.Connection.QuerySingleOrDefaultAsync<Texts>(Command(TextsSql));
        best = Best(best, Find("legalBasis", "Rechtsgrundlage", texts?.LegalBasis, query), Find("consultedWith", "Beteiligt", texts?.ConsultedWith, query),
            Find("proposal", "Beschlussvorschlag", texts?.Proposal, query), Find("reasoning", "Begründung", texts?.Reasoning, query));
        if (best is { Count: var d } && d == query.Terms.Count) return best.Snippet;
        foreach (var r in await db.Connection.QueryAsync<Part>(Command(ResultsSql)))
            if (r.IsPublic || office) best = Best(best, Find("result", $"Ergebnis {r.Title}", r.Text, query));
        foreach (var f in await db.Connection.QueryAsync<Part>(Command(FilesSql)))
            if (f.IsPublic || office) best = Best(best, Find("file", $"Anlage {f.Number}: {f.Title}", f.Title + "\n" + f.Text, query));
        return best?.Snippet;
    }

    /// <param name="Count">how many of the query's terms the field matches.</param>
    public sealed record Found(SearchSnippet Snippet, int Count);

    private static Found? Best(Found? current, params Found?[] candidates)
    {
        foreach (var candidate in candidates)
            if (candidate is not null && (current is null || candidate.Count > current.Count)) current = candidate;
        return current;
    }

    /// <summary>The excerpt of <paramref name="text"/> around its first match, with every match in it marked; null without a match.</summary>
    public static Found? Find(string field, string label, string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var tokens = SearchQuery.Tokens(text).ToList();
        var folded = tokens.Select(t => t.Folded).ToList();
        var hits = new List<(int Start, int End)>();
        var matched = new HashSet<SearchQuery.Term>();
        for (var i = 0; i < tokens.Count; i++)
            foreach (var term in query.Terms)
                if (SearchQuery.MatchesAt(term, folded, i))
                {
                    var last = tokens[i + term.Words.Count - 1];
                    hits.Add((tokens[i].Start, last.Start + last.Length));
                    matched.Add(term);
                    break;
                }
        if (hits.Count == 0) return null;
        var start = Math.Max(0, hits[0].Start - Before);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < hits[0].Start) start = space + 1;
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var cut && cut > hits[0].End) end = cut;
        var lead = start > 0 ? "…" : "";
        var excerpt = lead + text[start..end].Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ') + (end < text.Length ? "…" : "");
        var marks = hits.Where(h => h.End <= end).Select(h => new SnippetMark(h.Start - start + lead.Length, h.End - h.Start)).ToList();
        return new Found(new SearchSnippet(field, label, excerpt, marks), matched.Count);
    }
}
