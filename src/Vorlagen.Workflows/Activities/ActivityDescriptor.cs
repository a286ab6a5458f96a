using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Activities;

/// <summary>
/// Everything the runtime and the validator need about an activity type: its name
/// (<c>Namespace.Name</c>), how to create it, its inputs, and its outcome ports. Ports may depend on
/// the activity's JSON (WaitForAction's ports are its allowed actions).
/// </summary>
public sealed record ActivityDescriptor(
    string TypeName,
    Func<IServiceProvider, Activity> Factory,
    IReadOnlyList<InputDescriptor> Inputs,
    Func<JsonObject, IReadOnlyList<string>> Outcomes)
{
    /// <summary>Whether connections may target this activity's <c>In</c> port (false for Start).</summary>
    public bool AcceptsIncoming { get; init; } = true;

    /// <summary>Checks beyond the input types (cross-field rules, referenced variables).</summary>
    public Func<ActivityValidationContext, IEnumerable<InputProblem>>? Validate { get; init; }

    /// <summary>Creates a descriptor with fixed outcome ports.</summary>
    public static ActivityDescriptor Create(
        string typeName,
        Func<IServiceProvider, Activity> factory,
        IReadOnlyList<string> outcomes,
        params InputDescriptor[] inputs) =>
        new(typeName, factory, inputs, _ => outcomes);
}
