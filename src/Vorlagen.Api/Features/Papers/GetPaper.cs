using MediatR;

namespace Vorlagen.Api.Features.Papers;

public static class GetPaper
{
    public sealed record Query(long Id) : IRequest<PaperDto>;

    public sealed class Handler(PaperReader reader) : IRequestHandler<Query, PaperDto>
    {
        public Task<PaperDto> Handle(Query query, CancellationToken cancellationToken) => reader.ReadAsync(query.Id, cancellationToken);
    }
}
