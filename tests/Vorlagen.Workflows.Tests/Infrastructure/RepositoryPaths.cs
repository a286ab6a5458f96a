namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>Finds the repository root: the folder holding Vorlagen.sln, walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SqliteMigration => Path.Combine(Root, "db", "sqlite", "0002_workflows.sql");
    /// <summary>Later migrations of the workflow tables, applied after <see cref="SqliteMigration"/> by the test database.</summary>
    public static string[] LaterSqliteMigrations => [Path.Combine(Root, "db", "sqlite", "0009_journal_mac.sql")];
    public static string SqlServerMigration => Path.Combine(Root, "db", "sqlserver", "0002_workflows.sql");
    public static string Schema => Path.Combine(Root, "workflows", "schema", "workflow-definition.schema.json");

    public static string Scenario(string name, string file = "workflow.json") =>
        Path.Combine(AppContext.BaseDirectory, "Scenarios", name, file);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Vorlagen.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Vorlagen.sln above {AppContext.BaseDirectory}.");
    }
}
