using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.ValidationErrors;

public sealed class FolderLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vorlagen-wf-folder-").FullName;
    private readonly WorkflowDefinitionLoader loader = new(TestActivities.Registry());

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Loads_only_top_level_json_files()
    {
        File.Copy(RepositoryPaths.Scenario("ValidationErrors"), Path.Combine(folder, "base.json"));
        Directory.CreateDirectory(Path.Combine(folder, "rules"));
        Directory.CreateDirectory(Path.Combine(folder, "schema"));
        File.WriteAllText(Path.Combine(folder, "rules", "sachsen.json"), """{ "quorum": "half" }""");
        File.WriteAllText(Path.Combine(folder, "schema", "x.json"), """{ "$schema": "draft-07" }""");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not json");

        var result = loader.LoadFolder(folder);

        Assert.Empty(result.Errors);
        Assert.Equal("validation-base", Assert.Single(result.Definitions).DefinitionId);
        Assert.Equal("base.json", result.Definitions[0].SourceName);
    }

    [Fact]
    public void Reports_errors_of_every_file_and_a_definition_id_used_twice()
    {
        File.Copy(RepositoryPaths.Scenario("ValidationErrors"), Path.Combine(folder, "a.json"));
        File.Copy(RepositoryPaths.Scenario("ValidationErrors"), Path.Combine(folder, "b.json"));
        File.WriteAllText(Path.Combine(folder, "c.json"), """{ "definitionId": "c" }""");

        var result = loader.LoadFolder(folder);

        Assert.Contains(result.Errors, e => e.Source == "b.json" && e.Path == "$.definitionId" && e.Message.Contains("also used by a.json"));
        Assert.Contains(result.Errors, e => e.Source == "c.json" && e.Path == "$.name");
        Assert.Contains(result.Errors, e => e.Source == "c.json" && e.Path == "$.root");
    }
}
