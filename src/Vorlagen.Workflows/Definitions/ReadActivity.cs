using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Definitions;

/// <summary>
/// An activity as read from a file: its position, node and descriptor (null for an unknown type);
/// <see cref="InputsValid"/> is false when its inputs had errors (its ports are then unknown).
/// </summary>
internal sealed record ReadActivity(int Index, string Path, ActivityNode Node, ActivityDescriptor? Descriptor, bool InputsValid);
