using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Persistence;

/// <summary>
/// No SQL Server runs here, so T-SQL validity is checked with the parser (as the lead's test does);
/// SQLite validity is checked by every persistence test running the same statements.
/// </summary>
public sealed partial class SqlPortabilityTests
{
    public static TheoryData<string> StatementNames()
    {
        var data = new TheoryData<string>();
        foreach (var field in SqlFields())
        {
            data.Add(field.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Every_statement_is_valid_tsql_and_avoids_dialect_only_syntax(string name)
    {
        var sql = (string)SqlFields().Single(f => f.Name == name).GetRawConstantValue()!;

        Assert.Empty(ParseErrors(sql));
        Assert.DoesNotMatch(DialectOnlySyntax(), sql);
        // Statements that read every row take no parameters; all others must be parameterised.
        if (name is not (nameof(WorkflowSql.SelectJournaledInstanceIdsSql) or nameof(WorkflowSql.SelectJournalHeadsSql)))
        {
            Assert.Matches("@[A-Z]", sql);
        }
    }

    [Fact]
    public void The_sql_server_migration_parses_as_one_batch()
    {
        var script = File.ReadAllText(RepositoryPaths.SqlServerMigration);

        Assert.Empty(ParseErrors(script));
        Assert.DoesNotMatch(new Regex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase), script);
    }

    [Fact]
    public void Both_migrations_create_the_same_tables_columns_and_indexes()
    {
        var sqlite = Shape(File.ReadAllText(RepositoryPaths.SqliteMigration));
        var sqlServer = Shape(File.ReadAllText(RepositoryPaths.SqlServerMigration));

        Assert.Equal(sqlite, sqlServer);
        Assert.Contains("workflow_execution_log.hash", sqlite);
    }

    private static IEnumerable<FieldInfo> SqlFields() =>
        typeof(WorkflowSql).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal));

    private static IList<ParseError> ParseErrors(string sql)
    {
        using var reader = new StringReader(sql);
        new TSql170Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return errors;
    }

    /// <summary>Table.column names and index names, in a comparable form.</summary>
    private static SortedSet<string> Shape(string script)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match table in CreateTable().Matches(script))
        {
            foreach (Match column in ColumnLine().Matches(table.Groups["body"].Value))
            {
                shape.Add($"{table.Groups["name"].Value}.{column.Groups["column"].Value}");
            }
        }
        foreach (Match index in CreateIndex().Matches(script))
        {
            shape.Add($"index {index.Groups["name"].Value} on {index.Groups["table"].Value} ({Regex.Replace(index.Groups["columns"].Value, @"\s", "")})");
        }
        return shape;
    }

    [GeneratedRegex(@"\b(LIMIT|TOP|RETURNING|OUTPUT|ON\s+CONFLICT|MERGE|ILIKE|AUTOINCREMENT|IDENTITY)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DialectOnlySyntax();

    [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s{4}(?<column>[a-z_]+)\s+[A-Z]", RegexOptions.Multiline)]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"CREATE INDEX (?<name>\w+) ON (?<table>\w+) \((?<columns>[^)]*)\)")]
    private static partial Regex CreateIndex();
}
