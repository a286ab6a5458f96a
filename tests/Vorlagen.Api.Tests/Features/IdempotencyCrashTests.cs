using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Exactly-once across a crash: the real app runs as a child process that kills itself (SIGKILL) at a test-only crash
/// point, then restarts on the same SQLite file and receives the same request with the same Idempotency-Key.
/// </summary>
public sealed class IdempotencyCrashTests : IDisposable
{
    private const string Reference = "2021/7/900";
    private readonly TempFolder _folder = new();

    private string DatabaseFile => _folder.File("vorlagen.db");

    [Fact]
    public async Task A_create_killed_between_commit_and_response_is_replayed_on_retry_and_creates_one_paper()
    {
        await using (var app = await AppProcess.StartAsync(DatabaseFile, Crash(TestCrashPoints.AfterCommit)))
        {
            var clerk = await app.ClientFor("kyf.clerk");
            await Assert.ThrowsAsync<HttpRequestException>(() => clerk.SendAsync(Create()));
            Assert.NotEqual(0, await app.WaitForExitAsync());
            Assert.Contains(TestCrashPoints.AfterCommit, app.Output);
        }
        var id = Scalar<long>("SELECT id FROM papers WHERE reference = @Reference", new { Reference });
        Assert.Equal(201, Scalar<int>("SELECT status_code FROM idempotent_requests WHERE idempotency_key = 'crash-create'"));

        await using (var app = await AppProcess.StartAsync(DatabaseFile))
        {
            var retry = await (await app.ClientFor("kyf.clerk")).SendAsync(Create());

            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal($"/api/papers/{id}", retry.Headers.Location?.OriginalString);
            Assert.Equal(id, (await retry.ReadJson()).GetProperty("id").GetInt64());
        }
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = @Title", new { Title }));
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM idempotent_requests"));
    }

    [Fact]
    public async Task A_create_killed_before_its_commit_leaves_nothing_and_runs_once_on_retry()
    {
        await using (var app = await AppProcess.StartAsync(DatabaseFile, Crash(TestCrashPoints.BeforeCommit)))
        {
            var clerk = await app.ClientFor("kyf.clerk");
            await Assert.ThrowsAsync<HttpRequestException>(() => clerk.SendAsync(Create()));
            Assert.NotEqual(0, await app.WaitForExitAsync());
            Assert.Contains(TestCrashPoints.BeforeCommit, app.Output);
        }
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = @Title", new { Title }));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM idempotent_requests"));

        // The variable is still set, but outside the crash-test environment it must not arm anything.
        await using (var app = await AppProcess.StartAsync(DatabaseFile, new Dictionary<string, string?> { [TestCrashPoints.Variable] = TestCrashPoints.BeforeCommit }))
        {
            var clerk = await app.ClientFor("kyf.clerk");
            var retry = await clerk.SendAsync(Create());
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
            var again = await clerk.SendAsync(Create());
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.False(app.HasExited);
        }
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = @Title", new { Title }));
        Assert.Equal(201, Scalar<int>("SELECT status_code FROM idempotent_requests WHERE idempotency_key = 'crash-create'"));
    }

    private const string Title = "Absturz zwischen Speichern und Antwort";

    private static Dictionary<string, string?> Crash(string point) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = TestCrashPoints.EnvironmentName, [TestCrashPoints.Variable] = point,
    };

    private HttpRequestMessage Create()
    {
        var bodyId = Scalar<long>("SELECT id FROM bodies WHERE body_key = 'kyffhaeuserkreis'");
        var paper = new { bodyId, reference = Reference, title = Title, date = "2021-02-15", originator = "Die Landrätin", proposal = "P", reasoning = "R" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/papers") { Content = JsonContent.Create(paper) };
        request.Headers.Add(IdempotencyFilter.HeaderName, "crash-create");
        return request;
    }

    private T Scalar<T>(string sql, object? args = null)
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    public void Dispose() => _folder.Dispose();
}
