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
    private sealed record FileData(Dictionary<string, List<RuleData>> Profiles, List<TemplateItem> AgendaTemplate);

    public const string FileName = "ladungsfrist.json";
    private readonly Dictionary<string, RuleHistory<NoticeRule>> _profiles;

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
    }

    public IReadOnlyList<TemplateItem> Template { get; }

    /// <summary>The Ladungsfrist of <paramref name="profile"/> in force on <paramref name="date"/>.</summary>
    public NoticeRule NoticeRule(string profile, DateOnly date) =>
        (_profiles.TryGetValue(profile, out var history) ? history.At(date) : null)
        ?? throw new InvalidOperationException($"No Ladungsfrist for rule profile '{profile}' on {date:yyyy-MM-dd} in workflows/meetings/{FileName}.");
}
