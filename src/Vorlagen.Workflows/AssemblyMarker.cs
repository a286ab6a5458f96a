namespace Vorlagen.Workflows;

/// <summary>Anchor for assembly scanning and tests.</summary>
public sealed class AssemblyMarker;
