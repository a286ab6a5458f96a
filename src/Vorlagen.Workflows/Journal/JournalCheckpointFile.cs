using System.Text;
using System.Text.Json;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Journal;

/// <summary>
/// Checkpoints of journal heads in an append-only file outside the database, one JSON line each:
/// <c>{"at","heads":[{"hash","instanceId","sequence"}],"line","previousMac","mac"}</c>, where <c>heads</c>
/// lists the heads that changed since the line before, <c>previousMac</c> chains the lines and <c>mac</c>
/// is the keyed MAC of the canonical line without it. The file is only ever appended to (it works on a
/// file marked append-only with <c>chattr +a</c>); writers of several processes on one host are serialized
/// by a lock file beside it. Reading replays all lines into the latest head per instance.
/// </summary>
public sealed class JournalCheckpointFile(string path, JournalKey key)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (long Length, DateTime Written, JournalCheckpointLog Log)? cache;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Whether a checkpoint was ever written (the file exists), without reading it.</summary>
    public bool Exists => File.Exists(Path);

    public async Task<JournalCheckpointLog> ReadAsync(CancellationToken cancellationToken)
    {
        var info = new FileInfo(Path);
        if (!info.Exists) return JournalCheckpointLog.Missing;
        if (cache is { } cached && cached.Length == info.Length && cached.Written == info.LastWriteTimeUtc) return cached.Log;
        var log = await ParseAsync(cancellationToken);
        cache = (info.Length, info.LastWriteTimeUtc, log);
        return log;
    }

    /// <summary>
    /// Appends one line with the heads <paramref name="choose"/> picks from the current log (under the
    /// lock, so no other writer slips in between); a null choice writes nothing. Returns the log after it.
    /// </summary>
    public async Task<(JournalCheckpointLog Log, bool Written)> AppendAsync(
        Func<JournalCheckpointLog, Task<IReadOnlyList<JournalHead>?>> choose, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var fileLock = await LockAsync(cancellationToken);
            cache = null;
            var log = await ReadAsync(cancellationToken);
            var heads = await choose(log);
            if (heads is null) return (log, false);
            var number = log.LastLine + 1;
            var ordered = heads.OrderBy(h => h.InstanceId, StringComparer.Ordinal).ToList();
            var body = Canonical(at, ordered, number, log.LastMac);
            var mac = key.Mac(body);
            var line = body[..^1] + ",\"mac\":\"" + mac + "\"}\n";
            await using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                var bytes = Encoding.UTF8.GetBytes(line);
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            cache = null;
            return (await ReadAsync(cancellationToken), true);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken); // another process is writing its line
            }
        }
    }

    private static string Canonical(DateTimeOffset at, IReadOnlyList<JournalHead> heads, long line, string? previousMac) =>
        CanonicalJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("at", InstantText.ToText(at));
            writer.WriteStartArray("heads");
            foreach (var head in heads)
            {
                writer.WriteStartObject();
                writer.WriteString("hash", head.Hash);
                writer.WriteString("instanceId", head.InstanceId);
                writer.WriteNumber("sequence", head.Sequence);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteNumber("line", line);
            writer.WriteString("previousMac", previousMac);
            writer.WriteEndObject();
        });

    private async Task<JournalCheckpointLog> ParseAsync(CancellationToken cancellationToken)
    {
        var heads = new Dictionary<string, JournalCheckpointedHead>(StringComparer.Ordinal);
        var problems = new List<string>();
        long lastLine = 0;
        string? lastMac = null;
        DateTimeOffset? lastAt = null;
        var index = 0;
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            index++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (!TryParse(text, out var at, out var lineHeads, out var number, out var previousMac, out var mac))
            {
                problems.Add($"Checkpoint line {index} is unreadable.");
                continue;
            }
            if (!JournalKey.Same(key.Mac(Canonical(at, lineHeads, number, previousMac)), mac))
            {
                problems.Add($"Checkpoint line {index} has an invalid MAC: it was edited or written without the key; its heads are ignored.");
                continue;
            }
            if (number != lastLine + 1 || previousMac != lastMac)
                problems.Add($"Checkpoint line {index} (number {number}) does not follow line number {lastLine}: lines were removed, reordered or copied.");
            foreach (var head in lineHeads)
                heads[head.InstanceId] = new JournalCheckpointedHead(head.InstanceId, head.Sequence, head.Hash!, at, number);
            (lastLine, lastMac, lastAt) = (number, mac, at);
        }
        return new JournalCheckpointLog(true, heads, lastLine, lastMac, lastAt, problems);
    }

    private static bool TryParse(string text, out DateTimeOffset at, out List<JournalHead> heads, out long line, out string? previousMac, out string? mac)
    {
        (at, heads, line, previousMac, mac) = (default, [], 0, null, null);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            at = InstantText.Parse(root.GetProperty("at").GetString()!);
            line = root.GetProperty("line").GetInt64();
            previousMac = root.GetProperty("previousMac").GetString();
            mac = root.GetProperty("mac").GetString();
            foreach (var head in root.GetProperty("heads").EnumerateArray())
                heads.Add(new JournalHead(head.GetProperty("instanceId").GetString()!, null, head.GetProperty("sequence").GetInt64(),
                    head.GetProperty("hash").GetString()!, null));
            return mac is not null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            return false;
        }
    }
}
