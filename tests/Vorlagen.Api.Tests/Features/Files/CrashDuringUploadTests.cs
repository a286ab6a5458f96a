using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Files;

/// <summary>
/// The app process is killed (SIGKILL) while an upload streams in: afterwards there is no row, no blob and, after the
/// next start, no unfinished temp file either; the retried upload succeeds.
/// </summary>
public sealed class CrashDuringUploadTests
{
    [Fact]
    public async Task A_kill_in_the_middle_of_an_upload_loses_nothing_and_leaves_no_partial_file()
    {
        using var folder = new TempFolder();
        var root = Path.Combine(folder.Path, "files");
        var tmp = Path.Combine(root, "tmp");
        var settings = new Dictionary<string, string> { ["Vorlagen__Files__StaleUploadAge"] = "00:00:00" };
        var content = BigPdf();
        long paperId;
        string token;

        await using (var app = await ChildApp.StartAsync(folder.Path, settings))
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            token = await TokenAsync(client, "kyf.clerk");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var bodyId = await ScalarAsync<long>(folder, "SELECT id FROM bodies WHERE body_key = 'kyffhaeuserkreis'");
            var created = await client.PostAsJsonAsync("/api/papers", PaperApi.KyffhaeuserPaper(bodyId, "2021/7/901"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            paperId = (await created.ReadJson()).GetProperty("id").GetInt64();

            // Half of the body over a raw socket, then wait until the server is writing it, then kill -9.
            var (head, tail) = Multipart("crash-boundary", "Gutachten");
            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, app.Port);
            var stream = socket.GetStream();
            var request = $"POST /api/papers/{paperId}/files HTTP/1.1\r\nHost: 127.0.0.1:{app.Port}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: multipart/form-data; boundary=crash-boundary\r\nContent-Length: {head.Length + content.Length + tail.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            await stream.WriteAsync(head);
            await stream.WriteAsync(content.AsMemory(0, content.Length / 2));
            await stream.FlushAsync();
            await WaitForAsync(() => Directory.Exists(tmp) && Directory.GetFiles(tmp).Any(f => new FileInfo(f).Length > 0), app);

            await app.KillAsync();
        }

        Assert.Equal(0, await ScalarAsync<int>(folder, "SELECT COUNT(*) FROM files"));
        Assert.Equal(0, await ScalarAsync<int>(folder, "SELECT COUNT(*) FROM file_versions"));
        Assert.Equal(0, await ScalarAsync<int>(folder, "SELECT COUNT(*) FROM file_contents"));
        Assert.Empty(Blobs(root));
        var partial = Assert.Single(Directory.GetFiles(tmp));
        Assert.True(new FileInfo(partial).Length < content.Length, "the unfinished upload is only a temp file");

        await using (var app = await ChildApp.StartAsync(folder.Path, settings))
        {
            Assert.Empty(Directory.GetFiles(tmp)); // removed at start-up
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "kyf.clerk"));
            var retried = await TestFiles.UploadAsync(client, paperId, content, "gutachten.pdf", "Gutachten");
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            Assert.Equal(sha, retried.GetProperty("sha256").GetString());
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(root, sha[..2], sha)));
            Assert.Equal(1, await ScalarAsync<int>(folder, "SELECT COUNT(*) FROM files"));
            Assert.Equal(content, await client.GetByteArrayAsync($"/dateien/{retried.GetProperty("id").GetInt64()}/download"));
        }
    }

    /// <summary>A real PDF padded to 4 MB (PDF readers ignore what follows %%EOF), large enough to be mid-stream when killed.</summary>
    private static byte[] BigPdf()
    {
        var pdf = TestFiles.Pdf("Gutachten zur Unterbringung", "Ergebnis der Prüfung.");
        var padding = new byte[4 * 1024 * 1024];
        new Random(42).NextBytes(padding);
        return [.. pdf, .. "\n%"u8.ToArray(), .. padding];
    }

    private static (byte[] Head, byte[] Tail) Multipart(string boundary, string title) => (
        Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{title}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gutachten.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
        Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"));

    private static async Task<string> TokenAsync(HttpClient client, string username)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJson()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<T> ScalarAsync<T>(TempFolder folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={folder.File("vorlagen.db")};Pooling=false");
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static string[] Blobs(string root) => Directory.Exists(root)
        ? [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(root, f).StartsWith("tmp", StringComparison.Ordinal))]
        : [];

    /// <summary>Waits for a state the server reaches (bounded), failing with the app's output.</summary>
    private static async Task WaitForAsync(Func<bool> condition, ChildApp app)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (condition()) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"Der Upload kam beim Server nicht an:\n{app.Output}");
    }
}
