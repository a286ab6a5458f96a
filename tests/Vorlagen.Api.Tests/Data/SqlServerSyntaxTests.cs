using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Vorlagen.Api.Data;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Data;

/// <summary>
/// No SQL Server runs here, so every SQL Server script and every query constant (fields named
/// <c>*Sql</c>, rendered with the SQL Server dialect) is parsed by the real T-SQL parser.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("db", "sqlserver"), "*.sql").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    public static TheoryData<string> QueryConstants()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in AllQueryConstants()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Migration_script_parses_as_TSql(string fileName)
    {
        AssertParses(File.ReadAllText(RepositoryPaths.Combine("db", "sqlserver", fileName)), fileName);
    }

    [Theory]
    [MemberData(nameof(QueryConstants))]
    public void Query_constant_parses_as_TSql(string name)
    {
        var sql = AllQueryConstants().Single(q => q.Name == name).Sql;
        Assert.DoesNotContain("{{", sql);
        AssertParses(sql, name);
    }

    [Fact]
    public void The_scan_finds_the_queries_of_every_area()
    {
        var names = AllQueryConstants().Select(q => q.Name).ToList();
        Assert.Contains(names, n => n.StartsWith("ListBodies.", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Migrator.", StringComparison.Ordinal));
        Assert.True(names.Count >= 15, $"only {names.Count} query constants found");
    }

    [Fact]
    public void The_dialect_s_own_statements_parse_as_TSql()
    {
        var dialect = new SqlServerDialect();
        AssertParses(dialect.StartupLockSql, nameof(dialect.StartupLockSql));
        AssertParses(dialect.StartupUnlockSql, nameof(dialect.StartupUnlockSql));
        AssertParses(dialect.Render("SELECT p.id FROM papers p WHERE {{Lower:p.title}} LIKE @Pattern ESCAPE '!'"), "Lower token");
    }

    [Fact]
    public void The_parser_rejects_broken_sql()
    {
        var errors = Parse("SELECT * FROM WHERE id = ");
        Assert.NotEmpty(errors);
    }

    private static IEnumerable<(string Name, string Sql)> AllQueryConstants()
    {
        var dialect = new SqlServerDialect();
        var assemblies = new[] { typeof(Program).Assembly, typeof(Vorlagen.Workflows.AssemblyMarker).Assembly };
        return assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
                .Where(f => !f.Name.Contains("Sqlite", StringComparison.Ordinal))
                .Select(f => ($"{Describe(t)}.{f.Name}", dialect.Render((string)f.GetRawConstantValue()!))))
            .OrderBy(q => q.Item1);
    }

    private static string Describe(Type type) => type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;

    private static IList<ParseError> Parse(string sql)
    {
        new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private static void AssertParses(string sql, string source)
    {
        var errors = Parse(sql);
        Assert.True(errors.Count == 0,
            $"{source}: " + string.Join("; ", errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}")));
    }
}
