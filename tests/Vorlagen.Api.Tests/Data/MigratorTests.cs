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

    protected MigratorTests() => _scripts = Directory.CreateDirectory(Folder.File("scripts")).FullName;

    protected abstract DatabaseOptions Options { get; }

    private ConnectionFactory Factory => new(Options);
    private Migrator Migrator => new(Factory, TimeProvider.System, NullLogger<Migrator>.Instance);

    private void Script(string name, string sql) => File.WriteAllText(Path.Combine(_scripts, name), sql);

    private async Task<List<string>> AppliedAsync()
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>("SELECT name FROM schema_version ORDER BY number")).ToList();
    }

    private async Task<int> RowsAsync(string sql)
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    [Fact]
    public async Task Applies_scripts_in_number_order_whatever_the_file_order()
    {
        Script("0002_add_rows.sql", "INSERT INTO things (id, label) VALUES (1, 'eins');");
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL);");

        var applied = await Migrator.MigrateAsync(_scripts, CancellationToken.None);

        Assert.Equal(["0001_create_things.sql", "0002_add_rows.sql"], applied);
        Assert.Equal(["0001_create_things.sql", "0002_add_rows.sql"], await AppliedAsync());
        Assert.Equal(1, await RowsAsync("SELECT COUNT(*) FROM things"));
    }

    [Fact]
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

    [Fact]
    public async Task A_new_script_is_applied_after_the_recorded_ones()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);
        Script("0002_add_rows.sql", "INSERT INTO things (id) VALUES (7);");

        Assert.Equal(["0002_add_rows.sql"], await Migrator.MigrateAsync(_scripts, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_applied_script_stops_with_a_message_naming_it()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY, extra INT NULL);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));

        Assert.Contains("0001_create_things.sql", error.Message);
        Assert.Contains("changed after it was applied", error.Message);
    }

    [Fact]
    public async Task Line_ending_changes_alone_do_not_count_as_a_change()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (\n id INT NOT NULL PRIMARY KEY\n);");
        await Migrator.MigrateAsync(_scripts, CancellationToken.None);
        Script("0001_create_things.sql", "CREATE TABLE things (\r\n id INT NOT NULL PRIMARY KEY\r\n);");

        Assert.Empty(await Migrator.MigrateAsync(_scripts, CancellationToken.None));
    }

    [Fact]
    public async Task A_duplicated_number_stops_before_anything_is_applied()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        Script("0001_create_others.sql", "CREATE TABLE others (id INT NOT NULL PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));

        Assert.Contains("0001", error.Message);
        Assert.Contains("used twice", error.Message);
    }

    [Fact]
    public async Task A_badly_named_script_is_rejected()
    {
        Script("1_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));
        Assert.Contains("1_things.sql", error.Message);
    }

    [Fact]
    public async Task A_failing_script_is_rolled_back_and_not_recorded()
    {
        Script("0001_create_things.sql", "CREATE TABLE things (id INT NOT NULL PRIMARY KEY);");
        Script("0002_broken.sql", "CREATE TABLE halfway (id INT NOT NULL); INSERT INTO no_such_table (id) VALUES (1);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Migrator.MigrateAsync(_scripts, CancellationToken.None));

        Assert.Contains("0002_broken.sql", error.Message);
        Assert.Equal(["0001_create_things.sql"], await AppliedAsync());
        Assert.Equal(0, await RowsAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'halfway'"));
    }

    public void Dispose() => Folder.Dispose();
}

public sealed class SqliteMigratorTests : MigratorTests
{
    protected override DatabaseOptions Options => new() { Provider = DatabaseOptions.Sqlite, ConnectionString = $"Data Source={Folder.File("m.db")}" };
}
