using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

public static class GetPerson
{
    public sealed record Query(long Id) : IRequest<PersonDto>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, PersonDto>
    {
        public Task<PersonDto> Handle(Query query, CancellationToken cancellationToken) =>
            PeopleSql.ReadPersonAsync(db, query.Id, caller, BerlinTime.Today(clock), cancellationToken);
    }
}
