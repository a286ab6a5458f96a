using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>The membership form; dates as text so a typo gets a German message; voting right "" = as the role has it.</summary>
public sealed class MembershipForm
{
    public long OrganizationId { get; set; }
    public long LegislativeTermId { get; set; }
    public string? Role { get; set; } = MembershipRoles.Mitglied;
    public string? VotingRight { get; set; }
    public bool Statutory { get; set; }
    public long? DeputyForId { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public bool Public { get; set; } = true;
    public int? Version { get; set; }

    public MembershipInput? Input(long personId, ModelStateDictionary modelState)
    {
        var start = FormValues.Date(StartDate, modelState, "Membership.StartDate", "Beginn");
        var end = FormValues.Date(EndDate, modelState, "Membership.EndDate", "Ende");
        if (modelState.ErrorCount > 0) return null;
        return new MembershipInput(personId, OrganizationId, LegislativeTermId, Role, VotingRight switch { "true" => true, "false" => false, _ => null },
            Statutory, DeputyForId, start, end, Public);
    }

    public static MembershipForm From(MembershipDto m) => new()
    {
        OrganizationId = m.OrganizationId, LegislativeTermId = m.LegislativeTermId, Role = m.Role, VotingRight = m.VotingRight ? "true" : "false",
        Statutory = m.Statutory, DeputyForId = m.DeputyForId, StartDate = Format.Iso(m.StartDate), EndDate = m.EndDate is { } e ? Format.Iso(e) : null,
        Public = m.Public, Version = m.Version,
    };
}
