namespace Vorlagen.Api.Features.Papers;

/// <summary>Dapper rows of the papers area (column aliases match property names).</summary>
public sealed record PaperRow
{
    public long Id { get; init; }
    public long BodyId { get; init; }
    public string Reference { get; init; } = "";
    public string PaperType { get; init; } = "";
    public string Title { get; init; } = "";
    public string PaperDate { get; init; } = "";
    public string Originator { get; init; } = "";
    public string? LegalBasis { get; init; }
    public string? ConsultedWith { get; init; }
    public string Proposal { get; init; } = "";
    public string Reasoning { get; init; } = "";
    public string? FinancialImpact { get; init; }
    public string? EffectiveDate { get; init; }
    public bool IsPublic { get; init; }
    public string Status { get; init; } = "";
    public string? SignedDate { get; init; }
    public string? ReleasedOn { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public int Version { get; init; }
    public string CreatedAt { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public string UpdatedBy { get; init; } = "";
    public string? Fields { get; init; }
    public long? RelatedPaperId { get; init; }
    public string? Relation { get; init; }
}

public sealed record ConsultationRow
{
    public long Id { get; init; }
    public long PaperId { get; init; }
    public int Position { get; init; }
    public long OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public string OrganizationKind { get; init; } = "";
    public bool OrganizationActive { get; init; }
    public string Role { get; init; } = "";
    public bool IsPublic { get; init; }
    public string? PlannedDate { get; init; }
    public string Status { get; init; } = "";
    public string? Outcome { get; init; }
    public string? ResultDate { get; init; }
    public string? Majority { get; init; }
    public int? VotesEntitled { get; init; }
    public int? VotesYes { get; init; }
    public int? VotesNo { get; init; }
    public int? VotesAbstain { get; init; }
    public int? VotesRecused { get; init; }
    public string? ResolutionText { get; init; }
    public long? ReferredToOrganizationId { get; init; }
    public string? ReferredToOrganizationName { get; init; }
    public string? RecordedBy { get; init; }
    public long? ObjectedConsultationId { get; init; }

    /// <summary>A non-public decision announced in a public session on this day (§ 33 Abs. 1 Satz 3 SächsLKrO): public from then on.</summary>
    public string? AnnouncedOn { get; init; }

    /// <summary>The Sitzung whose agenda holds this consultation (meetings area), and when that Sitzung was published.</summary>
    public long? MeetingId { get; init; }
    public string? MeetingPublishedAt { get; init; }
}
