using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Resolves and checks a drafted Beratungsfolge by the type's rule: the body's template when none is given; for
/// <c>decidingLast</c> exactly one beschließend consultation and it is the last, for <c>notingOnly</c> Kenntnisnahme
/// only, for <c>none</c> no consultation; every Gremium belongs to the paper's body, is active and, where it decides, may decide.
/// </summary>
public sealed class Beratungsfolge(DbSession db)
{
    public const string TemplateSql =
        "SELECT organization_id AS OrganizationId, role AS Role, is_public AS IsPublic FROM consultation_templates " +
        "WHERE body_id = @BodyId AND paper_type = @PaperType ORDER BY position";
    public const string OrganizationsOfBodySql = OrganizationDto.SelectColumnsSql + " WHERE o.body_id = @BodyId";

    private sealed record TemplateRow
    {
        public long OrganizationId { get; init; }
        public string Role { get; init; } = "";
        public bool IsPublic { get; init; }
    }

    public async Task<IReadOnlyList<ConsultationInput>> ResolveAsync(long bodyId, PaperTypeDescriptor type, bool paperPublic,
        IReadOnlyList<ConsultationInput>? drafted, CancellationToken cancellationToken)
    {
        if (type.Beratungsfolge == BeratungsfolgeRules.None)
            return drafted is { Count: > 0 }
                ? throw new ValidationException([new ValidationFailure("consultations", $"Eine {type.Label} hat keine Beratungsfolge.")])
                : [];
        var connection = await db.ConnectionAsync(cancellationToken);
        var steps = drafted is { Count: > 0 }
            ? drafted.Select(c => c with { Public = c.Public ?? paperPublic }).ToList()
            : (await connection.QueryAsync<TemplateRow>(new CommandDefinition(TemplateSql, new { BodyId = bodyId, PaperType = type.TemplateKey },
                    db.Transaction, cancellationToken: cancellationToken)))
                .Select(t => new ConsultationInput(t.OrganizationId, t.Role, t.IsPublic && paperPublic, null)).ToList();
        var organizations = (await connection.QueryAsync<OrganizationDto>(new CommandDefinition(OrganizationsOfBodySql, new { BodyId = bodyId },
            db.Transaction, cancellationToken: cancellationToken))).ToDictionary(o => o.Id);

        var failures = Check(type, steps, organizations).Concat(CheckPublicAndDates(steps, paperPublic)).ToList();
        if (failures.Count > 0) throw new ValidationException(failures);
        return steps;
    }

    /// <summary>
    /// Before submit and release: a Gremium deactivated since drafting cannot deliberate any more, so the
    /// Beratungsfolge must be corrected first (409; the clerk edits the draft, the Landrat returns it).
    /// </summary>
    public static void RequireActive(PaperReader.Loaded paper)
    {
        var inactive = paper.Consultations.Where(c => c.Status == ConsultationStatuses.Pending && !c.OrganizationActive)
            .Select(c => $"„{c.OrganizationName}“").Distinct().ToList();
        if (inactive.Count > 0)
            throw new ConflictException("inactive_organization",
                $"Die Beratungsfolge enthält Gremien, die nicht mehr aktiv sind: {string.Join(", ", inactive)}. Bitte passen Sie die Beratungsfolge an " +
                "(im Entwurf bearbeiten; eine eingereichte Vorlage gibt der Landrat dazu zurück).");
    }

    /// <summary>A non-public paper is deliberated only in non-public sessions; planned sessions follow the Beratungsfolge in time.</summary>
    private static IEnumerable<ValidationFailure> CheckPublicAndDates(IReadOnlyList<ConsultationInput> steps, bool paperPublic)
    {
        DateOnly? previous = null;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!paperPublic && steps[i].Public == true)
                yield return new ValidationFailure($"consultations[{i}].public",
                    $"Beratung {i + 1}: Eine nichtöffentliche Vorlage wird nur nichtöffentlich beraten.");
            if (steps[i].PlannedDate is not { } planned) continue;
            if (previous is { } before && planned < before)
                yield return new ValidationFailure($"consultations[{i}].plannedDate",
                    $"Beratung {i + 1}: Der Termin liegt vor dem der vorigen Beratung ({before:dd.MM.yyyy}); die Beratungsfolge ist zeitlich geordnet.");
            previous = planned;
        }
    }

    private static IEnumerable<ValidationFailure> Check(PaperTypeDescriptor type, IReadOnlyList<ConsultationInput> steps, IReadOnlyDictionary<long, OrganizationDto> organizations)
    {
        if (steps.Count == 0)
        {
            yield return new ValidationFailure("consultations", "Die Beratungsfolge ist leer und für diese Vorlagenart gibt es keine Vorlage-Beratungsfolge.");
            yield break;
        }
        var deciding = steps.Select((s, i) => (s, i)).Where(x => x.s.Role == ConsultationRoles.Beschliessend).ToList();
        if (type.Beratungsfolge == BeratungsfolgeRules.NotingOnly)
        {
            if (steps.Any(s => s.Role != ConsultationRoles.Kenntnisnahme))
                yield return new ValidationFailure("consultations", $"Eine {type.Label} wird nur zur Kenntnisnahme beraten (Rolle kenntnisnahme).");
        }
        else if (deciding.Count != 1)
            yield return new ValidationFailure("consultations", $"Die Beratungsfolge braucht genau eine beschließende Beratung (gefunden: {deciding.Count}).");
        else if (deciding[0].i != steps.Count - 1)
            yield return new ValidationFailure("consultations", "Die beschließende Beratung muss die letzte der Beratungsfolge sein.");

        for (var i = 0; i < steps.Count; i++)
        {
            if (!organizations.TryGetValue(steps[i].OrganizationId, out var organization))
                yield return new ValidationFailure($"consultations[{i}].organizationId", "Dieses Gremium gehört nicht zur Körperschaft der Vorlage.");
            else if (OrganizationKinds.Find(organization.Kind)?.Deliberates == false)
                yield return new ValidationFailure($"consultations[{i}].organizationId", $"„{organization.Name}“ ist eine Fraktion oder Gruppe und berät keine Vorlagen.");
            else if (!organization.Active)
                yield return new ValidationFailure($"consultations[{i}].organizationId", $"Das Gremium „{organization.Name}“ ist nicht mehr aktiv.");
            else if (steps[i].Role == ConsultationRoles.Beschliessend && OrganizationKinds.Find(organization.Kind)?.MayDecide != true)
                yield return new ValidationFailure($"consultations[{i}].role", $"Das Gremium „{organization.Name}“ berät nur und kann nicht beschließen.");
        }
    }
}
