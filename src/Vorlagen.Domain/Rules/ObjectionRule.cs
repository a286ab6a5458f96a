namespace Vorlagen.Domain.Rules;

/// <summary>Who decides anew after a Widerspruch against a decision of a beschließender Ausschuss.</summary>
public sealed record ObjectionRule(DateOnly ValidFrom, string Citation, string? Note, ObjectionForum DecidedBy)
    : VersionedRule(ValidFrom, Citation, Note);

public enum ObjectionForum
{
    /// <summary>The Ausschuss that decided meets again.</summary>
    SameOrganization,

    /// <summary>The Kreistag decides on the Widerspruch (Sachsen since 2014: § 48 Abs. 3 SächsLKrO).</summary>
    Kreistag,
}
