using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace Vorlagen.Api.Data;

/// <summary>
/// Applies <c>db/&lt;provider&gt;/NNNN_name.sql</c> once each, in order, each in its own transaction,
/// recording number, name and SHA-256 in <c>schema_version</c>. An applied script whose content
/// changed stops start-up: applied scripts are never edited, a new script is added instead.
/// Several app nodes starting at once take turns through <see cref="StartupLock"/> (taken by the caller).
/// </summary>
public sealed partial class Migrator(ConnectionFactory factory, TimeProvider clock, ILogger<Migrator> logger)
{
    public const string CreateVersionTableSqliteSql =
        "CREATE TABLE IF NOT EXISTS schema_version (number INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";
    public const string CreateVersionTableSqlServerSql =
        "IF OBJECT_ID(N'schema_version', N'U') IS NULL CREATE TABLE schema_version (number INT NOT NULL PRIMARY KEY, name NVARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at NVARCHAR(40) NOT NULL)";
    public const string SelectAppliedSql = "SELECT number AS Number, name AS Name, checksum AS Checksum FROM schema_version ORDER BY number";
    public const string InsertAppliedSql =
        "INSERT INTO schema_version (number, name, checksum, applied_at) VALUES (@Number, @Name, @Checksum, @AppliedAt)";

    private sealed record AppliedScript
    {
        public long Number { get; init; }
        public string Name { get; init; } = "";
        public string Checksum { get; init; } = "";
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    /// <returns>The names of the scripts applied by this call.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(string scriptsFolder, CancellationToken cancellationToken)
    {
        var scripts = MigrationScript.LoadFolder(scriptsFolder);
        await using var connection = await factory.OpenAsync(cancellationToken);
        // The SQLite statement is also valid PostgreSQL (there INTEGER PRIMARY KEY is a plain integer key).
        await connection.ExecuteAsync(factory.Provider == DatabaseOptions.SqlServer
            ? CreateVersionTableSqlServerSql : CreateVersionTableSqliteSql);

        var applied = (await connection.QueryAsync<AppliedScript>(SelectAppliedSql)).ToDictionary(a => (int)a.Number);
        foreach (var (number, record) in applied)
        {
            var script = scripts.FirstOrDefault(s => s.Number == number) ?? throw new MigrationException(
                $"The database has migration {record.Name} applied, but the script is missing from '{scriptsFolder}'.");
            if (script.Checksum != record.Checksum || script.Name != record.Name)
                throw new MigrationException(
                    $"Migration script {script.Name} was changed after it was applied (recorded checksum {record.Checksum}, " +
                    $"file now {script.Checksum}). Restore the original script and add a new numbered script for the change.");
        }

        var appliedNow = new List<string>();
        foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Number)))
        {
            await ApplyAsync(connection, script, cancellationToken);
            appliedNow.Add(script.Name);
            logger.LogInformation("Applied migration {Migration}", script.Name);
        }
        return appliedNow;
    }

    private async Task ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var batch in BatchSeparator().Split(script.Sql).Where(b => !string.IsNullOrWhiteSpace(b)))
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertAppliedSql, new
            {
                script.Number, script.Name, script.Checksum,
                AppliedAt = Instants.Format(clock.GetUtcNow()),
            }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not MigrationException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigrationException($"Migration script {script.Name} failed and was rolled back: {ex.Message}");
        }
    }
}
