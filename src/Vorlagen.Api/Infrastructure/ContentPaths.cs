namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Where the shipped data files live: migration scripts, demo bodies, workflow definitions and
/// rule profiles are copied next to the binaries, so the app runs from any working directory.
/// </summary>
public sealed record ContentPaths(string Root)
{
    public static ContentPaths Default { get; } = new(AppContext.BaseDirectory);

    public string Migrations(string provider) => Path.Combine(Root, "db", provider);
    public string Seed => Path.Combine(Root, "db", "seed");
    public string Workflows => Path.Combine(Root, "workflows");
    public string Rules => Path.Combine(Root, "workflows", "rules");
}
