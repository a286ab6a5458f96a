using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.DefinitionVersioning;

public sealed class DefinitionVersioningTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Publishing_unchanged_content_creates_no_new_version_even_when_reformatted()
    {
        var first = await host.PublishScenarioAsync("DefinitionVersioning");
        var again = await host.PublishScenarioAsync("DefinitionVersioning");
        var reformatted = await host.PublishScenarioAsync("DefinitionVersioning", "workflow-reformatted.json");

        Assert.True(first.Created);
        Assert.Equal(1, first.Version.Version);
        Assert.False(again.Created);
        Assert.False(reformatted.Created);
        Assert.Equal(first.Version.Id, reformatted.Version.Id);
        Assert.Single(await ListVersionsAsync());
    }

    [Fact]
    public async Task A_changed_file_becomes_the_new_latest_version_and_a_running_instance_stays_pinned()
    {
        var v1 = await host.PublishScenarioAsync("DefinitionVersioning");
        var old = await host.StartAsync("versioned", "paper-old");

        var v2 = await host.PublishScenarioAsync("DefinitionVersioning", "workflow-v2.json");

        Assert.True(v2.Created);
        Assert.Equal(2, v2.Version.Version);
        Assert.NotEqual(v1.Version.ContentHash, v2.Version.ContentHash);
        var versions = await ListVersionsAsync();
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));

        var resumedOld = await Approve("paper-old");
        Assert.Equal(v1.Version.Id, resumedOld.Instance.DefinitionVersionId);
        Assert.Equal("v1", resumedOld.Instance.Variables["path"]!.GetValue<string>());

        var fresh = await host.StartAsync("versioned", "paper-new");
        Assert.Equal((v2.Version.Id, 2), (fresh.Instance.DefinitionVersionId, fresh.Instance.DefinitionVersion));
        Assert.Equal("v2", (await Approve("paper-new")).Instance.Variables["path"]!.GetValue<string>());
        Assert.Equal(v1.Version.Id, old.Instance.DefinitionVersionId);
    }

    private Task<WorkflowRunResult> Approve(string correlationId) =>
        host.Runtime.ResumeActionAsync(new ResumeActionRequest(correlationId, "approve", new JsonObject(), WorkflowTestHost.Clerk), CancellationToken.None);

    private async Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync()
    {
        await using var unit = await new SqlWorkflowStore(new WorkflowDbSession(host.Connection)).BeginAsync(CancellationToken.None);
        return await unit.ListDefinitionVersionsAsync("versioned", CancellationToken.None);
    }
}
