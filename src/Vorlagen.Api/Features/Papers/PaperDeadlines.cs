using System.Globalization;
using System.Text.Json.Nodes;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The deadlines a paper's type runs, computed from the body's rule profile (citation, valid-from, whether the wording
/// was verified), a body setting that overrides the period (e.g. the Geschäftsordnung: <c>paper_settings</c>
/// <c>{"deadlines": {"anfrage.answer": {"period": "P3W", "citation": "…"}}}</c>), and a date field that extends the day
/// (an interim reply's new date).
/// </summary>
public static class PaperDeadlines
{
    public static IReadOnlyList<PaperDeadlineDto> For(PaperTypeDescriptor type, PaperRow paper, RuleProfile profile, string? bodySettings, DateOnly today) =>
        [.. type.AllDeadlines.Select(d => Compute(type, d, paper, profile, bodySettings, today)).OfType<PaperDeadlineDto>()];

    private static PaperDeadlineDto? Compute(PaperTypeDescriptor type, PaperDeadlineDescriptor deadline, PaperRow paper, RuleProfile profile,
        string? bodySettings, DateOnly today)
    {
        if (PaperFields.DateOf(paper, deadline.From) is not { } from) return null;
        var open = deadline.WhileStatus.Contains(paper.Status);
        DateOnly? due = null;
        string? period = null, citation = null, note = null;
        DateOnly? validFrom = null;
        bool verified = false, isDefault = false;
        var source = "rule";
        var setting = (PaperFields.Parse(bodySettings)?["deadlines"] as JsonObject)?[$"{type.Code}.{deadline.Code}"] as JsonObject;
        if (setting?["period"] is JsonValue text && RulePeriod.TryParse(text.GetValue<string>(), out var bodyPeriod))
        {
            due = bodyPeriod!.EndFrom(from);
            period = bodyPeriod.GermanText;
            citation = setting["citation"]?.GetValue<string>() ?? "Geschäftsordnung des Kreistags";
            source = "body";
        }
        else if (profile.Find(deadline.Rule, from) is PeriodRule rule)
        {
            due = rule.Period.EndFrom(from);
            period = rule.Period.GermanText;
            citation = rule.Citation;
            validFrom = rule.ValidFrom;
            verified = rule.WordingVerified;
            isDefault = rule.IsDefault;
            if (rule.IsDefault) note = "Die Frist gilt „grundsätzlich“; die Geschäftsordnung kann Näheres bestimmen.";
        }
        else
        {
            note = $"Für den {from:dd.MM.yyyy} bestimmt das Landesrecht ({profile.Law}) keine Frist; die Körperschaft kann eine in ihren Einstellungen " +
                   "hinterlegen (Geschäftsordnung).";
        }
        if (PaperFields.DateOf(paper, deadline.ExtendedBy ?? "") is { } extended)
        {
            due = extended;
            source = "extended";
            note = $"Zwischennachricht: Antwort zugesagt bis {extended:dd.MM.yyyy}." + (citation is null ? "" : $" Gesetzliche Frist: {citation}.");
        }
        var overdue = open && due is { } d && today > d;
        var soon = open && !overdue && due is { } s && s.DayNumber - today.DayNumber <= deadline.DueSoonDays;
        return new PaperDeadlineDto(deadline.Code, deadline.Label, from, due, period, citation, validFrom, verified, isDefault, source, overdue, soon, note);
    }

    public static string Text(PaperDeadlineDto d) =>
        d.Due is { } due ? $"{d.Label}: {due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}" + (d.Citation is null ? "" : $" ({d.Citation})") : $"{d.Label}: keine";
}
