using System.Diagnostics;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Benchmarks;

/// <summary>
/// One measured run: start <paramref name="instances"/> instances (not timed), then resume each
/// through its ten waits, interleaved across instances (timed). A transition is one committed
/// resume from one wait to the next (the last one to End), through <c>ResumeActionAsync</c>,
/// the path the API uses.
/// </summary>
internal sealed class TransitionBenchmark(IWorkflowStore store, int instances)
{
    private static readonly WorkflowActor Clerk = new("bench", "Benchmark", "Sitzungsdienst");

    public async Task<double> RunAsync(CancellationToken cancellationToken)
    {
        var engine = new WorkflowEngine(ActivityRegistry.CreateWithBuiltIns(), TimeProvider.System);
        var definition = engine.Loader.Load(BenchmarkWorkflow.Json(), "benchmark").EnsureValid().Definitions[0];
        await new WorkflowDefinitionPublisher(engine, store).PublishAsync(definition, cancellationToken);
        var runtime = new WorkflowRuntime(engine, store, EmptyServices.Instance);
        var run = Guid.NewGuid().ToString("N");
        for (var i = 0; i < instances; i++)
        {
            await runtime.CreateAndRunAsync(new CreateAndRunWorkflowRequest(BenchmarkWorkflow.DefinitionId, $"{run}-{i}", null, Clerk), cancellationToken);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var stopwatch = Stopwatch.StartNew();
        for (var step = 0; step < BenchmarkWorkflow.Steps; step++)
        {
            for (var i = 0; i < instances; i++)
            {
                await runtime.ResumeActionAsync(
                    new ResumeActionRequest($"{run}-{i}", BenchmarkWorkflow.Action, new JsonObject(), Clerk), cancellationToken);
            }
        }
        stopwatch.Stop();
        return instances * BenchmarkWorkflow.Steps / stopwatch.Elapsed.TotalSeconds;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
