using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Definitions;

/// <summary>An activity of a flowchart; <see cref="Properties"/> is its whole JSON, inputs included.</summary>
public sealed record ActivityNode(string Id, string Type, int Version, string? Name, JsonObject Properties);
