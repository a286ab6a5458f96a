using System.Globalization;
using Vorlagen.Domain.Organizations;

namespace Vorlagen.Api.Features.People;

/// <summary>One line of a member list as text, and what it means: the person's name parts, Gremium, Fraktion, role, dates and Wahlperiode.</summary>
public sealed record ImportRow(string Name, string Fraktion, string Gremium, string Role, string From, string To)
{
    public sealed record Parsed(PersonInput Person, long OrganizationId, long? FraktionId, long TermId, string Role, string? DeputyForName, DateOnly From, DateOnly? To);

    private static readonly string[] Titles = ["Dr.", "Prof.", "Prof. Dr.", "Dipl.-Ing."];
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>Reports each problem by field through <paramref name="fail"/>; null when the line cannot be used.</summary>
    public Parsed? Parse(IReadOnlyList<(long Id, string Name, string ShortName, string Kind)> organizations, IReadOnlyList<LegislativeTermDto> terms,
        Action<string, string> fail)
    {
        var person = ParseName(Name);
        if (person is null) fail("name", "Der Name fehlt.");
        (long Id, string Name, string ShortName, string Kind)? Find(string text) => organizations.FirstOrDefault(o =>
            o.Name.Equals(text, StringComparison.OrdinalIgnoreCase) || o.ShortName.Equals(text, StringComparison.OrdinalIgnoreCase)) is { Id: > 0 } found ? found : null;
        var gremium = Gremium.Length == 0 ? null : Find(Gremium);
        if (Gremium.Length == 0) fail("gremium", "Das Gremium fehlt.");
        else if (gremium is null || OrganizationKinds.Find(gremium.Value.Kind)?.Deliberates == false)
            fail("gremium", $"Ein Gremium „{Gremium}“ gibt es in dieser Körperschaft nicht.");
        var fraktion = Fraktion.Length == 0 ? null : Find(Fraktion);
        if (Fraktion.Length > 0 && (fraktion is null || OrganizationKinds.Find(fraktion.Value.Kind)?.Deliberates != false))
            fail("fraktion", $"Eine Fraktion oder Gruppe „{Fraktion}“ gibt es in dieser Körperschaft nicht.");
        var (role, deputyFor) = ParseRole(Role);
        if (role is null) fail("role", $"Unbekannte Rolle „{Role}“. Erlaubt: Mitglied, Vorsitz, stellv. Vorsitz, sachkundige/r Einwohner/in, Stellvertretung für <Name>.");
        var from = ParseDate(From);
        if (from is null) fail("from", From.Length == 0 ? "Das Datum „von“ fehlt." : $"„{From}“ ist kein Datum (TT.MM.JJJJ).");
        DateOnly? to = null;
        if (To.Length > 0 && (to = ParseDate(To)) is null) fail("to", $"„{To}“ ist kein Datum (TT.MM.JJJJ).");
        var term = from is { } f ? terms.FirstOrDefault(t => t.Start <= f && t.End >= f) : null;
        if (from is not null && term is null) fail("from", $"Am {from:dd.MM.yyyy} gibt es keine Wahlperiode; legen Sie sie zuerst an.");
        if (person is null || gremium is null || role is null || from is null || term is null || (Fraktion.Length > 0 && fraktion is null)) return null;
        return new Parsed(person, gremium.Value.Id, fraktion?.Id, term.Id, role, deputyFor, from.Value, to);
    }

    /// <summary>"Dr. Ulrike Kahl" or "Kahl, Ulrike" (the comma form for multi-word family names).</summary>
    private static PersonInput? ParseName(string name)
    {
        var text = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) return null;
        var title = Titles.OrderByDescending(t => t.Length).FirstOrDefault(t => text.StartsWith(t + " ", StringComparison.Ordinal));
        if (title is not null) text = text[(title.Length + 1)..];
        string family, given;
        if (text.Contains(','))
        {
            var parts = text.Split(',', 2, StringSplitOptions.TrimEntries);
            (family, given) = (parts[0], parts[1]);
        }
        else
        {
            var last = text.LastIndexOf(' ');
            (family, given) = last < 0 ? (text, "") : (text[(last + 1)..], text[..last]);
        }
        return new PersonInput(title, given.Length == 0 ? null : given, family, null, null, null, null, null, "active", null);
    }

    private static (string? Role, string? DeputyFor) ParseRole(string text)
    {
        var t = text.Trim().ToLower(CultureInfo.GetCultureInfo("de-DE"));
        foreach (var prefix in new[] { "stellvertretung für ", "stellvertreter für ", "stellvertreterin für ", "stellvertreter von ", "stellvertreterin von " })
            if (t.StartsWith(prefix, StringComparison.Ordinal)) return (MembershipRoles.Stellvertretung, text.Trim()[prefix.Length..].Trim());
        return (t switch
        {
            "" or "mitglied" or "kreisrat" or "kreisrätin" => MembershipRoles.Mitglied,
            "vorsitz" or "vorsitzende" or "vorsitzender" => MembershipRoles.Vorsitz,
            "stellv. vorsitz" or "stellvertretender vorsitz" or "stellvertretende vorsitzende" or "stellvertretender vorsitzender" => MembershipRoles.StellvVorsitz,
            "beratend" or "beratendes mitglied" or "sachkundige einwohnerin" or "sachkundiger einwohner" => MembershipRoles.Beratend,
            "stellvertretung" or "stellvertreter" or "stellvertreterin" => MembershipRoles.Stellvertretung,
            _ when MembershipRoles.All.Contains(t) => t,
            _ => null,
        }, null);
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
