using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Tests;

/// <summary>The real profile files from workflows/rules, found by walking up to the folder holding Vorlagen.sln.</summary>
internal static class TestProfiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static RuleProfile Sachsen { get; } = Load("sachsen");

    public static RuleProfile Thueringen { get; } = Load("thueringen");

    public static RuleProfile ById(string id) => id switch
    {
        "sachsen" => Sachsen,
        "thueringen" => Thueringen,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "no such test profile"),
    };

    public static string Json(string id) => File.ReadAllText(Path.Combine(RepositoryRoot, "workflows", "rules", id + ".json"));

    private static RuleProfile Load(string id) => RuleProfileLoader.Parse(Json(id), $"workflows/rules/{id}.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Vorlagen.sln not found above {AppContext.BaseDirectory}");
    }
}
