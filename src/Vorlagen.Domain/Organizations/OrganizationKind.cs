namespace Vorlagen.Domain.Organizations;

/// <summary>A kind of Gremium; <see cref="MayDecide"/> is false for bodies that only advise.</summary>
public sealed record OrganizationKind(string Code, string Label, bool MayDecide);
