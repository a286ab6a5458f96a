using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Papers the caller may see, filtered and paged, newest first. The visibility filter is part of
/// the SQL, so counts and pages never include what the caller may not see. <c>q</c> is a full-text search
/// (<see cref="SearchQuery"/>, <see cref="SearchIndex"/>) over number, title, Einreicher, texts, results and Anlagen; its hits
/// come best field first (rank 0: all terms in number or title, 1: in the paper's texts, 2: elsewhere), then newest first, each
/// with a <see cref="SearchSnippet"/>; non-public results and Anlagen are searched for the office only.
/// Built for archives of millions: only the filters given become SQL, each one a plain column test the list indexes of
/// migration 0016 hold; a page starts at a (date, id) key (keyset), found for <c>page=</c> by an index-only skip and given
/// as <c>after=</c> by the previous page's <c>next</c>; the count stops at <see cref="CountLimit"/> (then it is a lower bound).
/// </summary>
public static partial class ListPapers
{
    public sealed record Query(long? BodyId, string? Status, long? OrganizationId, string? Q, int? Year, int Page, int PageSize,
        string? PaperType = null, string? After = null)
        : IRequest<PagedList<PaperSummaryDto>>;

    /// <summary>Counting stops here: beyond it <c>total</c> is this lower bound with <c>totalIsEstimate</c>.</summary>
    public const int CountLimit = 5_000;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(Infrastructure.PaperTypes.PaperTypeCatalog types)
        {
            this.ValidPaging(q => q.Page, q => q.PageSize);
            var statuses = types.AllStatuses.Append(PaperStatuses.Decided).ToList();
            RuleFor(q => q.Status).Must(s => s is null || statuses.Contains(s))
                .WithMessage($"Unbekannter Status. Erlaubt: {string.Join(", ", statuses.Select(s => $"{s} ({types.StatusLabel(null, s)})"))}.");
            RuleFor(q => q.PaperType).MaximumLength(60).WithMessage("Die Vorlagenart darf höchstens 60 Zeichen lang sein.")
                .SingleLineText("Die Vorlagenart");
            RuleFor(q => q.Q).MaximumLength(200).WithMessage("Der Suchbegriff darf höchstens 200 Zeichen lang sein.")
                .SingleLineText("Der Suchbegriff");
            RuleFor(q => SearchQuery.Parse(q.Q)).Must(s => s.Terms.Count <= SearchQuery.MaxTerms && s.WordCount <= SearchQuery.MaxWords)
                .OverridePropertyName("q").WithMessage($"Bitte suchen Sie mit höchstens {SearchQuery.MaxTerms} Wörtern oder Wortgruppen.");
            RuleFor(q => q.Q).Must(q => string.IsNullOrWhiteSpace(q) || !SearchQuery.Parse(q).IsEmpty)
                .WithMessage("Der Suchbegriff enthält kein Wort: Bitte suchen Sie nach Wörtern oder Zahlen (Satzzeichen allein finden nichts).");
            RuleFor(q => q.After).Must(a => a is null || Cursor.TryParse(a, out _))
                .WithMessage("Ungültiger Wert für after: Bitte verwenden Sie den Wert next der vorigen Seite.");
        }
    }

    // Fragments; the handler joins those the query uses. AllFiltersSql shows (and the T-SQL test parses) every one at once.
    public const string Columns =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.reference AS Reference, p.paper_type AS PaperType, p.title AS Title, p.paper_date AS PaperDate, " +
        "p.originator AS Originator, p.is_public AS IsPublic, " + PaperSql.ShownStatus + " AS Status, p.version AS Version FROM papers p WHERE ";
    public const string BodyFilter = " AND p.body_id = @BodyId";
    public const string StatusFilter = " AND p.status = @Status";
    // Status as an expression: an IN list on the status index would need a sort; the date-ordered index tests status and flag itself.
    public const string DecidedFilter = " AND (CASE WHEN p.decided_non_public = 1 THEN p.status END) IN " + PaperSql.RevealDecisionList +
        " AND " + PaperSql.HiddenDecision;
    public const string NotHiddenFilter = " AND NOT " + PaperSql.HiddenDecision;
    public const string PaperTypeFilter = " AND p.paper_type = @PaperType";
    public const string OrganizationFilter = " AND EXISTS (SELECT 1 FROM consultations fc WHERE fc.paper_id = p.id AND fc.organization_id = @OrganizationId)";
    public const string YearFilter = " AND p.paper_date >= @YearStart AND p.paper_date < @YearEnd";
    /// <summary>From the key (date, id) on, newest first: sargable on the list indexes in every database (no row values).</summary>
    public const string FromKeyFilter = " AND p.paper_date <= @KeyDate AND (p.paper_date < @KeyDate OR p.id <= @KeyId)";
    public const string Order = " ORDER BY p.paper_date DESC, p.id DESC {{Page}}";

    public const string AllFiltersSql = Columns + PaperSql.VisibleFilter + BodyFilter + StatusFilter + NotHiddenFilter + PaperTypeFilter +
        OrganizationFilter + YearFilter + FromKeyFilter + Order;
    public const string StartKeyAllFiltersSql = "SELECT p.paper_date AS PaperDate, p.id AS Id FROM papers p WHERE " + PaperSql.VisibleFilter +
        DecidedFilter + Order;
    public const string CountAllFiltersSql = "SELECT COUNT(*) FROM (SELECT p.id FROM papers p WHERE " + PaperSql.VisibleFilter + BodyFilter +
        StatusFilter + Order + ") c";

    /// <summary>The WHERE clause (visibility first) of the filters the query uses, but <c>q</c> (see <see cref="Search"/>).</summary>
    public static string Where(Query query)
    {
        var where = new StringBuilder(PaperSql.VisibleFilter);
        if (query.BodyId is not null) where.Append(BodyFilter);
        if (query.Status == PaperStatuses.Decided) where.Append(DecidedFilter);
        else if (query.Status is not null)
            where.Append(StatusFilter).Append(PaperStatuses.RevealDecision.Contains(query.Status) ? NotHiddenFilter : "");
        if (query.PaperType is not null) where.Append(PaperTypeFilter);
        if (query.OrganizationId is not null) where.Append(OrganizationFilter);
        if (query.Year is not null) where.Append(YearFilter);
        return where.ToString();
    }

    /// <summary>
    /// The search condition and the rank of a hit. Public callers search heading, texts and appendix; the office of the
    /// paper's body also the restricted column (non-public results and Anlagen).
    /// </summary>
    public static (string Filter, string Rank) Search(SearchQuery search, string provider, bool signedIn, DynamicParameters args)
    {
        // One id list (the papers found, never a scan of all papers): the office's hits in the restricted column join it.
        var filter = " AND p.id IN (" + search.Ids(provider, SearchQuery.Scope.Public, args, "SqPublic") +
            (signedIn ? " UNION SELECT sp.id FROM papers sp" + HitsIndex(provider) + " WHERE (@AllBodies = 1 OR sp.body_id = @FullBodyId) AND sp.id IN (" +
                search.Ids(provider, SearchQuery.Scope.All, args, "SqAll") + ")" : "") + ")";
        var rank = "(CASE WHEN " + search.Predicate(provider, SearchQuery.Scope.Heading, args, "SqHeading") + " THEN 0 WHEN " +
            search.Predicate(provider, SearchQuery.Scope.Paper, args, "SqPaper") + " THEN 1 ELSE 2 END)";
        return (filter, rank);
    }

    /// <summary>
    /// SQLite: the hits of a search are looked up by id in the narrow index of migration 0027, not in the wide paper rows
    /// (the planner would take the table for <c>id IN (…)</c>); with tens of thousands of hits that is most of a search's time.
    /// </summary>
    public static string HitsIndex(string provider) => provider == DatabaseOptions.Sqlite ? " INDEXED BY ix_papers_search_hits" : "";

    private sealed record Key
    {
        public string PaperDate { get; init; } = "";
        public long Id { get; init; }
        public long SearchRank { get; init; }
    }

    private sealed record ListRow
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public string Reference { get; init; } = "";
        public string PaperType { get; init; } = "";
        public string Title { get; init; } = "";
        public string PaperDate { get; init; } = "";
        public string Originator { get; init; } = "";
        public bool IsPublic { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
        public long SearchRank { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, PaperWorkflow workflow, Infrastructure.PaperTypes.PaperTypeCatalog types)
        : IRequestHandler<Query, PagedList<PaperSummaryDto>>
    {
        public async Task<PagedList<PaperSummaryDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(PaperAccess.FilterArgs(caller));
            var search = SearchQuery.Parse(query.Q);
            args.AddDynamicParams(new
            {
                query.BodyId, query.Status, PaperType = query.PaperType is null ? null : types.Find(query.PaperType)?.Code ?? query.PaperType,
                query.OrganizationId,
                YearStart = query.Year is { } y ? $"{y:D4}-01-01" : null, YearEnd = query.Year is { } e ? $"{e + 1:D4}-01-01" : null,
            });
            var where = Where(query);
            // A search ranks its hits: the rank leads the order and the key of a page.
            var (searchFilter, rank) = search.IsEmpty ? ("", "0") : Search(search, db.Dialect.Provider, caller.IsAuthenticated, args);
            where += searchFilter;
            var order = search.IsEmpty ? Order : " ORDER BY " + rank + ", p.paper_date DESC, p.id DESC {{Page}}";
            var fromKey = search.IsEmpty ? FromKeyFilter
                : " AND (" + rank + " > @KeyRank OR (" + rank + " = @KeyRank" + FromKeyFilter + "))";
            Task<T> Run<T>(Func<CommandDefinition, Task<T>> run, string sql, int pageSize, int offset)
            {
                args.Add("PageSize", pageSize);
                args.Add("Offset", offset);
                return run(new CommandDefinition(db.Dialect.Render(sql), args, db.Transaction, cancellationToken: cancellationToken));
            }

            // Where the page starts: the cursor, or for page n the key of the row (n-1)·pageSize, skipped to in the index alone.
            var offset = query.After is null ? PagingRules.Offset(query.Page, query.PageSize) : 0;
            var hits = search.IsEmpty ? "" : HitsIndex(db.Dialect.Provider);
            Key? start = query.After is not null && Cursor.TryParse(query.After, out var after) ? after
                : offset == 0 ? null
                : await Run(c => connection.QueryFirstOrDefaultAsync<Key>(c), "SELECT p.paper_date AS PaperDate, p.id AS Id, " + rank + " AS SearchRank FROM papers p" + hits + " WHERE " + where + order, 1, offset);
            var pageWhere = start is null ? where : where + fromKey;
            if (start is not null)
            {
                args.Add("KeyDate", start.PaperDate);
                args.Add("KeyId", start.Id);
                args.Add("KeyRank", start.SearchRank);
            }
            // A search first picks the page's ids in rank order from the hits (narrow rows), then reads the columns of those.
            var pageSql = search.IsEmpty ? Columns.Replace(" FROM papers p", ", 0 AS SearchRank FROM papers p") + pageWhere + order
                : Columns.Replace(" FROM papers p WHERE ", ", h.SearchRank AS SearchRank FROM (SELECT p.id AS HitId, " + rank + " AS SearchRank FROM papers p" + hits +
                    " WHERE " + pageWhere + order + ") h JOIN papers p ON p.id = h.HitId") + " ORDER BY h.SearchRank, p.paper_date DESC, p.id DESC";
            var rows = offset > 0 && start is null
                ? []
                : (await Run(c => connection.QueryAsync<ListRow>(c), pageSql, query.PageSize + 1, 0)).ToList();
            var next = rows.Count > query.PageSize ? Cursor.Format(rows[^1].PaperDate, rows[^1].Id, search.IsEmpty ? null : rows[^1].SearchRank) : null;
            if (next is not null) rows.RemoveAt(rows.Count - 1);

            // On the last page reached by number the total is known; otherwise count, at most CountLimit + 1 rows of the index.
            int total;
            var estimate = false;
            if (query.After is null && next is null && (rows.Count > 0 || offset == 0)) total = offset + rows.Count;
            else
            {
                // A search counts its hits in id order (the order of the hit list: no sort of all of them).
                var counted = await Run(c => connection.ExecuteScalarAsync<int>(c),
                    "SELECT COUNT(*) FROM (SELECT p.id FROM papers p" + hits + " WHERE " + where + (search.IsEmpty ? Order : " ORDER BY p.id {{Page}}") + ") c",
                    CountLimit + 1, 0);
                estimate = counted > CountLimit;
                total = estimate ? Math.Max(CountLimit, offset + rows.Count + (next is null ? 0 : 1)) : counted;
            }
            var items = new List<PaperSummaryDto>(rows.Count);
            foreach (var p in rows)
                items.Add(new PaperSummaryDto(p.Id, p.BodyId, p.Reference, p.PaperType, p.Title, PaperReader.Date(p.PaperDate)!.Value,
                    p.Originator, p.IsPublic, p.Status, workflow.StatusLabel(p.PaperType, p.Status), p.Status == PaperStatuses.Decided ? null : p.Version,
                    types.Find(p.PaperType)?.Label ?? p.PaperType,
                    search.IsEmpty ? null
                        : await SearchSnippets.ForAsync(db, caller, search, p.Id, p.BodyId, p.Reference, p.Title, p.Originator, cancellationToken)));
            return new PagedList<PaperSummaryDto>(items, query.Page, query.PageSize, total, estimate, next);
        }
    }

    /// <summary>The key of a page's first row, <c>yyyy-MM-dd_id</c>, with <c>_rank</c> in a search (opaque to clients: they pass on <c>next</c>).</summary>
    private static partial class Cursor
    {
        public static string Format(string paperDate, long id, long? rank) =>
            $"{paperDate[..10]}_{id.ToString(CultureInfo.InvariantCulture)}" + (rank is { } r ? $"_{r.ToString(CultureInfo.InvariantCulture)}" : "");

        public static bool TryParse(string text, out Key key)
        {
            key = new Key();
            var match = Pattern().Match(text);
            if (!match.Success || !DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            key = new Key { PaperDate = match.Groups[1].Value, Id = id, SearchRank = match.Groups[3].Success ? match.Groups[3].Value[0] - '0' : 0 };
            return true;
        }

        [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})_(\d{1,18})(?:_([0-2]))?$")]
        private static partial Regex Pattern();
    }
}
