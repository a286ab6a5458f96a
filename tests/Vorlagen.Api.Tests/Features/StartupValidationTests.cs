using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Broken shipped data files stop start-up with a message that names the file and the problem.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly TempFolder _content = new();

    private sealed class AppWithContent(string root) : VorlagenApp
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton(new ContentPaths(root)));
    }

    public StartupValidationTests()
    {
        Copy(RepositoryPaths.Combine("db"), Path.Combine(_content.Path, "db"));
        Copy(RepositoryPaths.Combine("workflows"), Path.Combine(_content.Path, "workflows"));
    }

    [Fact]
    public void The_shipped_files_start_fine()
    {
        using var app = new AppWithContent(_content.Path);
        Assert.NotNull(app.CreateClient());
    }

    [Fact]
    public void An_invalid_workflow_definition_stops_start_up()
    {
        var file = Path.Combine(_content.Path, "workflows", "beschlussvorlage.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"Vorlagen.Council.Deliberate\"", "\"Vorlagen.Council.Debattieren\""));
        using var app = new AppWithContent(_content.Path);

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("beschlussvorlage.json", error.ToString());
        Assert.Contains("Vorlagen.Council.Debattieren", error.ToString());
    }

    [Fact]
    public void An_invalid_rule_profile_stops_start_up()
    {
        var file = Path.Combine(_content.Path, "workflows", "rules", "sachsen.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"citation\"", "\"zitat\""));
        using var app = new AppWithContent(_content.Path);

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("sachsen.json", error.ToString());
        Assert.Contains("citation", error.ToString());
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _content.Dispose();
}
