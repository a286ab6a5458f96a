using Vorlagen.Api.Features.People;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>The person form; the user link as text so a typo gets a German message.</summary>
public sealed class PersonForm
{
    public string? Title { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? FormOfAddress { get; set; }
    public string? Gender { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? OfficeAddress { get; set; }
    public string? Status { get; set; } = "active";
    public long? UserId { get; set; }
    public int? Version { get; set; }

    public PersonInput Input => new(Title, GivenName, FamilyName, FormOfAddress, string.IsNullOrEmpty(Gender) ? null : Gender, Phone, Email, OfficeAddress, Status, UserId);

    public static PersonForm From(PersonDto p) => new()
    {
        Title = p.Title, GivenName = p.GivenName, FamilyName = p.FamilyName, FormOfAddress = p.FormOfAddress, Gender = p.Gender, Phone = p.Phone,
        Email = p.Email, OfficeAddress = p.OfficeAddress, Status = p.Status, UserId = p.UserId, Version = p.Version,
    };
}
