using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Meetings;

/// <summary>
/// The Ladungsfrist of one state law: at least <see cref="FullDays"/> full calendar days between the day the invitation is
/// received and the session day; null when the law leaves the period to the body's Geschäftsordnung ("angemessene Frist").
/// Urgent invitations (the reason is stated) must arrive at the latest <see cref="UrgentDaysBefore"/> days before the session
/// (Thüringen: the second day before); null: urgent sessions need no period at all (Sachsen: "ohne Frist, formlos").
/// </summary>
public sealed record NoticeRule(DateOnly ValidFrom, string Citation, string? Note, int? FullDays, int? UrgentDaysBefore, string UrgentCitation,
    IReadOnlyDictionary<string, ReceiptRule> Receipt) : VersionedRule(ValidFrom, Citation, Note);

/// <summary>When an invitation sent on a day by <see cref="Channel"/> counts as received: <see cref="DaysAfterSending"/> calendar days later.</summary>
public sealed record ReceiptRule(string Channel, int DaysAfterSending, string Citation, bool WordingVerified, string Source, string? Note);
