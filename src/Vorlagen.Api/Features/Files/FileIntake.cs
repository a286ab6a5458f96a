using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// Takes an uploaded stream into the file store and extracts its text, before any transaction is opened (a slow upload
/// must not hold the database's write lock). The API streams the multipart body here; the web form hands over its file.
/// </summary>
public sealed class FileIntake(FileStore store, TextExtraction extraction, ConnectionFactory connections)
{
    public async Task<IncomingFile> TakeAsync(Stream content, string? clientFileName, CancellationToken cancellationToken)
    {
        var stored = await store.SaveAsync(content, cancellationToken);
        TextExtraction.Result? text = null;
        if (stored.New || !await KnownAsync(stored.Sha256, cancellationToken))
            text = extraction.Extract(stored.Path, stored.Type);
        return new IncomingFile(stored.Sha256, stored.Size, stored.Type.MimeType, FileNames.Sanitize(clientFileName, stored.Type), text);
    }

    private async Task<bool> KnownAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(FileSql.ContentKnownSql, new { Sha256 = sha256 },
            cancellationToken: cancellationToken)) > 0;
    }
}
