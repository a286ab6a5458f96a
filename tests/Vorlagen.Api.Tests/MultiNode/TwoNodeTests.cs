using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vorlagen.Api.Data;
using Vorlagen.Api.Tests.Support;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Tests.MultiNode;

/// <summary>
/// Several app nodes on one PostgreSQL database, as behind a load balancer: two real processes race
/// start-up, results, Idempotency-Keys and timers, and one publishes a changed definition while the
/// other runs. Each race has exactly one effect in the database.
/// </summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>, IPostgresTests
{
    private async Task<long> KyffhaeuserAsync() =>
        await nodes.ScalarAsync<long>("SELECT id FROM bodies WHERE body_key = 'kyffhaeuserkreis'");

    private static async Task<HttpResponseMessage[]> RaceAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        var gate = new TaskCompletionSource();
        var racing = requests.Select(r => Task.Run(async () => { await gate.Task; return await r(); })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(racing);
    }

    private static async Task<long> CreatePaperAsync(HttpClient clerk, long body, string reference)
    {
        var response = await clerk.PostAsJsonAsync("/api/papers", PaperApi.KyffhaeuserPaper(body, reference));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return PaperApi.Id(await response.ReadJson());
    }

    private static async Task<System.Text.Json.JsonElement> ActAsync(HttpClient client, long id, string action)
    {
        var response = await client.PostAsJsonAsync($"/api/papers/{id}/actions/{action}", new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    [ProviderFact]
    public async Task Two_nodes_starting_at_once_migrate_seed_and_publish_once()
    {
        Assert.Equal(2, nodes.WaitingAtRelease); // both were queued on the advisory lock: a real race
        var scripts = Directory.GetFiles(RepositoryPaths.Combine("db", "postgresql"), "*.sql").Length;

        Assert.Equal([0, scripts], nodes.Startup.Select(s => s.Applied).Order());
        Assert.Equal(scripts, await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(2, await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM bodies"));
        Assert.Equal(1, await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM users WHERE username = 'kyf.clerk'"));
        // Every workflow definition (one file each at the top of workflows/) is published by one node, none twice.
        var definitions = Directory.GetFiles(RepositoryPaths.Combine("workflows"), "*.json").Length;
        Assert.Equal([0, definitions], nodes.Startup.Select(s => s.Published).Order());
    }

    [ProviderFact]
    public async Task The_same_result_recorded_on_both_nodes_has_one_effect()
    {
        var body = await KyffhaeuserAsync();
        var id = await CreatePaperAsync(await nodes.A.ClientFor("kyf.clerk"), body, "MN/1");
        await ActAsync(await nodes.A.ClientFor("kyf.clerk"), id, "submit");
        var paper = await ActAsync(await nodes.B.ClientFor("kyf.landraetin"), id, "release");
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";
        var result = new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } };
        var (chairA, chairB) = (await nodes.A.ClientFor("kyf.chair.soziales"), await nodes.B.ClientFor("kyf.chair.soziales"));

        var responses = await RaceAsync(() => chairA.PostAsJsonAsync(url, result), () => chairB.PostAsJsonAsync(url, result));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await nodes.ScalarAsync<int>(
            "SELECT COUNT(*) FROM consultations WHERE paper_id = @id AND position = 1 AND status = 'done' AND votes_yes = 9", new { id }));
        var history = await (await chairB.GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("kind").GetString() == "result");
        Assert.True((await (await chairA.GetAsync($"/api/papers/{id}/journal/verify")).ReadJson()).GetProperty("valid").GetBoolean());
    }

    [ProviderFact]
    public async Task The_same_Idempotency_Key_on_both_nodes_has_one_effect()
    {
        var body = await KyffhaeuserAsync();
        var (clerkA, clerkB) = (await nodes.A.ClientFor("kyf.clerk"), await nodes.B.ClientFor("kyf.clerk"));
        HttpRequestMessage Create() => new(HttpMethod.Post, "/api/papers")
        {
            Content = JsonContent.Create(PaperApi.KyffhaeuserPaper(body, "MN/2")), Headers = { { "Idempotency-Key", "two-nodes-create" } },
        };

        var responses = await RaceAsync(() => clerkA.SendAsync(Create()), () => clerkB.SendAsync(Create()));

        Assert.Equal(1, await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM papers WHERE reference = 'MN/2'"));
        Assert.All(responses, r => Assert.True((int)r.StatusCode is 201 or 409, $"unexpected {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed"));
        var retry = await clerkB.SendAsync(Create());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(1, await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM papers WHERE reference = 'MN/2'"));
    }


    [ProviderFact]
    public async Task Timers_due_while_both_nodes_run_fire_once_each()
    {
        const int count = 24;
        var factory = new ConnectionFactory(new DatabaseOptions { Provider = DatabaseOptions.PostgreSql, ConnectionString = nodes.ConnectionString });
        var engine = new WorkflowEngine(ActivityRegistry.CreateWithBuiltIns(), TimeProvider.System);
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var session = new DbSession(factory);
        await session.ConnectionAsync(CancellationToken.None);
        var store = new SqlWorkflowStore(session);
        await new WorkflowDefinitionPublisher(engine, store).PublishAsync(
            engine.Loader.Load(DeadlineWorkflow.Json("two-node-deadline"), "deadline.json").EnsureValid().Definitions.Single(), CancellationToken.None);
        var runtime = new WorkflowRuntime(engine, store, services);

        // Each instance waits on a timer that is already due; both nodes' timer loops (every 0.2 s) race for it.
        for (var i = 0; i < count; i++)
            await runtime.CreateAndRunAsync(new CreateAndRunWorkflowRequest("two-node-deadline", $"deadline-{i}", null, WorkflowActor.System),
                CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(2); // a guard, not a timed assertion
        while (await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM workflow_instances WHERE definition_id = 'two-node-deadline' AND status = 'Finished'") < count
               && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        var resumed = await nodes.QueryAsync<long>(
            "SELECT COUNT(l.sequence) FROM workflow_instances i LEFT JOIN workflow_execution_log l ON l.instance_id = i.id AND l.event_name = 'Resumed' " +
            "WHERE i.definition_id = 'two-node-deadline' AND i.status = 'Finished' GROUP BY i.id");
        Assert.Equal(Enumerable.Repeat(1L, count), resumed);
        Assert.Equal(0, await nodes.ScalarAsync<int>("SELECT COUNT(*) FROM workflow_bookmarks WHERE due_at IS NOT NULL"));
        Assert.True((await runtime.VerifyAllJournalsAsync(CancellationToken.None)).Valid);
        Assert.Equal(0, nodes.A.LogLines("Timer resume failed") + nodes.B.LogLines("Timer resume failed"));
    }

    [ProviderFact]
    public async Task A_definition_published_by_one_node_while_the_other_runs_leaves_running_papers_pinned()
    {
        var body = await KyffhaeuserAsync();
        var clerkB = await nodes.B.ClientFor("kyf.clerk");
        var before = await CreatePaperAsync(clerkB, body, "MN/3");
        const string versionOf = "SELECT i.definition_version FROM papers p JOIN workflow_instances i ON i.id = p.workflow_instance_id WHERE p.id = @id";
        Assert.Equal(1, await nodes.ScalarAsync<int>(versionOf, new { id = before }));

        using var changed = new TempFolder();
        CopyFolder(AppNode.AppFolder, changed.Path);
        var file = Path.Combine(changed.Path, "workflows", "beschlussvorlage.json");
        var json = File.ReadAllText(file);
        File.WriteAllText(file, json.Replace("\"name\": \"Beschlussvorlage\",", "\"name\": \"Beschlussvorlage (Fassung 2)\",", StringComparison.Ordinal));
        Assert.NotEqual(json, File.ReadAllText(file));
        await nodes.RestartAAsync(changed.Path);

        Assert.Equal(2, await nodes.ScalarAsync<int>("SELECT version FROM workflow_definitions WHERE definition_id = 'beschlussvorlage' AND is_published = 1"));
        Assert.Equal(1, await nodes.ScalarAsync<int>(versionOf, new { id = before }));
        // The pinned paper goes on, on either node; a new paper on the node that did not publish starts on version 2.
        await ActAsync(await nodes.A.ClientFor("kyf.clerk"), before, "submit");
        var released = await ActAsync(await nodes.B.ClientFor("kyf.landraetin"), before, "release");
        Assert.Equal("in_deliberation", released.GetProperty("status").GetString());
        Assert.Equal(1, await nodes.ScalarAsync<int>(versionOf, new { id = before }));
        var after = await CreatePaperAsync(clerkB, body, "MN/4");
        Assert.Equal(2, await nodes.ScalarAsync<int>(versionOf, new { id = after }));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
