using Vorlagen.Api.Activities;
using Vorlagen.Api.Data;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Timers;

namespace Vorlagen.Api.Infrastructure;

/// <summary>Composes the workflow runtime with the council activities and the host's database session.</summary>
public static class WorkflowSetup
{
    public static IServiceCollection AddVorlagenWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(ActivityRegistry.CreateWithBuiltIns()
            .Register(SetPaperStatus.Descriptor)
            .Register(Deliberate.Descriptor)
            .Register(AppendDecidingConsultation.Descriptor));
        // Our own exceptions thrown inside activities reject the request (4xx) instead of faulting the instance.
        services.AddSingleton(sp => new WorkflowEngine(sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<TimeProvider>(),
            new WorkflowRuntimeOptions
            {
                IsRejection = e => e is AppException or FluentValidation.ValidationException,
                JournalKey = sp.GetRequiredService<Vorlagen.Workflows.Journal.JournalKey>(),
                JournalCheckpoints = sp.GetRequiredService<Vorlagen.Workflows.Journal.JournalCheckpointFile>(),
            }));
        services.AddScoped<IWorkflowDbSession>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<IWorkflowStore, SqlWorkflowStore>();
        services.AddScoped<IWorkflowRuntime>(sp => new WorkflowRuntime(sp.GetRequiredService<WorkflowEngine>(), sp.GetRequiredService<IWorkflowStore>(), sp));
        services.AddScoped<WorkflowDefinitionPublisher>();
        services.AddSingleton<IWorkflowRuntimeScopeFactory, RuntimeScopeFactory>();
        services.AddSingleton(sp => new WorkflowTimerService(sp.GetRequiredService<IWorkflowRuntimeScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            new WorkflowTimerOptions
            {
                PollInterval = sp.GetRequiredService<IConfiguration>().GetValue("Vorlagen:Timers:PollInterval", TimeSpan.FromSeconds(15)),
                OnError = e => sp.GetRequiredService<ILogger<WorkflowTimerService>>().LogError(e, "Timer resume failed"),
            }));
        services.AddHostedService<TimerHost>();
        return services;
    }

    /// <summary>One DI scope (own connection, no ambient transaction) per background runtime use.</summary>
    private sealed class RuntimeScopeFactory(IServiceScopeFactory scopes) : IWorkflowRuntimeScopeFactory
    {
        public async Task<IWorkflowRuntimeScope> CreateScopeAsync(CancellationToken cancellationToken)
        {
            var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(cancellationToken);
            return new RuntimeScope(scope);
        }
    }

    private sealed class RuntimeScope(AsyncServiceScope scope) : IWorkflowRuntimeScope
    {
        public IWorkflowRuntime Runtime => scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    /// <summary>Resumes due Timer bookmarks in the background; safe with several app instances (optimistic versions).</summary>
    private sealed class TimerHost(WorkflowTimerService timers) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => timers.RunAsync(stoppingToken);
    }
}
