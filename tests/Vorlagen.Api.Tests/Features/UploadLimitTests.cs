using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Oversized bodies against the real Kestrel (a child process; the test server has no sockets): every client gets the 413
/// ProblemDetails, never a connection reset, however many upload at once, and the connection stays usable.
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private AppProcess _app = default!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(_folder.File("vorlagen.db"));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Concurrent_uploads_of_1_1_MB_all_get_413_problem_details_and_keep_their_connection()
    {
        var connections = new int[8];
        var clients = Enumerable.Range(0, 8).Select(i => new HttpClient(CountingHandler(() => Interlocked.Increment(ref connections[i])))
        {
            BaseAddress = _app.BaseAddress,
        }).ToList();
        try
        {
            for (var round = 0; round < 3; round++)
            {
                var responses = await Task.WhenAll(clients.Select(c => c.PostAsync("/api/papers", Oversized())));
                foreach (var response in responses) await response.AssertProblem(413, "too_large");
            }
            // Each client's connection survived its 413s (the body was read, not cut off): it opened one and only one.
            foreach (var client in clients) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bodies")).StatusCode);
            Assert.All(connections, count => Assert.Equal(1, count));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
        var papers = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.File("vorlagen.db")}");
        using (papers) Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(papers, "SELECT COUNT(*) FROM papers"));
    }

    [Fact]
    public async Task Chunked_bodies_past_the_limit_get_413_problem_details_and_keep_their_connection()
    {
        // Signed in: the body is then read by the endpoint (an anonymous write is refused before its body is read).
        using var clerk = await _app.ClientFor("kyf.clerk");
        var connections = new int[4];
        var clients = Enumerable.Range(0, 4).Select(i => new HttpClient(CountingHandler(() => Interlocked.Increment(ref connections[i])))
        {
            BaseAddress = _app.BaseAddress,
        }).ToList();
        try
        {
            for (var round = 0; round < 2; round++)
            {
                var responses = await Task.WhenAll(clients.Select(c =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/papers") { Content = Oversized() };
                    request.Headers.Authorization = clerk.DefaultRequestHeaders.Authorization;
                    request.Headers.TransferEncodingChunked = true; // no Content-Length: the limit is found while reading
                    return c.SendAsync(request);
                }));
                foreach (var response in responses) await response.AssertProblem(413, "too_large");
            }
            foreach (var client in clients) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bodies")).StatusCode);
            Assert.All(connections, count => Assert.Equal(1, count));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
        var papers = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.File("vorlagen.db")}");
        using (papers) Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(papers, "SELECT COUNT(*) FROM papers"));
    }

    private static SocketsHttpHandler CountingHandler(Action connected) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            connected();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };

    private static ByteArrayContent Oversized()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"bodyId\":1,\"title\":\"" + new string('x', 1_100_000) + "\"}"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
