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
/// </summary>
public static class ListPapers
{
    public sealed record Query(long? BodyId, string? Status, long? OrganizationId, string? Q, int? Year, int Page, int PageSize,
        string? PaperType = null)
        : IRequest<PagedList<PaperSummaryDto>>;

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
            RuleFor(q => SearchText.Words(q.Q).Count).LessThanOrEqualTo(SearchText.MaxWords).OverridePropertyName("q")
                .WithMessage($"Bitte suchen Sie mit höchstens {SearchText.MaxWords} Wörtern.");
        }
    }

    private const string Where =
        " WHERE (@BodyId IS NULL OR p.body_id = @BodyId) AND (@Status IS NULL OR " + PaperSql.ShownStatus + " = @Status) AND (@PaperType IS NULL OR p.paper_type = @PaperType) " +
        "AND (@OrganizationId IS NULL OR EXISTS (SELECT 1 FROM consultations fc WHERE fc.paper_id = p.id AND fc.organization_id = @OrganizationId)) " +
        "AND (@Year IS NULL OR p.paper_date LIKE @YearPrefix) " +
        "AND (@W0 IS NULL OR p.search_text LIKE @W0 ESCAPE '!') AND (@W1 IS NULL OR p.search_text LIKE @W1 ESCAPE '!') " +
        "AND (@W2 IS NULL OR p.search_text LIKE @W2 ESCAPE '!') AND (@W3 IS NULL OR p.search_text LIKE @W3 ESCAPE '!') " +
        "AND (@W4 IS NULL OR p.search_text LIKE @W4 ESCAPE '!') AND (@W5 IS NULL OR p.search_text LIKE @W5 ESCAPE '!') " +
        "AND (@W6 IS NULL OR p.search_text LIKE @W6 ESCAPE '!') AND (@W7 IS NULL OR p.search_text LIKE @W7 ESCAPE '!') AND " +
        PaperSql.VisibleFilter;

    public const string CountSql = "SELECT COUNT(*) FROM papers p" + Where;
    public const string PageSql =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.reference AS Reference, p.paper_type AS PaperType, p.title AS Title, p.paper_date AS PaperDate, " +
        "p.originator AS Originator, p.is_public AS IsPublic, " + PaperSql.ShownStatus + " AS Status, p.version AS Version FROM papers p" + Where +
        " ORDER BY p.paper_date DESC, p.id DESC {{Page}}";

    public sealed class Handler(DbSession db, Caller caller, PaperWorkflow workflow, Infrastructure.PaperTypes.PaperTypeCatalog types)
        : IRequestHandler<Query, PagedList<PaperSummaryDto>>
    {
        public async Task<PagedList<PaperSummaryDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(PaperAccess.FilterArgs(caller));
            var words = SearchText.Words(query.Q);
            args.AddDynamicParams(new
            {
                query.BodyId, query.Status, PaperType = query.PaperType is null ? null : types.Find(query.PaperType)?.Code ?? query.PaperType,
                query.OrganizationId, query.Year, YearPrefix = $"{query.Year}-%",
                query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize),
            });
            for (var i = 0; i < SearchText.MaxWords; i++)
                args.Add($"W{i}", i < words.Count ? "%" + Escape(words[i]) + "%" : null, System.Data.DbType.String);
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(db.Dialect.Render(CountSql), args, db.Transaction, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<PaperRow>(new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction, cancellationToken: cancellationToken));
            var items = rows.Select(p => new PaperSummaryDto(p.Id, p.BodyId, p.Reference, p.PaperType, p.Title, PaperReader.Date(p.PaperDate)!.Value,
                p.Originator, p.IsPublic, p.Status, workflow.StatusLabel(p.PaperType, p.Status), p.Status == PaperStatuses.Decided ? null : p.Version,
                types.Find(p.PaperType)?.Label ?? p.PaperType)).ToList();
            return new PagedList<PaperSummaryDto>(items, query.Page, query.PageSize, total);
        }

        // What users type is literal text, not a LIKE pattern ('[' is a wildcard in SQL Server).
        private static string Escape(string text) =>
            text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_").Replace("[", "![");
    }
}
