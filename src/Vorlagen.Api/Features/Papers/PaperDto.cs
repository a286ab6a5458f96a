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
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    string PaperTypeLabel = "", System.Text.Json.Nodes.JsonObject? Fields = null, IReadOnlyList<PaperDeadlineDto>? Deadlines = null,
    IReadOnlyList<RelatedPaperDto>? RelatedPapers = null);

/// <summary>
/// A paper linked with this one (<see cref="PaperReferences"/>): <see cref="Direction"/> <c>references</c> (this paper names it,
/// <see cref="Label"/> is the field's label) or <c>referencedBy</c> (it names this paper, e.g. an Ergänzungsvorlage).
/// </summary>
public sealed record RelatedPaperDto(long Id, string Reference, string Title, string PaperTypeLabel, string Direction, string? Label)
{
    public const string References = "references";
    public const string ReferencedBy = "referencedBy";
}

/// <summary>
/// A deadline the paper's type runs (e.g. the answer period of an Anfrage): <see cref="Due"/> null when no rule or body
/// setting gives a period (then <see cref="Note"/> says so); <see cref="Source"/> is <c>rule</c>, <c>body</c> or <c>extended</c>.
/// </summary>
public sealed record PaperDeadlineDto(string Code, string Label, DateOnly From, DateOnly? Due, string? Period, string? Citation,
    DateOnly? ValidFrom, bool WordingVerified, bool IsDefault, string Source, bool Overdue, bool DueSoon, string? Note);

/// <summary>A Vorlage in lists: no long texts; <see cref="Version"/> null as in <see cref="PaperDto"/>.</summary>
public sealed record PaperSummaryDto(
    long Id, long BodyId, string Reference, string PaperType, string Title, DateOnly Date, string Originator, bool Public,
    string Status, string StatusLabel, int? Version, string PaperTypeLabel = "",
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    SearchSnippet? Snippet = null);

/// <summary>
/// Where a search (<c>q</c>) matched: the field (<c>title</c>, <c>reference</c>, <c>originator</c>, <c>legalBasis</c>,
/// <c>consultedWith</c>, <c>proposal</c>, <c>reasoning</c>, <c>result</c>, <c>file</c>) with a German label, an excerpt of
/// its text and the matched words in it (<see cref="SnippetMark.Start"/> and length in <see cref="Text"/>).
/// </summary>
public sealed record SearchSnippet(string Field, string Label, string Text, IReadOnlyList<SnippetMark> Marks);

public sealed record SnippetMark(int Start, int Length);
