using System.Text.Json;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Definitions;

/// <summary>
/// Reads and validates definition JSON. Returns every error found (file, JSON path, problem) and
/// leaves the decision to the host, which stops start-up on errors.
/// </summary>
public sealed class WorkflowDefinitionLoader(ActivityRegistry registry)
{
    /// <summary>Loads one definition from JSON text; <paramref name="sourceName"/> names it in errors.</summary>
    public WorkflowLoadResult Load(string json, string sourceName)
    {
        var errors = new ErrorSink(sourceName);
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException exception)
        {
            errors.Add("$", $"Not valid JSON: {exception.Message}");
            return new WorkflowLoadResult([], errors.Errors);
        }
        var definition = new DefinitionReader(registry, errors, sourceName).Read(document);
        return new WorkflowLoadResult(definition is null ? [] : [definition], errors.Errors);
    }

    public WorkflowLoadResult LoadFile(string path) => Load(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>
    /// Loads the top-level <c>*.json</c> files of a folder (subfolders such as <c>rules/</c> and
    /// <c>schema/</c> hold other things) and also rejects a definition id used by two files.
    /// </summary>
    public WorkflowLoadResult LoadFolder(string folder)
    {
        var definitions = new List<WorkflowDefinition>();
        var errors = new List<WorkflowValidationError>();
        var files = Directory.GetFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var result = LoadFile(file);
            errors.AddRange(result.Errors);
            foreach (var definition in result.Definitions)
            {
                var clash = definitions.FirstOrDefault(d => d.DefinitionId == definition.DefinitionId);
                if (clash is null)
                {
                    definitions.Add(definition);
                    continue;
                }
                errors.Add(new WorkflowValidationError(definition.SourceName, "$.definitionId",
                    $"Definition id '{definition.DefinitionId}' is also used by {clash.SourceName}."));
            }
        }
        return new WorkflowLoadResult(definitions, errors);
    }
}
