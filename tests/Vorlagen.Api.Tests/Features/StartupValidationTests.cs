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

    private sealed class AppWithContent(string root, string? databaseFile = null) : VorlagenApp
    {
        public override string DatabaseFile => databaseFile ?? base.DatabaseFile;

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

    [Fact]
    public async Task A_changed_definition_becomes_a_new_version_while_running_papers_stay_on_theirs()
    {
        var database = _content.File("shared.db");
        long first;
        await using (var before = new AppWithContent(_content.Path, database))
        {
            var api = new PaperApi(before);
            var clerk = await before.ClientFor("kyf.clerk");
            first = PaperApi.Id(await api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(before.BodyId("kyffhaeuserkreis"), "2021/7/301")));
            await api.ActAsync(clerk, first, "submit");
        }

        // A new step name is a changed definition; the actions stay the same.
        var file = Path.Combine(_content.Path, "workflows", "beschlussvorlage.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Freigabe zur Beratung", "Freigabe durch die Verwaltungsspitze"));
        await using var after = new AppWithContent(_content.Path, database);
        var afterApi = new PaperApi(after);
        var landraetin = await after.ClientFor("kyf.landraetin");

        Assert.Equal(2, after.Scalar<int>("SELECT COUNT(*) FROM workflow_definitions WHERE definition_id = 'beschlussvorlage'"));
        Assert.Equal(2, after.Scalar<int>("SELECT version FROM workflow_definitions WHERE definition_id = 'beschlussvorlage' AND is_latest = 1"));
        const string versionOfPaper =
            "SELECT i.definition_version FROM workflow_instances i JOIN papers p ON p.workflow_instance_id = i.id WHERE p.id = @id";
        Assert.Equal(1, after.Scalar<int>(versionOfPaper, new { id = first }));

        Assert.Equal("in_deliberation", (await afterApi.ActAsync(landraetin, first, "release")).GetProperty("status").GetString());
        Assert.Equal(1, after.Scalar<int>(versionOfPaper, new { id = first }));
        var second = PaperApi.Id(await afterApi.CreateAsync(await after.ClientFor("kyf.clerk"),
            PaperApi.KyffhaeuserPaper(after.BodyId("kyffhaeuserkreis"), "2021/7/302")));
        Assert.Equal(2, after.Scalar<int>(versionOfPaper, new { id = second }));
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
