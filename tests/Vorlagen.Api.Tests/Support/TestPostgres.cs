using Npgsql;

namespace Vorlagen.Api.Tests.Support;

/// <summary>
/// The PostgreSQL server of the test run, named by <c>VORLAGEN_TEST_POSTGRES</c> (a connection string
/// with a user allowed to create databases). <c>.ci/run</c> starts a throwaway server and sets it;
/// without it the PostgreSQL subclasses are reported as skipped with <see cref="SkipReason"/>.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "VORLAGEN_TEST_POSTGRES";

    public static string? ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ServerConnectionString is null
        ? $"PostgreSQL provider test skipped: {Variable} is not set (.ci/run starts a server and sets it; see README, Tests)."
        : null;

    public static string RequireServer() => ServerConnectionString ?? throw new InvalidOperationException(SkipReason);
}

/// <summary>A fresh database on the test server for one test class, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private PostgresTestDatabase(string name, string connectionString) => (Name, ConnectionString) = (name, connectionString);

    public string Name { get; }
    public string ConnectionString { get; }

    public static PostgresTestDatabase Create()
    {
        var server = TestPostgres.RequireServer();
        var name = "vorlagen_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            command.ExecuteNonQuery();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(name, connectionString);
    }

    public void Dispose()
    {
        using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(TestPostgres.RequireServer());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
