using System.Security.Cryptography;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// Content-addressed file storage: each content is stored once, named by its SHA-256, in
/// <c>{Root}/{first two hex digits}/{sha256}</c>. An upload is streamed into <c>{Root}/tmp</c> (same file system),
/// flushed to disk, checked, and then moved into place in one atomic rename — a blob is either whole or absent.
/// The database row is written only after the move, so a crash leaves at most an orphan blob (reused by the next
/// upload of the same content) or an unfinished temp file (deleted at the next start), never a row without a blob.
/// </summary>
public sealed class FileStore(FilesOptions options, ILogger<FileStore> logger)
{
    public sealed record Stored(string Sha256, long Size, FileTypes.FileType Type, string Path, bool New);

    private string TempFolder => Path.Combine(options.Root, "tmp");

    public string PathOf(string sha256) => Path.Combine(options.Root, sha256[..2], sha256);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Streams <paramref name="content"/> into the store; 413 over the size limit, 415 for a type not accepted.</summary>
    public async Task<Stored> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(TempFolder);
        var temp = Path.Combine(TempFolder, $"{Guid.NewGuid():N}.part");
        try
        {
            var (sha256, size) = await CopyAsync(content, temp, cancellationToken);
            if (size == 0) throw new EmptyFileException();
            var type = FileTypes.Detect(temp) ?? throw new UnsupportedFileTypeException();
            var target = PathOf(sha256);
            if (File.Exists(target)) return new Stored(sha256, size, type, target, New: false);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temp, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                return new Stored(sha256, size, type, target, New: false); // the same content arrived concurrently
            }
            return new Stored(sha256, size, type, target, New: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private async Task<(string Sha256, long Size)> CopyAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > options.MaxBytes) throw new FileTooLargeException(options.MaxBytes);
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true); // the bytes are on disk before the rename makes them a blob
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>At start-up: removes unfinished uploads left by a process that died (older than <see cref="FilesOptions.StaleUploadAge"/>).</summary>
    public int RemoveStaleUploads(DateTimeOffset now)
    {
        if (!Directory.Exists(TempFolder)) return 0;
        var removed = 0;
        foreach (var file in new DirectoryInfo(TempFolder).EnumerateFiles("*.part"))
            if (now - file.LastWriteTimeUtc >= options.StaleUploadAge && TryDelete(file.FullName)) removed++;
        if (removed > 0) logger.LogInformation("Removed {Count} unfinished uploads from {Folder}", removed, TempFolder);
        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
