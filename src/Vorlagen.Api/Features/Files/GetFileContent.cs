using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Files;

/// <summary>Which stored content to serve for a file (its current or a named version), after the visibility check.</summary>
public static class GetFileContent
{
    public sealed record Query(long Id, int? Version) : IRequest<Content>;

    public sealed record Content(string Sha256, string MimeType, string FileName, long Size, DateTimeOffset LastModified);

    public sealed class Handler(FileReader files) : IRequestHandler<Query, Content>
    {
        public async Task<Content> Handle(Query query, CancellationToken cancellationToken)
        {
            var visible = await files.LoadVisibleAsync(query.Id, cancellationToken);
            var versions = await files.VersionsAsync(query.Id, cancellationToken);
            var version = versions.FirstOrDefault(v => v.Version == (query.Version ?? visible.File.Version))
                ?? throw new NotFoundException("Version", $"{query.Version} der Datei {query.Id}");
            return new Content(version.Sha256, version.MimeType, version.FileName, version.Size, Instants.Parse(version.CreatedAt));
        }
    }
}
