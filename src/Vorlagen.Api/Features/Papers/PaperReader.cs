using System.Globalization;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Loads a paper as one caller may see it: invisible papers are "not found" (their existence does
/// not leak), non-public consultations are reduced to Gremium, date and "nichtöffentlich".
/// </summary>
public sealed class PaperReader(DbSession db, Caller caller, PaperWorkflow workflow, Infrastructure.PaperTypes.PaperTypeCatalog types,
    RuleProfiles profiles, TimeProvider clock)
{
    public sealed record Loaded(PaperRow Paper, IReadOnlyList<ConsultationRow> Consultations);

    /// <summary>The raw rows, if the caller may see the paper; 404 otherwise.</summary>
    public async Task<Loaded> LoadVisibleAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var paper = await connection.QuerySingleOrDefaultAsync<PaperRow>(new CommandDefinition(PaperSql.PaperByIdSql, new { Id = id },
            db.Transaction, cancellationToken: cancellationToken));
        var consultations = paper is null ? [] : (await connection.QueryAsync<ConsultationRow>(new CommandDefinition(
            PaperSql.ConsultationsOfPaperSql, new { Id = id }, db.Transaction, cancellationToken: cancellationToken))).ToList();
        if (paper is null || !PaperAccess.CanSee(caller, paper, consultations)) throw new NotFoundException("Vorlage", id);
        return new Loaded(paper, consultations);
    }

    public async Task<PaperDto> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var loaded = await LoadVisibleAsync(id, cancellationToken);
        var actions = await workflow.AvailableActionsAsync(loaded, caller, cancellationToken);
        return ToDto(loaded, actions, await DeadlinesAsync(loaded.Paper, cancellationToken)) with
        {
            RelatedPapers = await RelatedAsync(loaded.Paper, cancellationToken),
        };
    }

    /// <summary>
    /// Many papers as <see cref="ReadAsync"/> reads one, in three queries however many there are: <paramref name="papersSql"/>
    /// selects <see cref="PaperRow"/> columns (those left out stay empty), <paramref name="consultationsSql"/> their consultations (both filtered by
    /// <see cref="PaperSql.VisibleFilter"/> with <see cref="PaperAccess.FilterArgs"/> in <paramref name="args"/>), then all open bookmarks.
    /// </summary>
    public async Task<IReadOnlyList<PaperDto>> ReadManyAsync(string papersSql, string consultationsSql, object args, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var papers = (await connection.QueryAsync<PaperRow>(new CommandDefinition(papersSql, args, db.Transaction, cancellationToken: cancellationToken))).ToList();
        if (papers.Count == 0) return [];
        var consultations = (await connection.QueryAsync<ConsultationRow>(new CommandDefinition(consultationsSql, args, db.Transaction,
            cancellationToken: cancellationToken))).ToLookup(c => c.PaperId);
        var loaded = papers.Select(p => new Loaded(p, [.. consultations[p.Id].OrderBy(c => c.Position)]))
            .Where(l => PaperAccess.CanSee(caller, l.Paper, l.Consultations)).ToList();
        var bookmarks = await workflow.OpenBookmarksAsync(loaded.Select(l => l.Paper.Id).ToList(), cancellationToken);
        var dtos = new List<PaperDto>(loaded.Count);
        foreach (var l in loaded)
            dtos.Add(ToDto(l, PaperWorkflow.AvailableActions(l, bookmarks[PaperWorkflow.CorrelationId(l.Paper.Id)], caller),
                await DeadlinesAsync(l.Paper, cancellationToken)));
        return dtos;
    }

    private sealed record ReferencingRow(long Id, string Reference, string Title, string PaperType);

    /// <summary>The papers linked with this one (<see cref="PaperReferences"/>), both ways, as far as the caller may see them.</summary>
    private async Task<IReadOnlyList<RelatedPaperDto>> RelatedAsync(PaperRow paper, CancellationToken cancellationToken)
    {
        var related = new List<RelatedPaperDto>();
        if (paper.RelatedPaperId is { } id)
        {
            try
            {
                var named = (await LoadVisibleAsync(id, cancellationToken)).Paper;
                related.Add(new(named.Id, named.Reference, named.Title, types.Get(named.PaperType).Label, RelatedPaperDto.References,
                    types.Get(paper.PaperType).Field(paper.Relation ?? "")?.Label));
            }
            catch (NotFoundException)
            {
                // Not visible to this caller: not even its number is shown.
            }
        }
        var args = new DynamicParameters(PaperAccess.FilterArgs(caller));
        args.Add("Id", paper.Id);
        foreach (var row in await db.Connection.QueryAsync<ReferencingRow>(new CommandDefinition(PaperSql.ReferencingPapersSql, args, db.Transaction,
                     cancellationToken: cancellationToken)))
            related.Add(new(row.Id, row.Reference, row.Title, types.Get(row.PaperType).Label, RelatedPaperDto.ReferencedBy, null));
        return related;
    }

    private sealed record BodyRules(string RuleProfile, string? PaperSettings);

    /// <summary>The deadlines the paper's type runs (none for most types, so the body is read only when needed).</summary>
    public async Task<IReadOnlyList<PaperDeadlineDto>> DeadlinesAsync(PaperRow paper, CancellationToken cancellationToken)
    {
        var type = types.Get(paper.PaperType);
        if (!type.AllDeadlines.Any()) return [];
        var body = await db.Connection.QuerySingleAsync<BodyRules>(new CommandDefinition(PaperSql.BodyRulesSql, new { Id = paper.BodyId },
            db.Transaction, cancellationToken: cancellationToken));
        return PaperDeadlines.For(type, paper, profiles.Get(body.RuleProfile), body.PaperSettings, BerlinTime.Today(clock));
    }

    private PaperDto ToDto(Loaded loaded, IReadOnlyList<string> actions, IReadOnlyList<PaperDeadlineDto> deadlines)
    {
        var p = loaded.Paper;
        var status = PaperAccess.ShownStatus(caller, p, loaded.Consultations);
        var hidden = status != p.Status;
        return new PaperDto(p.Id, p.BodyId, p.Reference, p.PaperType, p.Title, Date(p.PaperDate)!.Value, p.Originator, p.LegalBasis,
            p.ConsultedWith, p.Proposal, p.Reasoning,
            FinancialImpact.Read(p.FinancialImpact),
            Date(p.EffectiveDate), p.IsPublic, status, workflow.StatusLabel(p.PaperType, status), hidden ? null : Date(p.SignedDate), hidden ? null : p.Version,
            [.. loaded.Consultations.Select(c => Consultation(p.BodyId, c, loaded.Consultations))], actions,
            Instants.Parse(p.CreatedAt), p.CreatedBy, hidden ? null : Instants.Parse(p.UpdatedAt), hidden ? null : p.UpdatedBy,
            types.Get(p.PaperType).Label, PaperFields.Parse(p.Fields), deadlines);
    }

    private ConsultationDto Consultation(long bodyId, ConsultationRow c, IReadOnlyList<ConsultationRow> all)
    {
        // Which decision a Widerspruch re-hears only for those who may see that decision (it tells "adopted").
        var objected = all.FirstOrDefault(o => o.Id == c.ObjectedConsultationId);
        var rehearingOf = objected is not null && PaperAccess.CanSeeDetails(caller, bodyId, objected) ? objected.Id : (long?)null;
        var details = PaperAccess.CanSeeDetails(caller, bodyId, c);
        var role = ConsultationRoles.Find(c.Role)?.Label ?? c.Role;
        var status = c.Status == ConsultationStatuses.Done ? "beraten" : "offen";
        return new ConsultationDto(c.Id, c.Position, c.OrganizationId, c.OrganizationName, c.Role, role, c.IsPublic,
            // Without the result, a held non-public session still shows when it met (public knowledge), not the stale plan.
            c.IsPublic ? "öffentlich" : "nichtöffentlich", details ? Date(c.PlannedDate) : Date(c.ResultDate ?? c.PlannedDate), c.Status, status,
            details && c.Outcome is not null ? Result(c) : null, Restricted: !details, rehearingOf,
            // The Sitzung is linked for the office at once, for everyone else once it is published.
            c.MeetingId is not null && (caller.SeesAllOf(bodyId) || c.MeetingPublishedAt is not null) ? c.MeetingId : null);
    }

    private static ConsultationResultDto Result(ConsultationRow c)
    {
        var votes = c.VotesEntitled is { } entitled
            ? new VotesDto(entitled, c.VotesYes ?? 0, c.VotesNo ?? 0, c.VotesAbstain ?? 0, c.VotesRecused ?? 0)
            : null;
        return new ConsultationResultDto(c.Outcome!, Outcomes.Find(c.Outcome)?.Label ?? c.Outcome!, Date(c.ResultDate), votes, c.Majority,
            votes is null ? null : VoteWording.IsUnanimous(votes.Yes, votes.No),
            votes is null ? null : VoteWording.Unanimity(votes.Yes, votes.No, votes.Abstain),
            votes is null ? null : Outcomes.Find(c.Outcome)?.Expectation == TallyExpectation.MajorityReached,
            c.ResolutionText, c.ReferredToOrganizationId, c.ReferredToOrganizationName, c.RecordedBy);
    }

    public static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
