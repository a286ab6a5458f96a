using MediatR;

namespace Vorlagen.Api.Features.Files;

/// <summary>The Anlagen of a paper the caller may see, in their order; non-public ones only for those who may see them.</summary>
public static class ListPaperFiles
{
    public sealed record Query(long PaperId) : IRequest<IReadOnlyList<FileDto>>;

    public sealed class Handler(FileReader files) : IRequestHandler<Query, IReadOnlyList<FileDto>>
    {
        public Task<IReadOnlyList<FileDto>> Handle(Query query, CancellationToken cancellationToken) => files.ListOfPaperAsync(query.PaperId, cancellationToken);
    }
}
