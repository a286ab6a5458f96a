using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;

namespace Vorlagen.Workflows.Runtime;

/// <summary>Checks a start input against the definition's <c>inputs[]</c>; extra properties are kept.</summary>
internal static class WorkflowInputs
{
    public static JsonObject Validate(WorkflowDefinition definition, JsonObject? input)
    {
        var copy = input is null ? new JsonObject() : (JsonObject)input.DeepClone();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var declared in definition.Inputs)
        {
            if (!copy.TryGetPropertyValue(declared.Name, out var value) || value is null)
            {
                if (declared.Required)
                {
                    errors[declared.Name] = ["Required input is missing."];
                }
                continue;
            }
            if (!JsonKinds.Matches(declared.Type, value))
            {
                errors[declared.Name] = [$"Expected a value of type {declared.Type} but found {JsonKinds.Describe(value)}."];
            }
        }
        return errors.Count == 0 ? copy : throw new InvalidWorkflowInputException(definition.DefinitionId, errors);
    }
}
