namespace Vorlagen.Domain.Voting;

/// <summary>
/// One failed check: a stable <see cref="Code"/> (see <see cref="ViolationCodes"/>), a German message with the numbers,
/// the legal citation (null for pure arithmetic and wherever the profile names no legal source, never empty) and, where
/// one input field is at fault, its name. <see cref="WordingVerified"/>: whether the cited rule's wording was checked against
/// a statute text (null without citation).
/// </summary>
public sealed record TallyViolation(string Code, string Message, string? Citation = null, string? Field = null, bool? WordingVerified = null);
