using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Activities;

/// <summary>What an activity type's own validation can see: its JSON and the names the definition declares.</summary>
public sealed record ActivityValidationContext(
    JsonObject Activity,
    IReadOnlySet<string> VariableNames,
    IReadOnlySet<string> InputNames);
