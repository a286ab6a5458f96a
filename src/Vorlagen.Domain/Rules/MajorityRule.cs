namespace Vorlagen.Domain.Rules;

/// <summary>Simple majority: more yes than no votes; a tie rejects the motion.</summary>
public sealed record MajorityRule(DateOnly ValidFrom, string Citation, string? Note, AbstentionHandling Abstentions)
    : VersionedRule(ValidFrom, Citation, Note);
