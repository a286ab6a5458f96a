namespace Vorlagen.Domain.Voting;

/// <summary>
/// One failed check: a stable <see cref="Code"/> (see <see cref="ViolationCodes"/>), a German message with the numbers,
/// the legal citation (empty for pure arithmetic) and, where one input field is at fault, its name.
/// </summary>
public sealed record TallyViolation(string Code, string Message, string Citation = "", string? Field = null);
