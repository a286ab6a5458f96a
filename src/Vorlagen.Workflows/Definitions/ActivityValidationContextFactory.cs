using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Definitions;

/// <summary>Builds the validation context activity types see: their JSON plus declared variable and input names.</summary>
internal sealed class ActivityValidationContextFactory(IEnumerable<VariableDefinition> variables, IEnumerable<InputDefinition> inputs)
{
    private readonly HashSet<string> variableNames = [.. variables.Select(v => v.Name)];
    private readonly HashSet<string> inputNames = [.. inputs.Select(i => i.Name)];

    public ActivityValidationContext Create(JsonObject activity) => new(activity, variableNames, inputNames);
}
