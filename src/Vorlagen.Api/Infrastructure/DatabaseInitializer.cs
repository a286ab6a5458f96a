using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Seed;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Runs before the server accepts requests (hosted services start before Kestrel), under the
/// <see cref="StartupLock"/>: migrate, load
/// demo data if enabled, create the configured first admin. A failure stops start-up with the
/// migrator's message. Production starts create no accounts unless <c>Vorlagen:BootstrapAdmin</c> is set.
/// </summary>
public sealed class DatabaseInitializer(
    ContentPaths paths, ConnectionFactory factory, RuleProfiles ruleProfiles, PaperTypes.PaperTypeCatalog paperTypes,
    Features.Meetings.MeetingRules meetingRules, Migrator migrator, DemoDataSeeder seeder, IConfiguration configuration,
    TimeProvider clock, IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Loaded rule profiles {Profiles}", string.Join(", ", ruleProfiles.All.Select(p => p.Id)));
        logger.LogInformation("Loaded paper types {Types}", string.Join(", ", paperTypes.All.Select(t => t.Code)));
        logger.LogInformation("Loaded the meeting rules ({Items} agenda template items)", meetingRules.Template.Count);
        // Nodes sharing a server database take turns: the first migrates, seeds and publishes, the next finds it done.
        await using var startupLock = await StartupLock.AcquireAsync(factory, cancellationToken);
        await migrator.MigrateAsync(paths.Migrations(factory.Provider), cancellationToken);
        if (await Features.Papers.SearchText.FillMissingAsync(factory, cancellationToken) is > 0 and var filled)
            logger.LogInformation("Filled the search text of {Count} papers", filled);
        if (configuration.GetValue("Vorlagen:DemoData", true))
            await seeder.SeedAsync(paths.Seed, cancellationToken);
        await CreateBootstrapAdminAsync(cancellationToken);
        await PublishWorkflowsAsync(cancellationToken);
        if (await Features.Papers.SearchIndex.FillMissingAsync(factory, cancellationToken) is > 0 and var indexed)
            logger.LogInformation("Indexed {Count} papers for search", indexed);
    }

    /// <summary>Every workflows/*.json is validated (an invalid file stops start-up) and versioned when it changed.</summary>
    private async Task PublishWorkflowsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(cancellationToken);
        var published = await scope.ServiceProvider.GetRequiredService<Vorlagen.Workflows.Definitions.WorkflowDefinitionPublisher>()
            .PublishFolderAsync(paths.Workflows, cancellationToken);
        foreach (var result in published.Where(r => r.Created))
            logger.LogInformation("Published workflow {Definition} version {Version}", result.Version.DefinitionId, result.Version.Version);
    }

    private async Task CreateBootstrapAdminAsync(CancellationToken cancellationToken)
    {
        var username = configuration["Vorlagen:BootstrapAdmin:Username"];
        var password = configuration["Vorlagen:BootstrapAdmin:Password"];
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password)) return;
        if (Vorlagen.Api.Features.Users.UserFieldRules.PasswordProblem(password) is { } problem)
            throw new InvalidOperationException($"Vorlagen:BootstrapAdmin:Password {problem}.");
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = await UserWriter.InsertAsync(connection, transaction, factory.Dialect, Instants.Format(clock.GetUtcNow()),
            null, username.Trim(), "Systemadministration", password, [(Roles.Admin, null)]);
        await transaction.CommitAsync(cancellationToken);
        if (created) logger.LogInformation("Created bootstrap administrator {Username}", username.Trim());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
