using System.Text.Json.Nodes;
using MediatR;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.Tasks;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>What the Vorlage page and the print view show: the paper as the caller may see it, its body, history and deadline.</summary>
/// <param name="Type">the paper's type descriptor: its actions' words, its fields, whether it has a Beratungsfolge.</param>
public sealed record PaperView(PaperDto Paper, BodyDto Body, IReadOnlyList<GetPaperHistory.HistoryEntry> History, Deadline? Widerspruch, bool CanEdit,
    PaperTypeDescriptor Type)
{
    public static async Task<PaperView> LoadAsync(IMediator mediator, Caller caller, RuleProfiles profiles, PaperTypeCatalog types, long id, CancellationToken ct)
    {
        var paper = await mediator.Send(new GetPaper.Query(id), ct);
        var body = await mediator.Send(new GetBody.Query(paper.BodyId), ct);
        var history = await mediator.Send(new GetPaperHistory.Query(id), ct);
        return new PaperView(paper, body, history, DecisionDeadlines.Widerspruch(paper, profiles.Get(body.RuleProfile)), MayEdit(caller, paper),
            types.Get(paper.PaperType));
    }

    public bool HasBeratungsfolge => Type.Beratungsfolge != BeratungsfolgeRules.None;

    /// <summary>The type's own fields (beyond the paper's columns) that have a value, in the descriptor's order.</summary>
    public IEnumerable<(PaperFieldDescriptor Field, JsonNode Value)> OwnFields =>
        Type.Fields.Where(f => !f.IsCore).Select(f => (Field: f, Value: Paper.Fields?[f.Name]))
            .Where(x => x.Value is not null && !(x.Value is JsonArray { Count: 0 }) && !(x.Value is JsonValue v && v.TryGetValue<string>(out var t) && string.IsNullOrWhiteSpace(t)))
            .Select(x => (x.Field, x.Value!));

    /// <summary>Drafts are edited by the body's clerks: the rule of <see cref="PaperEditing.RequireClerk"/>, asked rather than copied.</summary>
    public static bool MayEdit(Caller caller, PaperDto paper)
    {
        if (paper.Status != PaperStatuses.Draft) return false;
        try
        {
            PaperEditing.RequireClerk(caller, paper.BodyId);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    /// <summary>The consultation whose result is awaited now.</summary>
    public ConsultationDto? Current => Paper.Status == PaperStatuses.InDeliberation
        ? Paper.Consultations.FirstOrDefault(c => c.Status == ConsultationStatuses.Pending) : null;

    public ConsultationDto? Decision => DecisionDeadlines.Decision(Paper);

    /// <summary>The Beschluss when the deciding consultation adopted the paper (and no Widerspruch reopened it): the amended wording, else the proposal.</summary>
    public string? Resolution => Paper.Status is PaperStatuses.Adopted or PaperStatuses.Signed
        && Decision?.Result is { Outcome: Domain.Voting.Outcomes.Adopted or Domain.Voting.Outcomes.AdoptedAmended } result ? result.ResolutionText ?? Paper.Proposal : null;

    public GetPaperHistory.HistoryEntry? Signing => History.LastOrDefault(h => h.Action == "sign");

    public bool Can(string action) => Paper.AvailableActions.Contains(action);

    public const string RehearingLabel = "Erneute Beratung nach Widerspruch";

    /// <summary>
    /// A beschließend consultation that follows an earlier, decided beschließend consultation of the same Gremium:
    /// the renewed deliberation after a Widerspruch. Callers who may not see results (Result null) learn nothing from it.
    /// </summary>
    public static bool IsRehearing(IReadOnlyList<ConsultationDto> all, ConsultationDto consultation) =>
        consultation.RehearingOf is not null || consultation.Role == Deciding && all.Any(earlier => earlier.Position < consultation.Position && earlier.Id != consultation.Id
            && earlier.OrganizationId == consultation.OrganizationId && earlier.Role == Deciding && earlier.Result?.Date is not null);

    public bool IsRehearing(ConsultationDto consultation) => IsRehearing(Paper.Consultations, consultation);

    private const string Deciding = "beschliessend";

    /// <summary>The actions that move the paper on; withdrawing ends it and is offered apart, behind a confirmation page.</summary>
    public IEnumerable<string> WorkflowActions => Paper.AvailableActions
        .Where(a => Actions.IsKnown(Type, a) && a != Activities.Deliberate.WithdrawAction && a != PaperTypeCatalog.RecordResultAction);

    /// <summary>"einstimmig bei 2 Enthaltungen" for a journaled tally, or null when it was not unanimous.</summary>
    public static string? Unanimity(JsonNode? votes) => votes is JsonObject v
        ? Vorlagen.Domain.Voting.VoteWording.Unanimity(Int(v, "yes"), Int(v, "no"), Int(v, "abstain"))
        : null;

    public static string Votes(JsonNode? votes) => votes is JsonObject v
        ? Format.Votes(new VotesDto(Int(v, "entitled"), Int(v, "yes"), Int(v, "no"), Int(v, "abstain"), Int(v, "recused")))
        : "";

    private static int Int(JsonObject votes, string name) => votes[name]?.GetValue<int>() ?? 0;
}
