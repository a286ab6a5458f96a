namespace Vorlagen.Api.Features.Bodies;

/// <summary>One step of a body's default Beratungsfolge for a paper type.</summary>
public sealed record ConsultationTemplateDto
{
    public string PaperType { get; init; } = "";
    public int Position { get; init; }
    public long OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public string Role { get; init; } = "";
    public bool Public { get; init; }
}
