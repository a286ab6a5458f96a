using Microsoft.Data.Sqlite;
using Vorlagen.Api.Data;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Anchors the journals outside the database: the MAC key comes from configuration
/// (<c>Vorlagen:Journal:MacKey</c>, base64, at least 32 bytes) and checkpoints of all heads go to an
/// append-only file. Without a key, a demo start (<c>Vorlagen:DemoData=true</c>) generates one into a file
/// outside the database folder and warns loudly; a production start (demo data off) refuses to start,
/// because a journal whose seal key sits beside (or is missing from) the database proves nothing.
/// </summary>
public static class JournalProtection
{
    public const string KeySetting = "Vorlagen:Journal:MacKey";
    public const string KeyFileSetting = "Vorlagen:Journal:KeyFile";
    public const string CheckpointFileSetting = "Vorlagen:Journal:CheckpointFile";
    public const string IntervalSetting = "Vorlagen:Journal:CheckpointInterval";

    public sealed record Settings(string CheckpointFile, string KeyFile, TimeSpan CheckpointInterval);

    public static IServiceCollection AddJournalProtection(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var folder = DefaultFolder(database);
        var settings = new Settings(
            Path.GetFullPath(configuration[CheckpointFileSetting] ?? Path.Combine(folder, "checkpoints.jsonl")),
            Path.GetFullPath(configuration[KeyFileSetting] ?? Path.Combine(folder, "demo-mac.key")),
            configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(10)));
        services.AddSingleton(settings);
        services.AddSingleton(sp => LoadKey(configuration, settings, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JournalProtection).FullName!)));
        services.AddSingleton(sp => new JournalCheckpointFile(settings.CheckpointFile, sp.GetRequiredService<JournalKey>()));
        services.AddSingleton(sp => new JournalCheckpointer(sp.GetRequiredService<JournalKey>(), sp.GetRequiredService<JournalCheckpointFile>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<KeyCheck>();
        return services;
    }

    /// <summary>Registers the checkpoint writer; after the database initializer, so it runs on a migrated database.</summary>
    public static IServiceCollection AddJournalCheckpoints(this IServiceCollection services) => services.AddHostedService<CheckpointHost>();

    /// <summary>Registered before the database initializer: a production start without a key stops before it touches the database.</summary>
    private sealed class KeyCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<JournalKey>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// Next to the database folder, not inside it: <c>data/vorlagen.db</c> → <c>journal/vorlagen/</c>. A copy
    /// or backup of the database folder then carries neither the checkpoints nor the demo key.
    /// </summary>
    private static string DefaultFolder(DatabaseOptions database)
    {
        if (database.Provider == DatabaseOptions.Sqlite
            && new SqliteConnectionStringBuilder(database.ConnectionString).DataSource is { Length: > 0 } source && source != ":memory:")
        {
            var file = Path.GetFullPath(source);
            var parent = Path.GetDirectoryName(Path.GetDirectoryName(file)) ?? Path.GetDirectoryName(file)!;
            return Path.Combine(parent, "journal", Path.GetFileNameWithoutExtension(file));
        }
        return Path.GetFullPath(Path.Combine("journal", "vorlagen"));
    }

    private static JournalKey LoadKey(IConfiguration configuration, Settings settings, ILogger logger)
    {
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(configured.Trim()); }
            catch (FormatException) { throw new InvalidOperationException($"{KeySetting} is not base64. {Advice}"); }
            if (bytes.Length < JournalKey.MinimumBytes)
                throw new InvalidOperationException($"{KeySetting} has {bytes.Length} bytes; at least {JournalKey.MinimumBytes} are required. {Advice}");
            return new JournalKey(bytes);
        }
        if (!configuration.GetValue("Vorlagen:DemoData", true))
            throw new InvalidOperationException(
                $"No journal key is configured ({KeySetting}). A production start (Vorlagen:DemoData=false) needs one: without it, " +
                $"anyone who can write the database could rewrite the journal unnoticed. {Advice}");
        var key = new JournalKey(DemoKey(settings.KeyFile));
        logger.LogWarning(
            "NO JOURNAL KEY CONFIGURED: using the generated demo key in {KeyFile}. Whoever can read that file can rewrite journals " +
            "unnoticed. Set Vorlagen__Journal__MacKey (base64 of 32 random bytes, from a secret store) before real use.", settings.KeyFile);
        return key;
    }

    private const string Advice = "Generate one with `openssl rand -base64 32` and set it as Vorlagen__Journal__MacKey (environment or secret store, never in the database).";

    private static byte[] DemoKey(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(path, options)) writer.Write(Convert.ToBase64String(bytes));
            return bytes;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim()); // generated before (or by a parallel start)
        }
    }

    /// <summary>
    /// At start (after the migrations): seals heads that predate sealing, once, and writes the first
    /// checkpoint; then writes a checkpoint every interval when heads changed (interval 0 turns that off).
    /// </summary>
    private sealed class CheckpointHost(JournalCheckpointer checkpointer, Settings settings, IServiceScopeFactory scopes, ILogger<CheckpointHost> logger)
        : BackgroundService
    {
        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            var sealedHeads = await WithStoreAsync(store => checkpointer.SealLegacyHeadsAsync(store, cancellationToken), cancellationToken);
            if (sealedHeads > 0)
                logger.LogWarning("Sealed {Count} journal heads written before sealing began (trusted on first use; see README)", sealedHeads);
            await base.StartAsync(cancellationToken);
        }

        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            settings.CheckpointInterval <= TimeSpan.Zero ? Task.CompletedTask : checkpointer.RunAsync(async ct =>
            {
                var outcome = await WithStoreAsync(store => checkpointer.WriteAsync(store, always: false, ct), ct);
                foreach (var refused in outcome.Refused)
                    logger.LogError("Journal of instance {Instance} not checkpointed: {Code} {Reason}", refused.InstanceId, refused.Code, refused.Reason);
            }, settings.CheckpointInterval, e => logger.LogError(e, "Writing a journal checkpoint failed"), stoppingToken);

        private async Task<T> WithStoreAsync<T>(Func<IWorkflowStore, Task<T>> work, CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(cancellationToken);
            return await work(scope.ServiceProvider.GetRequiredService<IWorkflowStore>());
        }
    }
}
