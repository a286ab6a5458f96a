using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Vorlagen.Api.Data;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Data;

/// <summary>Migrator behaviour, written once per topic; a subclass per database provider (Dapper.Tests style).</summary>
public abstract class MigratorTests : IDisposable
{
    protected readonly TempFolder Folder = new();
    private readonly string _scripts;
    private readonly TestDatabase _database;

    protected MigratorTests()
    {
        _scripts = Directory.CreateDirectory(Folder.File("scripts")).FullName;
        _database = TestDatabase.Create(Provider);
    }

    protected abstract string Provider { get; }
    /// <summary>Counts the tables named @name.</summary>
    protected abstract string TableCountSql { get; }

    protected ConnectionFactory Factory => _database.Factory;
    protected Migrator Migrator => new(Factory, TimeProvider.System, NullLogger<Migrator>.Instance);

    private void Script(string name, string sql) => File.WriteAllText(Path.Combine(_scripts, name), sql);

    protected async Task<List<string>> AppliedAsync()
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>("SELECT name FROM schema_version ORDER BY number")).ToList();
    }

    private async Task<int> RowsAsync(string sql)
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    [ProviderFact]
    public async Task Applies_scripts_in_number_order_whatever_the_file_order()
    {
        Script("0002_add_rows.sql", "INSERT INTO things (id, label) VALUES (1, 'eins');");
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL);");

        var applied = await Migrator.MigrateAsync(_scripts, CancellationToken.None);

        Assert.Equal(["0001_create_things.sql", "0002_add_rows.sql"], applied);
        Assert.Equal(["0001_create_things.sql", "0002_add_rows.sql"], await AppliedAsync());
        Assert.Equal(1, await RowsAsync("SELECT COUNT(*) FROM things"));
    }

    [ProviderFact]
    public async Task A_second_run_applies_nothing_and_changes_nothing()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        Script("0002_add_rows.sql", "INSERT INTO things (id) VALUES (1);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);

        var again = await Migrator.MigrateAsync(_scripts, CancellationToken.None);

        Assert.Empty(again);
        Assert.Equal(1, await RowsAsync("SELECT COUNT(*) FROM things"));
        Assert.Equal(2, (await AppliedAsync()).Count);
    }

    [ProviderFact]
    public async Task A_new_script_is_applied_after_the_recorded_ones()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);
        Script("0002_add_rows.sql", "INSERT INTO things (id) VALUES (7);");

        Assert.Equal(["0002_add_rows.sql"], await Migrator.MigrateAsync(_scripts, CancellationToken.None));
    }

    [ProviderFact]
    public async Task A_changed_applied_script_stops_with_a_message_naming_it()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY, extra INT NULL);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));

        Assert.Contains("0001_create_things.sql", error.Message);
        Assert.Contains("changed after it was applied", error.Message);
    }

    [ProviderFact]
    public async Task Line_ending_changes_alone_do_not_count_as_a_change()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (\n id INT NOT NULL PRIMARY KEY\n);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);
        Script("0001_create_things.sql", "CREATE TABLE things (\r\n id INT NOT NULL PRIMARY KEY\r\n);");

        Assert.Empty(await Migrator.MigrateAsync(_scripts, CancellationToken.None));
    }

    [ProviderFact]
    public async Task A_duplicated_number_stops_before_anything_is_applied()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        Script("0001_create_others.sql", "CREATE TABLE others (id INT NOT NULL PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));

        Assert.Contains("0001", error.Message);
        Assert.Contains("used twice", error.Message);
    }

    [ProviderFact]
    public async Task A_badly_named_script_is_rejected()
    {
        Script("1_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));
        Assert.Contains("1_things.sql", error.Message);
    }

    [ProviderFact]
    public async Task A_failing_script_is_rolled_back_and_not_recorded()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        Script("0002_broken.sql", "CREATE TABLE halfway (id INT NOT NULL); INSERT INTO no_such_table (id) VALUES (1);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));

        Assert.Contains("0002_broken.sql", error.Message);
        Assert.Equal(["0001_create_things.sql"], await AppliedAsync());
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(TableCountSql, new { name = "halfway" }));
    }

    [ProviderFact]
    public async Task The_shipped_scripts_apply_in_full_and_a_second_start_applies_nothing()
    {
        var folder = RepositoryPaths.Combine("db", Provider);
        var scripts = Directory.GetFiles(folder, "*.sql").Select(f => Path.GetFileName(f)!).Order().ToList();

        Assert.Equal(scripts, await Migrator.MigrateAsync(folder, CancellationToken.None));
        Assert.Empty(await Migrator.MigrateAsync(folder, CancellationToken.None));
        Assert.Equal(scripts, await AppliedAsync());
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(TableCountSql, new { name = "workflow_execution_log" }));
    }

    public void Dispose()
    {
        _database.Dispose();
        Folder.Dispose();
    }
}

public sealed class SqliteMigratorTests : MigratorTests
{
    protected override string Provider => DatabaseOptions.Sqlite;
    protected override string TableCountSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
}

public sealed class PostgreSqlMigratorTests : MigratorTests, IPostgresTests
{
    protected override string Provider => DatabaseOptions.PostgreSql;
    protected override string TableCountSql => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";

    [ProviderFact]
    public async Task Two_nodes_starting_at_once_take_turns_one_applies_the_other_finds_it_done()
    {
        var folder = RepositoryPaths.Combine("db", Provider);
        var gate = new TaskCompletionSource();

        async Task<IReadOnlyList<string>> StartNodeAsync()
        {
            await gate.Task;
            await using var startup = await StartupLock.AcquireAsync(Factory, CancellationToken.None);
            return await Migrator.MigrateAsync(folder, CancellationToken.None);
        }

        var nodes = new[] { Task.Run(StartNodeAsync), Task.Run(StartNodeAsync) };
        gate.SetResult();
        var applied = await Task.WhenAll(nodes);

        var scripts = Directory.GetFiles(folder, "*.sql").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Single(applied, a => a.Count == 0);
        Assert.Single(applied, a => a.SequenceEqual(scripts));
        Assert.Equal(scripts, await AppliedAsync());
    }

    [ProviderFact]
    public async Task The_startup_lock_holds_off_a_second_holder_until_released()
    {
        var first = await StartupLock.AcquireAsync(Factory, CancellationToken.None);
        var second = StartupLock.AcquireAsync(Factory, CancellationToken.None);
        // pg_locks shows the second session waiting for the advisory lock before the first lets go.
        await using (var connection = await Factory.OpenAsync(CancellationToken.None))
            while (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database " +
                "WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()") == 0)
                await Task.Yield();
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var acquired = await second;
    }
}
