using Vorlagen.Api.Features.Organizations;

namespace Vorlagen.Api.Pages.Verwaltung.Gremien;

/// <summary>The Gremium form; seats as text so a typo gets a German message.</summary>
public sealed class OrganizationForm
{
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? Kind { get; set; }
    public string? Seats { get; set; }
    public bool ChairVotes { get; set; } = true;
    public string? DefaultMajority { get; set; } = "simple";
    public bool Active { get; set; } = true;
    public int? Version { get; set; }

    public static OrganizationForm From(OrganizationDto o) => new()
    {
        Name = o.Name, ShortName = o.ShortName, Kind = o.Kind, Seats = o.Seats.ToString(), ChairVotes = o.ChairVotes,
        DefaultMajority = o.DefaultMajority, Active = o.Active, Version = o.Version,
    };
}
