using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Files;

public static class FilesSetup
{
    public static IServiceCollection AddVorlagenFiles(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var options = FilesOptions.From(configuration, database);
        services.AddSingleton(options);
        services.AddSingleton<FileStore>();
        services.AddSingleton<TextExtraction>();
        services.AddScoped<FileIntake>();
        services.AddScoped<FileReader>();
        services.AddHostedService<StaleUploadCleanup>();
        return services;
    }

    /// <summary>At start-up, before requests are served: unfinished uploads of a process that died are removed.</summary>
    private sealed class StaleUploadCleanup(FileStore store, TimeProvider clock) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            store.RemoveStaleUploads(clock.GetUtcNow());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
