namespace Vorlagen.Workflows.Definitions;

/// <summary>One end of a connection: an activity id and one of its ports.</summary>
public sealed record ConnectionEndpoint(string Activity, string Port);
