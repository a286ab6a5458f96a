namespace Vorlagen.Domain.Rules;

/// <summary>
/// The further ballot when nobody has the election majority: a run-off (Stichwahl) between the <see cref="Candidates"/> best,
/// decided by the simple majority of the votes cast; <see cref="LotOnTie"/>: a tie is decided by lot.
/// </summary>
public sealed record ElectionRunOffRule(DateOnly ValidFrom, string Citation, string? Note, int Candidates, bool LotOnTie)
    : VersionedRule(ValidFrom, Citation, Note);
