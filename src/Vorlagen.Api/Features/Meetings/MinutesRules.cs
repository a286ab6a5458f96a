using System.Text.Json;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The Niederschrift per rule profile, from <c>workflows/meetings/niederschrift.json</c>, read once: who signs the paper original,
/// when it is due at the Gremium, and the citations of publication and Bekanntgabe. A missing or malformed file stops start-up.
/// </summary>
public sealed class MinutesRules
{
    public sealed record Signatures(string Citation, bool Chair, int Members, bool MembersMustHaveAttended, bool Secretary,
        bool ElectronicFormExcluded, string? ElectronicCitation, bool WordingVerified, string Source, string? Note);
    public sealed record Notice(string Citation, string? Period, bool AtLatestNextSession, bool WordingVerified, string Source, string? Note)
    {
        /// <summary>Months of the period ("P1M"), or null without a period.</summary>
        public int? Months => Period is { } p && p.StartsWith('P') && p.EndsWith('M') && int.TryParse(p[1..^1], out var m) ? m : null;
    }
    public sealed record Version(DateOnly ValidFrom, Signatures Signatures, Notice Notice, CitationData? Publication, CitationData? Announcement);
    public sealed record CitationData(string Citation, bool WordingVerified, string Source, string? Note);
    private sealed record FileData(Dictionary<string, List<Version>> Profiles);

    public const string FileName = "niederschrift.json";
    private readonly Dictionary<string, List<Version>> _profiles;
    private readonly MeetingRules _meetingRules;

    public MinutesRules(ContentPaths paths, MeetingRules meetingRules)
    {
        _meetingRules = meetingRules;
        var file = Path.Combine(paths.Workflows, "meetings", FileName);
        var data = JsonSerializer.Deserialize<FileData>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{file} is empty.");
        _profiles = data.Profiles.ToDictionary(p => p.Key, p => p.Value.OrderBy(v => v.ValidFrom).ToList());
        foreach (var (profile, versions) in _profiles)
            foreach (var v in versions)
                if (v.Signatures is null || string.IsNullOrWhiteSpace(v.Signatures.Citation) || string.IsNullOrWhiteSpace(v.Signatures.Source)
                    || v.Notice is null || string.IsNullOrWhiteSpace(v.Notice.Citation) || string.IsNullOrWhiteSpace(v.Notice.Source))
                    throw new InvalidOperationException($"{file}: {profile} {v.ValidFrom:yyyy-MM-dd} needs signatures and notice with citation and source.");
    }

    /// <summary>When a defective invitation is cured (rule data of <see cref="MeetingRules"/>), for the Niederschrift.</summary>
    public MeetingRules.CureRule? Cure(string profile, DateOnly date) => _meetingRules.Cure(profile, date);

    /// <summary>The rules of <paramref name="profile"/> in force on <paramref name="date"/>.</summary>

    public Version At(string profile, DateOnly date) =>
        (_profiles.TryGetValue(profile, out var versions) ? versions.LastOrDefault(v => v.ValidFrom <= date) : null)
        ?? throw new InvalidOperationException($"No Niederschrift rules for rule profile '{profile}' on {date:yyyy-MM-dd} in workflows/meetings/{FileName}.");

    /// <summary>
    /// When the Niederschrift must be brought to the Gremium's notice: the period after the session day, or the next session if that
    /// is earlier (Sachsen § 36 Abs. 2 Satz 2: „innerhalb eines Monats, spätestens jedoch zur nächsten Sitzung“).
    /// </summary>
    public static DateOnly? NoticeDue(Notice rule, DateOnly sessionDay, DateOnly? nextSession)
    {
        DateOnly? byPeriod = rule.Months is { } months ? sessionDay.AddMonths(months) : null;
        DateOnly? byNext = rule.AtLatestNextSession ? nextSession : null;
        return byPeriod is { } a && byNext is { } b ? (a < b ? a : b) : byPeriod ?? byNext;
    }
}
