namespace Vorlagen.Domain.Organizations;

/// <summary>
/// A kind of organization; <see cref="MayDecide"/> is false for bodies that only advise, <see cref="Deliberates"/>
/// false for Fraktionen and Gruppen, which have members but never deliberate a Vorlage in a Beratungsfolge.
/// </summary>
public sealed record OrganizationKind(string Code, string Label, bool MayDecide, bool Deliberates = true);
