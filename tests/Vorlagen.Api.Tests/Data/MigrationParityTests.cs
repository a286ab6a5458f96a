using System.Text.RegularExpressions;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Data;

/// <summary>
/// db/sqlite, db/sqlserver and db/postgresql hold the same numbered scripts, and each script creates
/// the same tables, columns and indexes in every provider (types differ, names do not).
/// </summary>
public sealed partial class MigrationParityTests
{
    private static readonly string[] Providers = ["sqlite", "sqlserver", "postgresql"];

    private static List<string> Names(string provider) =>
        [.. Directory.GetFiles(RepositoryPaths.Combine("db", provider), "*.sql").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names("sqlite")) data.Add(name);
        return data;
    }

    [Fact]
    public void Every_provider_has_the_same_script_numbers_and_names()
    {
        var sqlite = Names("sqlite");
        Assert.NotEmpty(sqlite);
        foreach (var provider in Providers) Assert.Equal(sqlite, Names(provider));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Each_script_creates_the_same_tables_columns_and_indexes_in_every_provider(string script)
    {
        var sqliteText = File.ReadAllText(RepositoryPaths.Combine("db", "sqlite", script));
        var sqlite = Shape(sqliteText);
        // A script that changes the schema must yield a shape (guards the patterns); a data-only script has none.
        if (Regex.IsMatch(sqliteText, @"CREATE (TABLE|(UNIQUE )?INDEX)|ALTER TABLE \w+ ADD"))
            Assert.Contains(sqlite, s => !s.StartsWith("statement", StringComparison.Ordinal));
        foreach (var provider in Providers.Skip(1))
        {
            var other = Shape(File.ReadAllText(RepositoryPaths.Combine("db", provider, script)));
            Assert.True(sqlite.SetEquals(other), $"{provider}/{script} differs from sqlite: only in sqlite [{string.Join(", ", sqlite.Except(other))}], " +
                $"only in {provider} [{string.Join(", ", other.Except(sqlite))}]");
        }
    }

    /// <summary>
    /// table.column of CREATE TABLE and ALTER TABLE … ADD, index names with their columns, and UPDATE targets. A table that
    /// SQLite rebuilds (DROP TABLE and CREATE TABLE of the same name, because it cannot alter a constraint) keeps its shape,
    /// so it is left out; so are added constraints.
    /// </summary>
    private static SortedSet<string> Shape(string script)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        var rebuilt = CreateTable().Matches(script).Select(t => t.Groups["name"].Value)
            .Where(name => Regex.IsMatch(script, $@"DROP TABLE {name};")).ToHashSet(StringComparer.Ordinal);
        foreach (Match table in CreateTable().Matches(script).Where(t => !rebuilt.Contains(t.Groups["name"].Value)))
            foreach (Match column in ColumnLine().Matches(table.Groups["body"].Value))
                shape.Add($"{table.Groups["name"].Value}.{column.Groups["column"].Value}");
        foreach (Match added in AddColumn().Matches(script).Where(a => a.Groups["column"].Value != "CONSTRAINT"))
            shape.Add($"{added.Groups["table"].Value}.{added.Groups["column"].Value}");
        foreach (Match index in CreateIndex().Matches(script).Where(i => !rebuilt.Contains(i.Groups["table"].Value)))
            shape.Add($"index {index.Groups["name"].Value} on {index.Groups["table"].Value} ({Regex.Replace(index.Groups["columns"].Value, @"\s", "")})");
        foreach (Match update in Update().Matches(script)) shape.Add($"statement UPDATE {update.Groups["table"].Value}");
        return shape;
    }

    [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s{4}(?<column>[a-z_]+)\s+[A-Z]", RegexOptions.Multiline)]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"ALTER TABLE (?<table>\w+) ADD (COLUMN )?(?<column>\w+)")]
    private static partial Regex AddColumn();

    [GeneratedRegex(@"CREATE (UNIQUE )?INDEX (?<name>\w+) ON (?<table>\w+) \((?<columns>[^)]*)\)")]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^UPDATE (?<table>\w+) SET", RegexOptions.Multiline)]
    private static partial Regex Update();
}
