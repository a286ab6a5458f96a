using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>
/// Persons of a body by family name. The public sees only persons with a public membership, and of them name, Fraktion and
/// public memberships; contact data only reaches signed-in users of the body.
/// </summary>
public static class ListPersons
{
    public sealed record Query(long? BodyId, string? Status, int Page, int PageSize) : IRequest<PagedList<PersonDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.ValidPaging(q => q.Page, q => q.PageSize);
            RuleFor(q => q.Status).Must(s => s is null or "active" or "former").WithMessage("Der Status ist „active“ oder „former“.");
        }
    }

    private const string Where =
        " WHERE (@BodyId IS NULL OR p.body_id = @BodyId) AND (@Status IS NULL OR p.status = @Status) " +
        "AND (@SystemAdmin = 1 OR p.body_id = @OfficeBody OR p.user_id = @SelfUser " +
        "OR EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.is_public = 1))";
    public const string CountSql = "SELECT COUNT(*) FROM persons p" + Where;
    public const string PageSql = PeopleSql.SelectPersonSql + Where + " ORDER BY p.family_name, p.given_name, p.id {{Page}}";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, PagedList<PersonDto>>
    {
        public async Task<PagedList<PersonDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(new { query.BodyId, query.Status, query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize) });
            args.AddDynamicParams(PeopleAccess.VisibilityArgs(caller));
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: cancellationToken));
            var persons = (await connection.QueryAsync<PeopleSql.PersonRow>(new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction,
                cancellationToken: cancellationToken))).ToList();
            var memberships = persons.Count == 0 ? Array.Empty<PeopleSql.MembershipRow>().ToLookup(m => m.PersonId)
                : await PeopleSql.MembershipsOfAsync(db, persons.Select(p => p.BodyId).Distinct().Count() == 1 ? persons[0].BodyId : null, cancellationToken);
            var today = BerlinTime.Today(clock);
            return new PagedList<PersonDto>([.. persons.Select(p => PeopleSql.ToDto(p, memberships[p.Id], caller, today))], query.Page, query.PageSize, total);
        }
    }
}
