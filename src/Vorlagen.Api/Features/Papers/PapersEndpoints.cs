using System.Text.Json.Nodes;
using MediatR;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Papers;

public static class PapersEndpoints
{
    public sealed record PaperRequest(long BodyId, string? Reference, string? PaperType, string? Title, DateOnly? Date, string? Originator,
        string? LegalBasis, string? ConsultedWith, string? Proposal, string? Reasoning, JsonObject? FinancialImpact, DateOnly? EffectiveDate,
        bool? Public, IReadOnlyList<ConsultationInput>? Consultations, JsonObject? Fields)
    {
        public PaperInput ToInput() => new PaperInput(PaperType, Title, Date, Originator, LegalBasis, ConsultedWith, Proposal, Reasoning, FinancialImpact,
            EffectiveDate, Public, Consultations, Fields).Cleaned();
    }

    public sealed record CorrectionRequest(string? Outcome, VotesInput? Votes, string? Majority, bool SecondSession, string? ResolutionText, string? Reason);

    public sealed record ActionRequest(string? Comment, DateOnly? Date, System.Text.Json.Nodes.JsonObject? Fields);

    public sealed record ResultRequest(DateOnly? Date, string? Outcome, VotesInput? Votes, string? Majority, bool SecondSession,
        string? ResolutionText, long? ReferredToOrganizationId, DateOnly? PlannedDate);

    public static void MapPapers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/papers").WithTags("Vorlagen");
        group.MapGet("", List).WithName("ListPapers");
        group.MapGet("{id:long}", Get).WithName("GetPaper");
        group.MapPost("", Create).WithName("CreatePaper").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        group.MapPut("{id:long}", Update).WithName("UpdatePaper").RequireAuthorization();
        group.MapDelete("{id:long}", Delete).WithName("DeleteDraft").RequireAuthorization();
        group.MapPost("{id:long}/actions/{action}", Act).WithName("PerformPaperAction").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        group.MapPost("{id:long}/consultations/{consultationId:long}/result", Result).WithName("RecordConsultationResult")
            .RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        group.MapPost("{id:long}/consultations/{consultationId:long}/result-corrections", Correct).WithName("CorrectConsultationResult")
            .RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        group.MapGet("{id:long}/history", (IMediator m, long id, CancellationToken ct) => m.Send(new GetPaperHistory.Query(id), ct)).WithName("GetPaperHistory");
        group.MapGet("{id:long}/journal", (IMediator m, long id, CancellationToken ct) => m.Send(new GetPaperJournal.Query(id), ct))
            .WithName("GetPaperJournal").RequireAuthorization();
        group.MapGet("{id:long}/journal/verify", (IMediator m, long id, CancellationToken ct) => m.Send(new GetPaperJournal.Verify(id), ct))
            .WithName("VerifyPaperJournal");
    }

    private static Task<PagedList<PaperSummaryDto>> List(IMediator mediator, CancellationToken ct, long? bodyId, string? status,
        long? organizationId, string? q, int? year, string? paperType, string? after, int page = 1, int pageSize = PagedList<PaperSummaryDto>.DefaultPageSize) =>
        mediator.Send(new ListPapers.Query(bodyId, status, organizationId, q, year, page, pageSize, paperType, after), ct);

    private static async Task<IResult> Get(IMediator mediator, HttpContext http, long id, CancellationToken ct)
    {
        var paper = await mediator.Send(new GetPaper.Query(id), ct);
        return HttpResults.OkWithETag(http, paper, paper.Version);
    }

    private static async Task<IResult> Create(IMediator mediator, HttpContext http, PaperRequest request, CancellationToken ct)
    {
        var paper = await mediator.Send(new CreatePaper.Command(request.BodyId, TextRules.Clean(request.Reference), request.ToInput()), ct);
        if (paper.Version is { } version) http.Response.Headers.ETag = HttpResults.ETag(version);
        http.Response.Headers.Location = $"/api/papers/{paper.Id}";
        return Results.Created($"/api/papers/{paper.Id}", paper);
    }

    private static async Task<IResult> Update(IMediator mediator, HttpContext http, long id, PaperRequest request, CancellationToken ct)
    {
        var paper = await mediator.Send(new UpdatePaper.Command(id, await ExpectedVersion(mediator, http, id, ct), TextRules.Clean(request.Reference), request.ToInput(),
            request.BodyId == 0 ? null : request.BodyId), ct);
        return HttpResults.OkWithETag(http, paper, paper.Version);
    }

    private static async Task<IResult> Delete(IMediator mediator, HttpContext http, long id, CancellationToken ct)
    {
        await mediator.Send(new DeletePaper.Command(id, await ExpectedVersion(mediator, http, id, ct)), ct);
        return Results.NoContent();
    }

    private static async Task<IResult> Act(IMediator mediator, HttpContext http, long id, string action, ActionRequest? request, CancellationToken ct)
    {
        var paper = await mediator.Send(new PerformAction.Command(id, action, request?.Comment, request?.Date,
            await ExpectedVersion(mediator, http, id, ct), request?.Fields), ct);
        return HttpResults.OkWithETag(http, paper, paper.Version);
    }

    private static async Task<IResult> Result(IMediator mediator, HttpContext http, long id, long consultationId, ResultRequest request, CancellationToken ct)
    {
        var paper = await mediator.Send(new RecordResult.Command(id, consultationId, await ExpectedVersion(mediator, http, id, ct), request.Date, request.Outcome,
            request.Votes, request.Majority, request.SecondSession, request.ResolutionText, request.ReferredToOrganizationId, request.PlannedDate), ct);
        return HttpResults.OkWithETag(http, paper, paper.Version);
    }

    private static async Task<IResult> Correct(IMediator mediator, HttpContext http, long id, long consultationId, CorrectionRequest request, CancellationToken ct)
    {
        var paper = await mediator.Send(new CorrectResult.Command(id, consultationId, await ExpectedVersion(mediator, http, id, ct), request.Outcome,
            request.Votes, request.Majority, request.SecondSession, request.ResolutionText, request.Reason), ct);
        return HttpResults.OkWithETag(http, paper, paper.Version);
    }

    private static Task<int?> ExpectedVersion(IMediator mediator, HttpContext http, long id, CancellationToken ct) =>
        IfMatch.ParseAsync(http.Request, async () => (await mediator.Send(new GetPaper.Query(id), ct)).Version ?? IfMatch.Never);
}
