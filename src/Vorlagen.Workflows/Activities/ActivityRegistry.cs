using Vorlagen.Workflows.Activities.BuiltIn;

namespace Vorlagen.Workflows.Activities;

/// <summary>
/// Activity types by name. Built once at start-up (the host adds its own types), then only read:
/// register it as a singleton and don't register after the first workflow runs.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> descriptors = new(StringComparer.Ordinal);

    /// <summary>A registry holding Start, End, Decision, SetVariable, WaitForAction and Timer.</summary>
    public static ActivityRegistry CreateWithBuiltIns() =>
        new ActivityRegistry()
            .Register(Start.Descriptor)
            .Register(End.Descriptor)
            .Register(Decision.Descriptor)
            .Register(SetVariable.Descriptor)
            .Register(WaitForAction.Descriptor)
            .Register(BuiltIn.Timer.Descriptor);

    public IReadOnlyCollection<ActivityDescriptor> Descriptors => descriptors.Values;

    public ActivityRegistry Register(ActivityDescriptor descriptor)
    {
        var parts = descriptor.TypeName.Split('.');
        if (parts.Length < 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Activity type '{descriptor.TypeName}' must be named '<Namespace>.<Name>'.", nameof(descriptor));
        }
        if (!descriptors.TryAdd(descriptor.TypeName, descriptor))
        {
            throw new ArgumentException($"Activity type '{descriptor.TypeName}' is already registered.", nameof(descriptor));
        }
        return this;
    }

    /// <summary>Registers a host activity with fixed outcome ports.</summary>
    public ActivityRegistry Register(
        string typeName, Func<IServiceProvider, Activity> factory, IReadOnlyList<string> outcomes, params InputDescriptor[] inputs) =>
        Register(ActivityDescriptor.Create(typeName, factory, outcomes, inputs));

    public ActivityDescriptor? Find(string typeName) => descriptors.GetValueOrDefault(typeName);
}
