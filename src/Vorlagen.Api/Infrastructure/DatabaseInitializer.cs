using Vorlagen.Api.Data;
using Vorlagen.Api.Seed;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Runs before the server accepts requests (hosted services start before Kestrel): migrate, then
/// load demo data if enabled. A failure stops start-up with the migrator's message.
/// </summary>
public sealed class DatabaseInitializer(
    ContentPaths paths, ConnectionFactory factory, Migrator migrator, DemoDataSeeder seeder, IConfiguration configuration)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(paths.Migrations(factory.Provider), cancellationToken);
        if (configuration.GetValue("Vorlagen:DemoData", true))
            await seeder.SeedAsync(paths.Seed, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
