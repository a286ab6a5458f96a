using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

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
        // The web form posts the file to /vorlagen/{id}/anlagen: that page gets the upload limit instead of the global 1 MB.
        var limit = new LargeBodyLimit(options.MaxRequestBytes, () => new FileTooLargeException(options.MaxBytes));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageApplicationModelConvention("/Vorlagen/Anlagen", page =>
        {
            page.EndpointMetadata.Add(limit);
            page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = options.MaxRequestBytes });
        }));
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
