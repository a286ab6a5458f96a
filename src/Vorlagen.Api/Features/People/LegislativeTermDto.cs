namespace Vorlagen.Api.Features.People;

/// <summary>A Wahlperiode of a body (OParl LegislativeTerm).</summary>
public sealed record LegislativeTermDto
{
    public const string SelectColumnsSql =
        "SELECT t.id AS Id, t.body_id AS BodyId, t.name AS Name, t.start_date AS StartDate, t.end_date AS EndDate, t.version AS Version, " +
        "t.updated_by AS UpdatedBy FROM legislative_terms t";

    public long Id { get; init; }
    public long BodyId { get; init; }
    public string Name { get; init; } = "";
    public string StartDate { get; init; } = "";
    public string EndDate { get; init; } = "";
    public int Version { get; init; }
    public string? UpdatedBy { get; init; }

    [System.Text.Json.Serialization.JsonIgnore] public DateOnly Start => DateOnly.ParseExact(StartDate, "yyyy-MM-dd");
    [System.Text.Json.Serialization.JsonIgnore] public DateOnly End => DateOnly.ParseExact(EndDate, "yyyy-MM-dd");
}
