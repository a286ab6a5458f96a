using System.Collections.Concurrent;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Definitions;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// The process-wide part of the runtime (register as a singleton): activity registry, clock,
/// options, loader, and compiled definition versions cached by version id (versions never change).
/// </summary>
public sealed class WorkflowEngine(ActivityRegistry registry, TimeProvider timeProvider, WorkflowRuntimeOptions? options = null)
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition> compiled = new(StringComparer.Ordinal);

    public ActivityRegistry Registry { get; } = registry;
    public TimeProvider TimeProvider { get; } = timeProvider;
    public WorkflowRuntimeOptions Options { get; } = options ?? new WorkflowRuntimeOptions();
    public WorkflowDefinitionLoader Loader { get; } = new(registry);

    /// <summary>A version compiled before, so a resume can skip reading its content.</summary>
    public WorkflowDefinition? FindCompiled(string versionId) => compiled.GetValueOrDefault(versionId);

    /// <summary>The validated definition of a stored version; invalid content (e.g. a type no longer registered) throws.</summary>
    public WorkflowDefinition Compile(WorkflowDefinitionVersion version) =>
        compiled.GetOrAdd(version.Id, _ => Loader
            .Load(version.Content, $"{version.DefinitionId} v{version.Version} (stored)")
            .EnsureValid()
            .Definitions.Single());
}
