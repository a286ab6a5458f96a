using MediatR;

namespace Vorlagen.Api.Features.Files;

/// <summary>A file's metadata with its version history; 404 when the caller may not see it.</summary>
public static class GetFile
{
    public sealed record Query(long Id) : IRequest<FileDto>;

    public sealed class Handler(FileReader files) : IRequestHandler<Query, FileDto>
    {
        public Task<FileDto> Handle(Query query, CancellationToken cancellationToken) => files.ReadAsync(query.Id, cancellationToken);
    }
}
