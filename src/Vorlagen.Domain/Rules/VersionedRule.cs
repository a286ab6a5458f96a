namespace Vorlagen.Domain.Rules;

/// <summary>
/// One version of a legal rule: in force from <see cref="ValidFrom"/> until the next version's date.
/// <see cref="WordingVerified"/> says whether the modelled content was checked against a statute text (false: taken from
/// secondary sources, to be verified before productive use); <see cref="Source"/> names that text or the gap.
/// </summary>
public abstract record VersionedRule(DateOnly ValidFrom, string Citation, string? Note)
{
    public bool WordingVerified { get; init; }

    public string Source { get; init; } = "";
}
