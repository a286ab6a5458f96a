namespace Vorlagen.Workflows.Activities;

/// <summary>An input an activity type accepts as a property of its definition JSON.</summary>
public sealed record InputDescriptor(string Name, InputType Type, bool Required = false, string? Description = null);
