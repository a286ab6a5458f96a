using Vorlagen.Domain.Organizations;

namespace Vorlagen.Api.Features.Organizations;

/// <summary>A Gremium as the API shows it. Also the Dapper row (column aliases match the property names).</summary>
public sealed record OrganizationDto
{
    public const string SelectColumnsSql =
        "SELECT o.id AS Id, o.body_id AS BodyId, o.name AS Name, o.short_name AS ShortName, o.kind AS Kind, o.seats AS Seats, " +
        "o.chair_votes AS ChairVotes, o.default_majority AS DefaultMajority, o.active AS Active, o.version AS Version, o.updated_by AS UpdatedBy FROM organizations o";

    public long Id { get; init; }
    public long BodyId { get; init; }
    public string Name { get; init; } = "";
    public string ShortName { get; init; } = "";
    public string Kind { get; init; } = "";
    public string KindLabel => OrganizationKinds.Find(Kind)?.Label ?? Kind;
    public int Seats { get; init; }
    public bool ChairVotes { get; init; }
    public string DefaultMajority { get; init; } = "simple";
    public bool Active { get; init; }
    public int Version { get; init; }

    /// <summary>Who last changed the Gremium's settings (null for seeded ones).</summary>
    public string? UpdatedBy { get; init; }
}
