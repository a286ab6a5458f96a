using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Definitions;

/// <summary>A declared workflow variable with its initial value.</summary>
public sealed record VariableDefinition(string Name, WorkflowValueType Type, JsonNode? Default);
