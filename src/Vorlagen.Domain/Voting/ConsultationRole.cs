namespace Vorlagen.Domain.Voting;

/// <summary>A consultation role (code as used in the API, German label for the UI).</summary>
public sealed record ConsultationRole(string Code, string Label);
