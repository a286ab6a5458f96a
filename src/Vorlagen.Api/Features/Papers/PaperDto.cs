using System.Text.Json.Nodes;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// A Vorlage as the API shows it to one caller (visibility and available actions depend on who asks).
/// For a caller who may not see the decision (status "decided") <see cref="Version"/>, <see cref="UpdatedAt"/>
/// and <see cref="UpdatedBy"/> are null: signing bumps them, and only an adopted paper can be signed.
/// </summary>
public sealed record PaperDto(
    long Id, long BodyId, string Reference, string PaperType, string Title, DateOnly Date, string Originator,
    string? LegalBasis, string? ConsultedWith, string Proposal, string Reasoning, JsonObject? FinancialImpact,
    DateOnly? EffectiveDate, bool Public, string Status, string StatusLabel, DateOnly? SignedDate, int? Version,
    IReadOnlyList<ConsultationDto> Consultations, IReadOnlyList<string> AvailableActions,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>A Vorlage in lists: no long texts; <see cref="Version"/> null as in <see cref="PaperDto"/>.</summary>
public sealed record PaperSummaryDto(
    long Id, long BodyId, string Reference, string PaperType, string Title, DateOnly Date, string Originator, bool Public,
    string Status, string StatusLabel, int? Version);
