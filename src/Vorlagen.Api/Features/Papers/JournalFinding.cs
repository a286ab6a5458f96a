namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// One problem a journal verification found: a stable <paramref name="Code"/> (the runtime's chain and seal
/// codes, or <c>row_differs</c>, <c>result_not_journaled</c>, <c>consultation_missing</c>, <c>wrong_journal</c>,
/// <c>no_journal</c>), a German message, and for a row that differs from the journal the field and both values.
/// </summary>
public sealed record JournalFinding(string Code, string Message, long? Sequence = null, string? Field = null,
    string? JournalValue = null, string? RowValue = null);
