using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Definitions;

/// <summary>
/// Stores definition files as versions. Unchanged canonical content (same SHA-256 as the latest
/// version) creates nothing; changed content becomes version max+1, which takes over
/// <c>isLatest</c>/<c>isPublished</c>. Running instances stay on the version they started with.
/// Two hosts publishing the same change at once: the unique (definition_id, version) makes one fail.
/// </summary>
public sealed class WorkflowDefinitionPublisher(WorkflowEngine engine, IWorkflowStore store)
{
    public async Task<PublishResult> PublishAsync(WorkflowDefinition definition, CancellationToken cancellationToken) =>
        (await PublishAllAsync([definition], cancellationToken))[0];

    /// <summary>Publishes all definitions in one transaction.</summary>
    public async Task<IReadOnlyList<PublishResult>> PublishAllAsync(
        IReadOnlyList<WorkflowDefinition> definitions, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        await unit.EnsureTransactionAsync(cancellationToken);
        var results = new List<PublishResult>();
        foreach (var definition in definitions)
        {
            results.Add(await PublishOneAsync(unit, definition, cancellationToken));
        }
        await unit.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Loads the top-level <c>*.json</c> of a folder; any error throws <see cref="WorkflowDefinitionInvalidException"/> listing all.</summary>
    public Task<IReadOnlyList<PublishResult>> PublishFolderAsync(string folder, CancellationToken cancellationToken) =>
        PublishAllAsync(engine.Loader.LoadFolder(folder).EnsureValid().Definitions, cancellationToken);

    private async Task<PublishResult> PublishOneAsync(
        IWorkflowUnitOfWork unit, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var latest = await unit.FindLatestDefinitionAsync(definition.DefinitionId, cancellationToken);
        if (latest is not null && latest.ContentHash == definition.ContentHash)
        {
            return new PublishResult(latest, Created: false);
        }
        var now = engine.TimeProvider.GetUtcNow();
        var number = await unit.GetMaxDefinitionVersionAsync(definition.DefinitionId, cancellationToken) + 1;
        var version = new WorkflowDefinitionVersion(
            Ids.New(now), definition.DefinitionId, number, definition.Name, IsLatest: true, IsPublished: true,
            definition.ContentHash, definition.Content, definition.SourceName, now);
        await unit.AddDefinitionVersionAsync(version, cancellationToken);
        return new PublishResult(version, Created: true);
    }
}
