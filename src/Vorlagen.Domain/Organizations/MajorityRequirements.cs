using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Organizations;

/// <summary>Catalogue of majority requirement codes.</summary>
public static class MajorityRequirements
{
    public const string Simple = "simple";
    public const string AbsoluteMembers = "absolute_members";
    public const string TwoThirdsPresent = "two_thirds_present";
    public const string ThreeQuartersMembers = "three_quarters_members";

    /// <summary>Elections: more than half of the votes of those present and entitled (§ 35 Abs. 7 SächsLKrO, § 39 Abs. 2 ThürKO).</summary>
    public const string Election = "election";

    public static IReadOnlyList<MajorityRequirement> All { get; } =
    [
        new(Simple, "einfache Mehrheit", MajorityBasis.VotesCast, new Fraction(1, 2), Comparison.MoreThan),
        new(AbsoluteMembers, "Mehrheit aller Mitglieder", MajorityBasis.AllMembers, new Fraction(1, 2), Comparison.MoreThan),
        new(TwoThirdsPresent, "Zwei-Drittel-Mehrheit der Anwesenden", MajorityBasis.MembersPresent, new Fraction(2, 3), Comparison.AtLeast),
        new(ThreeQuartersMembers, "Drei-Viertel-Mehrheit aller Mitglieder", MajorityBasis.AllMembers, new Fraction(3, 4), Comparison.AtLeast),
        new(Election, "Wahl: Mehrheit der Stimmen der anwesenden Stimmberechtigten", MajorityBasis.MembersPresent, new Fraction(1, 2), Comparison.MoreThan),
    ];

    public static MajorityRequirement? Find(string? code) => All.FirstOrDefault(m => m.Code == code);
}
