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
/// the SQL, so counts and pages never include what the caller may not see. <c>q</c> searches number,
/// title, Einreicher and texts: every word must occur (any order, any field), folded the German way (<see cref="SearchText"/>).
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
        public Validator()
        {
            this.ValidPaging(q => q.Page, q => q.PageSize);
            RuleFor(q => q.Status).Must(s => s is null || PaperStatuses.Labels.ContainsKey(s))
                .WithMessage($"Unbekannter Status. Erlaubt: {string.Join(", ", PaperStatuses.Labels.Select(s => $"{s.Key} ({s.Value})"))}.");
            RuleFor(q => q.PaperType).MaximumLength(60).WithMessage("Die Vorlagenart darf höchstens 60 Zeichen lang sein.")
                .SingleLineText("Die Vorlagenart");
            RuleFor(q => q.Q).MaximumLength(200).WithMessage("Der Suchbegriff darf höchstens 200 Zeichen lang sein.")
                .SingleLineText("Der Suchbegriff");
            RuleFor(q => SearchText.Words(q.Q).Count).LessThanOrEqualTo(SearchText.MaxWords).OverridePropertyName("q")
                .WithMessage($"Bitte suchen Sie mit höchstens {SearchText.MaxWords} Wörtern.");
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
    /// <summary>One folded search word (<see cref="SearchText"/>); the handler appends it once per word as @W0, @W1, ….</summary>
    public static string SearchWordFilter(int i) => $" AND p.search_text LIKE @W{i} ESCAPE '!'";
    /// <summary>From the key (date, id) on, newest first: sargable on the list indexes in every database (no row values).</summary>
    public const string FromKeyFilter = " AND p.paper_date <= @KeyDate AND (p.paper_date < @KeyDate OR p.id <= @KeyId)";
    public const string Order = " ORDER BY p.paper_date DESC, p.id DESC {{Page}}";

    public const string AllFiltersSql = Columns + PaperSql.VisibleFilter + BodyFilter + StatusFilter + NotHiddenFilter + PaperTypeFilter +
        OrganizationFilter + YearFilter + " AND p.search_text LIKE @W0 ESCAPE '!'" + FromKeyFilter + Order;
    public const string StartKeyAllFiltersSql = "SELECT p.paper_date AS PaperDate, p.id AS Id FROM papers p WHERE " + PaperSql.VisibleFilter +
        DecidedFilter + Order;
    public const string CountAllFiltersSql = "SELECT COUNT(*) FROM (SELECT p.id FROM papers p WHERE " + PaperSql.VisibleFilter + BodyFilter +
        StatusFilter + Order + ") c";

    /// <summary>The WHERE clause (visibility first) of the filters the query uses.</summary>
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
        var words = SearchText.Words(query.Q);
        for (var i = 0; i < words.Count; i++) where.Append(SearchWordFilter(i));
        return where.ToString();
    }

    private sealed record Key(string PaperDate, long Id);

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, PagedList<PaperSummaryDto>>
    {
        public async Task<PagedList<PaperSummaryDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(PaperAccess.FilterArgs(caller));
            var words = SearchText.Words(query.Q);
            args.AddDynamicParams(new
            {
                query.BodyId, query.Status, query.PaperType, query.OrganizationId,
                YearStart = query.Year is { } y ? $"{y:D4}-01-01" : null, YearEnd = query.Year is { } e ? $"{e + 1:D4}-01-01" : null,
            });
            for (var i = 0; i < words.Count; i++) args.Add($"W{i}", "%" + Escape(words[i]) + "%", System.Data.DbType.String);
            var where = Where(query);
            Task<T> Run<T>(Func<CommandDefinition, Task<T>> run, string sql, int pageSize, int offset)
            {
                args.Add("PageSize", pageSize);
                args.Add("Offset", offset);
                return run(new CommandDefinition(db.Dialect.Render(sql), args, db.Transaction, cancellationToken: cancellationToken));
            }

            // Where the page starts: the cursor, or for page n the key of the row (n-1)·pageSize, skipped to in the index alone.
            var offset = query.After is null ? PagingRules.Offset(query.Page, query.PageSize) : 0;
            Key? start = query.After is not null && Cursor.TryParse(query.After, out var after) ? after
                : offset == 0 ? null
                : await Run(c => connection.QueryFirstOrDefaultAsync<Key>(c), "SELECT p.paper_date AS PaperDate, p.id AS Id FROM papers p WHERE " + where + Order, 1, offset);
            var pageWhere = start is null ? where : where + FromKeyFilter;
            if (start is not null)
            {
                args.Add("KeyDate", start.PaperDate);
                args.Add("KeyId", start.Id);
            }
            var rows = offset > 0 && start is null
                ? []
                : (await Run(c => connection.QueryAsync<PaperRow>(c), Columns + pageWhere + Order, query.PageSize + 1, 0)).ToList();
            var next = rows.Count > query.PageSize ? Cursor.Format(rows[^1].PaperDate, rows[^1].Id) : null;
            if (next is not null) rows.RemoveAt(rows.Count - 1);

            // On the last page reached by number the total is known; otherwise count, at most CountLimit + 1 rows of the index.
            int total;
            var estimate = false;
            if (query.After is null && next is null && (rows.Count > 0 || offset == 0)) total = offset + rows.Count;
            else
            {
                var counted = await Run(c => connection.ExecuteScalarAsync<int>(c),
                    "SELECT COUNT(*) FROM (SELECT p.id FROM papers p WHERE " + where + Order + ") c", CountLimit + 1, 0);
                estimate = counted > CountLimit;
                total = estimate ? Math.Max(CountLimit, offset + rows.Count + (next is null ? 0 : 1)) : counted;
            }
            var items = rows.Select(p => new PaperSummaryDto(p.Id, p.BodyId, p.Reference, p.PaperType, p.Title, PaperReader.Date(p.PaperDate)!.Value,
                p.Originator, p.IsPublic, p.Status, PaperStatuses.Label(p.Status), p.Status == PaperStatuses.Decided ? null : p.Version)).ToList();
            return new PagedList<PaperSummaryDto>(items, query.Page, query.PageSize, total, estimate, next);
        }

        // What users type is literal text, not a LIKE pattern ('[' is a wildcard in SQL Server).
        private static string Escape(string text) =>
            text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_").Replace("[", "![");
    }

    /// <summary>The key of a page's first row, <c>yyyy-MM-dd_id</c> (opaque to clients: they pass on <c>next</c>).</summary>
    private static partial class Cursor
    {
        public static string Format(string paperDate, long id) => $"{paperDate[..10]}_{id.ToString(CultureInfo.InvariantCulture)}";

        public static bool TryParse(string text, out Key key)
        {
            key = new Key("", 0);
            var match = Pattern().Match(text);
            if (!match.Success || !DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            key = new Key(match.Groups[1].Value, id);
            return true;
        }

        [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})_(\d{1,18})$")]
        private static partial Regex Pattern();
    }
}
