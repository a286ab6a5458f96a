namespace Vorlagen.Domain.Rules;

/// <summary>In a second session after a session that was not quorate, <see cref="MinimumPresent"/> members suffice.</summary>
public sealed record SecondSessionRule(DateOnly ValidFrom, string Citation, string? Note, int MinimumPresent)
    : VersionedRule(ValidFrom, Citation, Note);
