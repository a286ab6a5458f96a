using System.Text.Json;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Meetings;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The Ladungsfrist per rule profile and the agenda template, from <c>workflows/meetings/ladungsfrist.json</c>, read once.
/// A missing or malformed file stops start-up.
/// </summary>
public sealed class MeetingRules
{
    public sealed record TemplateItem(string Key, string Title, bool Public);

    private sealed record ReceiptData(int DaysAfterSending, string Citation, bool WordingVerified, string Source, string? Note);
    private sealed record RuleData(DateOnly ValidFrom, string Citation, int? FullDays, int? UrgentDaysBefore, string UrgentCitation,
        bool WordingVerified, string Source, string? Note, Dictionary<string, ReceiptData> Receipt);
    private sealed record AgendaDeadlineData(DateOnly ValidFrom, string Citation, int Sessions, string Label, bool? WordingVerified, string? Source);
    private sealed record AgendaDeadlinesData(Dictionary<string, List<AgendaDeadlineData>> Profiles);
    private sealed record FileData(Dictionary<string, List<RuleData>> Profiles, List<TemplateItem> AgendaTemplate, AgendaDeadlinesData? AgendaDeadlines,
        AgendaDeadlinesData? InvitationDefectCure);

    /// <summary>When a defective invitation counts as cured (Sachsen § 35 Abs. 1 Satz 2 SächsLKrO).</summary>
    public sealed record CureRule(DateOnly ValidFrom, string Citation, string Label) : VersionedRule(ValidFrom, Citation, Label);

    /// <summary>An Antrag is on the agenda of the deciding Gremium at the latest in its <see cref="Sessions"/>-th session after receipt.</summary>
    public sealed record AgendaDeadlineRule(DateOnly ValidFrom, string Citation, int Sessions, string Label)
        : VersionedRule(ValidFrom, Citation, Label);

    public const string FileName = "ladungsfrist.json";
    private readonly Dictionary<string, RuleHistory<NoticeRule>> _profiles;
    private readonly Dictionary<string, RuleHistory<AgendaDeadlineRule>> _agendaDeadlines;
    private readonly Dictionary<string, RuleHistory<CureRule>> _cures;

    public MeetingRules(ContentPaths paths)
    {
        var file = Path.Combine(paths.Workflows, "meetings", FileName);
        var data = JsonSerializer.Deserialize<FileData>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{file} is empty.");
        _profiles = data.Profiles.ToDictionary(p => p.Key, p => new RuleHistory<NoticeRule>([.. p.Value.OrderBy(r => r.ValidFrom).Select(r =>
            new NoticeRule(r.ValidFrom, r.Citation, r.Note, r.FullDays, r.UrgentDaysBefore, r.UrgentCitation,
                r.Receipt.ToDictionary(c => c.Key, c => new ReceiptRule(c.Key, c.Value.DaysAfterSending, c.Value.Citation, c.Value.WordingVerified, c.Value.Source, c.Value.Note)))
            { WordingVerified = r.WordingVerified, Source = r.Source })]));
        Template = data.AgendaTemplate;
        if (Template.Count == 0 || Template.Select(t => t.Key).Distinct().Count() != Template.Count)
            throw new InvalidOperationException($"{file}: agendaTemplate needs items with distinct keys.");
        var deadlines = Checked(file, "agendaDeadlines", data.AgendaDeadlines, v => v.Sessions >= 1);
        var cures = Checked(file, "invitationDefectCure", data.InvitationDefectCure, _ => true);
        _cures = cures.ToDictionary(p => p.Key, p => new RuleHistory<CureRule>([.. p.Value.OrderBy(r => r.ValidFrom).Select(r =>
            new CureRule(r.ValidFrom, r.Citation, r.Label) { WordingVerified = r.WordingVerified!.Value, Source = r.Source! })]));
        _agendaDeadlines = deadlines.ToDictionary(p => p.Key, p => new RuleHistory<AgendaDeadlineRule>([.. p.Value.OrderBy(r => r.ValidFrom).Select(r =>
            new AgendaDeadlineRule(r.ValidFrom, r.Citation, r.Sessions, r.Label)
            { WordingVerified = r.WordingVerified!.Value, Source = r.Source! })]));
    }

    public IReadOnlyList<TemplateItem> Template { get; }

    private static Dictionary<string, List<AgendaDeadlineData>> Checked(string file, string name, AgendaDeadlinesData? data, Func<AgendaDeadlineData, bool> valid)
    {
        var profiles = data?.Profiles ?? throw new InvalidOperationException($"{file}: {name}.profiles is missing.");
        foreach (var (profile, versions) in profiles)
            foreach (var v in versions.Where(v => string.IsNullOrWhiteSpace(v.Citation) || v.ValidFrom == default || v.WordingVerified is null
                         || string.IsNullOrWhiteSpace(v.Source) || string.IsNullOrWhiteSpace(v.Label) || !valid(v)))
                throw new InvalidOperationException($"{file}: {name}.profiles.{profile} (validFrom {v.ValidFrom:yyyy-MM-dd}) needs citation, validFrom, " +
                    $"label, wordingVerified and source{(name == "agendaDeadlines" ? ", and sessions (at least 1)" : "")}.");
        return profiles;
    }

    /// <summary>When a defective invitation is cured under <paramref name="profile"/> on <paramref name="date"/>; null where the profile has no rule.</summary>
    public CureRule? Cure(string profile, DateOnly date) => _cures.TryGetValue(profile, out var history) ? history.At(date) : null;

    /// <summary>The agenda deadline of an Antrag received on <paramref name="date"/>; null where the profile has none (then nothing is flagged).</summary>
    public AgendaDeadlineRule? AgendaDeadline(string profile, DateOnly date) =>
        _agendaDeadlines.TryGetValue(profile, out var history) ? history.At(date) : null;

    /// <summary>The Ladungsfrist of <paramref name="profile"/> in force on <paramref name="date"/>.</summary>
    public NoticeRule NoticeRule(string profile, DateOnly date) =>
        (_profiles.TryGetValue(profile, out var history) ? history.At(date) : null)
        ?? throw new InvalidOperationException($"No Ladungsfrist for rule profile '{profile}' on {date:yyyy-MM-dd} in workflows/meetings/{FileName}.");
}
