namespace Vorlagen.Api.Tests.Support;

/// <summary>Finds files of this repository (the folder holding Vorlagen.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vorlagen.sln not found above " + AppContext.BaseDirectory);
    }
}
