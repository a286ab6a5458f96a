namespace Vorlagen.Domain.Voting;

/// <summary>Catalogue of consultation outcomes with German labels.</summary>
public static class Outcomes
{
    public const string Recommended = "recommended";
    public const string NotRecommended = "not_recommended";
    public const string Adopted = "adopted";
    public const string AdoptedAmended = "adopted_amended";
    public const string Rejected = "rejected";
    public const string NoRecommendation = "no_recommendation";
    public const string Noted = "noted";
    public const string Postponed = "postponed";
    public const string Deferred = "deferred";
    public const string RemovedFromAgenda = "removed_from_agenda";
    public const string Referred = "referred";
    public const string HandedToKreistag = "handed_to_kreistag";

    private static readonly string[] Preparing = [ConsultationRoles.Vorberatend];
    private static readonly string[] Deciding = [ConsultationRoles.Beschliessend];
    private static readonly string[] Noting = [ConsultationRoles.Kenntnisnahme];
    private static readonly string[] AnyRole = [.. ConsultationRoles.All.Select(r => r.Code)];

    public static IReadOnlyList<Outcome> All { get; } =
    [
        new(Recommended, "empfohlen", true, Preparing, TallyExpectation.MajorityReached),
        new(NotRecommended, "nicht empfohlen", true, Preparing, TallyExpectation.MajorityNotReached),
        new(Adopted, "beschlossen", true, Deciding, TallyExpectation.MajorityReached),
        new(AdoptedAmended, "geändert beschlossen", true, Deciding, TallyExpectation.MajorityReached),
        new(Rejected, "abgelehnt", true, Deciding, TallyExpectation.MajorityNotReached),
        new(NoRecommendation, "ohne Empfehlung", false, Preparing, TallyExpectation.None),
        new(Noted, "zur Kenntnis genommen", false, Noting, TallyExpectation.None),
        // A vote on a procedural motion passes it: "mehrheitlich vertagt" means the majority was reached.
        new(Postponed, "vertagt", false, AnyRole, TallyExpectation.MajorityReached, OptionalTally: true),
        new(Deferred, "zurückgestellt", false, AnyRole, TallyExpectation.MajorityReached, OptionalTally: true),
        new(RemovedFromAgenda, "von der Tagesordnung abgesetzt", false, AnyRole, TallyExpectation.MajorityReached, OptionalTally: true),
        new(Referred, "verwiesen", false, AnyRole, TallyExpectation.MajorityReached, OptionalTally: true),
        new(HandedToKreistag, "wegen Befangenheit nicht beschlussfähig – der Kreistag entscheidet", true, Deciding, TallyExpectation.NotQuorateByRecusal),
    ];

    public static Outcome? Find(string? code) => All.FirstOrDefault(o => o.Code == code);

    /// <summary>Outcomes a consultation with role <paramref name="roleCode"/> may record.</summary>
    public static IReadOnlyList<Outcome> ForRole(string roleCode) => [.. All.Where(o => o.AllowedFor(roleCode))];
}
