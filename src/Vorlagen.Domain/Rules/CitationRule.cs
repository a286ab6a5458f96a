namespace Vorlagen.Domain.Rules;

/// <summary>A rule that only records its legal basis, e.g. where a qualified majority is prescribed.</summary>
public sealed record CitationRule(DateOnly ValidFrom, string Citation, string? Note)
    : VersionedRule(ValidFrom, Citation, Note);
