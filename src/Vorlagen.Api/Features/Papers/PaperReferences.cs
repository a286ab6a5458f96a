using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// A paper that names another through a field of kind <c>paper</c> (an Ergänzungs- or Austauschvorlage names the released
/// paper it amends or replaces): the named paper must be one the caller sees, of the same body, and released; the link is
/// stored in <c>related_paper_id</c> so both papers show it (<see cref="PaperReader"/>), each only to callers who may see the other.
/// </summary>
public sealed class PaperReferences(DbSession db, PaperReader reader)
{
    public const string SetSql = "UPDATE papers SET related_paper_id = @RelatedId, relation = @Relation WHERE id = @Id";

    /// <summary>Checks the paper fields of a drafted paper and stores the link (or clears it).</summary>
    public async Task LinkAsync(long paperId, long bodyId, PaperTypeDescriptor type, JsonObject? fields, CancellationToken cancellationToken)
    {
        long? relatedId = null;
        string? relation = null;
        foreach (var field in type.Fields.Where(f => f.Kind == PaperFieldKinds.Paper))
        {
            if (fields?[field.Name] is not JsonValue value || !value.TryGetValue<long>(out var id)) continue;
            var problem = id == paperId ? "Eine Vorlage kann sich nicht auf sich selbst beziehen." : await ProblemAsync(id, bodyId, cancellationToken);
            if (problem is not null) throw new ValidationException([new ValidationFailure($"fields.{field.Name}", $"{field.Label}: {problem}")]);
            relatedId ??= id;
            relation ??= field.Name;
        }
        await db.Connection.ExecuteAsync(new CommandDefinition(SetSql, new { Id = paperId, RelatedId = relatedId, Relation = relation },
            db.Transaction, cancellationToken: cancellationToken));
    }

    private async Task<string?> ProblemAsync(long id, long bodyId, CancellationToken cancellationToken)
    {
        PaperRow named;
        try
        {
            named = (await reader.LoadVisibleAsync(id, cancellationToken)).Paper;
        }
        catch (NotFoundException)
        {
            return $"Es gibt keine Vorlage mit der Nummer (ID) {id}, die Sie sehen dürfen.";
        }
        if (named.BodyId != bodyId) return $"Die Vorlage {named.Reference} gehört zu einer anderen Körperschaft.";
        if (named.ReleasedOn is null) return $"Die Vorlage {named.Reference} ist noch nicht freigegeben; ergänzt oder ersetzt werden kann nur eine freigegebene Vorlage.";
        return null;
    }
}
