using System.Text.Json.Serialization;
using Vorlagen.Api.Features.Organizations;

namespace Vorlagen.Api.Features.Bodies;

/// <summary>A Landkreis as the API shows it; the list omits organizations and templates.</summary>
public sealed record BodyDto
{
    public const string SelectColumnsSql =
        "SELECT b.id AS Id, b.body_key AS BodyKey, b.name AS Name, b.short_name AS ShortName, b.state AS State, " +
        "b.rule_profile AS RuleProfile, b.reference_pattern AS ReferencePattern, b.website AS Website, b.seat AS Seat, b.finance_fields AS FinanceFieldsJson, b.version AS Version FROM bodies b";

    public long Id { get; init; }
    public string BodyKey { get; init; } = "";
    public string Name { get; init; } = "";
    public string ShortName { get; init; } = "";
    public string State { get; init; } = "";
    public string RuleProfile { get; init; } = "";
    public string ReferencePattern { get; init; } = "";
    public string? Website { get; init; }
    /// <summary>Kreissitz, the place in the signature line of a decision; null if not configured.</summary>
    public string? Seat { get; init; }
    public int Version { get; init; }
    [JsonIgnore]
    public string? FinanceFieldsJson { get; init; }
    /// <summary>The body's "Finanzielle Auswirkungen" fields (detail only): what a paper's <c>financialImpact</c> may hold.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FinanceBlock? Finance { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OrganizationDto>? Organizations { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConsultationTemplateDto>? ConsultationTemplates { get; init; }
}
