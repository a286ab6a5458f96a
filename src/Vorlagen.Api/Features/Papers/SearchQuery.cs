using System.Text.RegularExpressions;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// What a user typed into <c>q</c>, as terms over the words of <see cref="SearchIndex"/>: every term must match (any order,
/// any field); a word of three or more characters with a letter matches as a prefix ("Integr" finds "Integrationskonzept"),
/// shorter words and numbers as whole words; "quoted words" (and words joined by punctuation, as in "2021/7/401") as a
/// phrase. Words are folded with <see cref="SearchText.Fold"/>, the function that folds the index. The same terms become
/// an FTS5 query (SQLite), a tsquery (PostgreSQL) or LIKE patterns over the spaced word lists (SQL Server).
/// </summary>
public sealed partial record SearchQuery(IReadOnlyList<SearchQuery.Term> Terms)
{
    public const int MaxTerms = 8;
    public const int MaxWords = 16;

    /// <param name="Words">one word, or the words of a phrase in order.</param>
    public sealed record Term(IReadOnlyList<string> Words, bool Prefix);

    /// <summary>The columns of <c>paper_search</c> a predicate searches.</summary>
    public enum Scope { Heading, Paper, Public, All }

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+)")]
    private static partial Regex TermPattern();

    /// <summary>The folded words of a text, in order: what the index stores and what a query is made of.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. WordPattern().Matches(SearchText.Fold(text)).Select(m => m.Value)];

    /// <summary>The words of a text with their places in the original text (for snippets).</summary>
    public static IEnumerable<(int Start, int Length, string Folded)> Tokens(string text) =>
        WordPattern().Matches(text).Select(m => (m.Index, m.Length, SearchText.Fold(m.Value)));

    public static SearchQuery Parse(string? q)
    {
        var terms = new List<Term>();
        if (string.IsNullOrWhiteSpace(q)) return new SearchQuery(terms);
        foreach (Match match in TermPattern().Matches(q))
        {
            var quoted = match.Groups["phrase"].Success;
            var words = Words(quoted ? match.Groups["phrase"].Value : match.Groups["word"].Value);
            if (words.Count == 0) continue;
            var prefix = !quoted && words.Count == 1 && words[0].Length >= 3 && words[0].Any(char.IsLetter);
            var term = new Term(words, prefix);
            if (!terms.Any(t => t.Prefix == term.Prefix && t.Words.SequenceEqual(term.Words))) terms.Add(term);
        }
        return new SearchQuery(terms);
    }

    public bool IsEmpty => Terms.Count == 0;
    public int WordCount => Terms.Sum(t => t.Words.Count);

    /// <summary>
    /// An SQL condition on <c>p.id</c>: every term occurs in the columns of <paramref name="scope"/>. Binds its
    /// parameters as <c>@{name}…</c> in <paramref name="args"/>.
    /// </summary>
    public string Predicate(string provider, Scope scope, DynamicParameters args, string name) => $"p.id IN ({Ids(provider, scope, args, name)})";

    /// <summary>A subquery of the ids of the papers where every term occurs in the columns of <paramref name="scope"/>.</summary>
    public string Ids(string provider, Scope scope, DynamicParameters args, string name)
    {
        switch (provider)
        {
            case DatabaseOptions.PostgreSql:
                args.Add(name, TsQuery(scope));
                return $"SELECT ps.paper_id FROM paper_search ps WHERE ps.document @@ to_tsquery('simple', @{name})";
            case DatabaseOptions.SqlServer:
                var columns = Columns(scope);
                var conditions = Terms.Select((t, i) =>
                {
                    args.Add($"{name}_{i}", "% " + string.Join(' ', t.Words) + (t.Prefix ? "%" : " %"));
                    return "(" + string.Join(" OR ", columns.Select(c => $"ps.{c} LIKE @{name}_{i}")) + ")";
                });
                return $"SELECT ps.paper_id FROM paper_search ps WHERE {string.Join(" AND ", conditions)}";
            default:
                args.Add(name, Fts5(scope));
                return $"SELECT rowid FROM paper_search_fts WHERE paper_search_fts MATCH @{name}";
        }
    }

    private static string[] Columns(Scope scope) => scope switch
    {
        Scope.Heading => ["heading"],
        Scope.Paper => ["heading", "texts"],
        Scope.Public => ["heading", "texts", "appendix"],
        _ => ["heading", "texts", "appendix", "restricted"],
    };

    /// <summary>FTS5: <c>{heading texts} : ("integr"* AND "kreis tag")</c>; the words hold only letters and digits.</summary>
    public string Fts5(Scope scope) =>
        "{" + string.Join(' ', Columns(scope)) + "} : (" +
        string.Join(" AND ", Terms.Select(t => "\"" + string.Join(' ', t.Words) + "\"" + (t.Prefix ? "*" : ""))) + ")";

    /// <summary>PostgreSQL: <c>'integr':*AB &amp; ('kreis':AB &lt;-&gt; 'tag':AB)</c>; the weights are the columns (A heading … D restricted).</summary>
    public string TsQuery(Scope scope)
    {
        var weights = scope switch { Scope.Heading => "A", Scope.Paper => "AB", Scope.Public => "ABC", _ => "" };
        string Lexeme(string word, bool prefix) => "'" + word + "'" + (prefix ? ":*" + weights : weights.Length > 0 ? ":" + weights : "");
        return string.Join(" & ", Terms.Select(t => t.Words.Count == 1
            ? Lexeme(t.Words[0], t.Prefix)
            : "(" + string.Join(" <-> ", t.Words.Select(w => Lexeme(w, false))) + ")"));
    }

    /// <summary>Does the term match at word <paramref name="i"/> of the folded words?</summary>
    public static bool MatchesAt(Term term, IReadOnlyList<string> folded, int i)
    {
        if (i + term.Words.Count > folded.Count) return false;
        for (var k = 0; k < term.Words.Count; k++)
        {
            var last = k == term.Words.Count - 1;
            if (!(term.Prefix && last ? folded[i + k].StartsWith(term.Words[k], StringComparison.Ordinal) : folded[i + k] == term.Words[k])) return false;
        }
        return true;
    }
}
