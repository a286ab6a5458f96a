using System.Text;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>The text of an Einladung or Nachtrag mail: Gremium, day, time, place and the Tagesordnung with item and paper numbers.</summary>
public static class InvitationText
{
    public static string Render(MeetingDto meeting, bool supplement, string? urgencyReason)
    {
        var text = new StringBuilder();
        text.AppendLine(supplement ? $"Nachtrag zur Einladung zur Sitzung: {meeting.OrganizationName}" : $"Einladung zur Sitzung: {meeting.OrganizationName}");
        if (meeting.Number is not null) text.AppendLine($"Sitzung {meeting.Number}");
        text.AppendLine($"am {DayText(meeting.Date)}{(meeting.StartTime is null ? "" : $", {meeting.StartTime} Uhr")}");
        var place = string.Join(", ", new[] { meeting.Room, meeting.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (place.Length > 0) text.AppendLine($"Ort: {place}");
        if (urgencyReason is not null) text.AppendLine($"Eilfall – Begründung der Dringlichkeit: {urgencyReason}");
        text.AppendLine();
        text.AppendLine(supplement ? "Die Tagesordnung wird ergänzt um:" : "Tagesordnung:");
        var publicPart = true;
        foreach (var item in meeting.AgendaItems.Where(i => !supplement || i.Supplement))
        {
            if (publicPart && !item.Public) text.AppendLine().AppendLine("Nichtöffentlicher Teil");
            publicPart = item.Public;
            text.AppendLine($"{item.Number}  {item.Title}{(item.PaperReference is null ? "" : $" (Vorlage {item.PaperReference})")}");
        }
        return text.ToString();
    }

    private static readonly string[] Weekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];

    /// <summary>"Mittwoch, 31.03.2021".</summary>
    public static string DayText(DateOnly date) => $"{Weekdays[(int)date.DayOfWeek]}, {date:dd.MM.yyyy}";
}
