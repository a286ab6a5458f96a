using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>/api/meetings/{id}/minutes: the Niederschrift, its signatures, approval, publication and the Bekanntgabe of non-public decisions.</summary>
public static class MinutesEndpoints
{
    public sealed record SignaturesRequest(IReadOnlyList<SignMinutes.Signer>? Signatures);
    public sealed record ApprovalRequest(long? ApprovingMeetingId, IReadOnlyList<ApproveMinutes.Objection>? Objections);
    public sealed record AnnouncementRequest(long? ConsultationId, DateOnly? AnnouncedOn, long? AnnouncingMeetingId);

    public static IEndpointRouteBuilder MapMinutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/meetings/minutes-tasks", (IMediator m, CancellationToken ct) => m.Send(new MinutesTasks.Query(), ct))
            .WithTags("Niederschrift").WithName("MinutesTasks").RequireAuthorization();
        var minutes = app.MapGroup("/api/meetings/{id:long}/minutes").WithTags("Niederschrift");
        minutes.MapGet("", async (IMediator m, HttpContext http, long id, CancellationToken ct) => Ok(http, await m.Send(new GetMinutes.Query(id), ct)))
            .WithName("GetMinutes");
        app.MapGet("/api/meetings/{id:long}/minutes.pdf", async (IMediator m, IConfiguration configuration, long id, CancellationToken ct) =>
        {
            var dto = await m.Send(new GetMinutes.Query(id), ct);
            var pdf = Documents.MinutesPdf.Render(dto, MinutesStates.SignatureLines(dto), configuration["Vorlagen:Documents:FontFolder"]);
            return Results.File(pdf, "application/pdf", $"Niederschrift-{dto.Date:yyyy-MM-dd}.pdf");
        }).WithTags("Niederschrift").WithName("GetMinutesPdf");
        minutes.MapPost("signatures", async (IMediator m, HttpContext http, long id, SignaturesRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new SignMinutes.Command(id, await Expected(m, http, id, ct), r.Signatures), ct)))
            .WithName("SignMinutes").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        minutes.MapPost("approval", async (IMediator m, HttpContext http, long id, ApprovalRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new ApproveMinutes.Command(id, await Expected(m, http, id, ct), r.ApprovingMeetingId, r.Objections), ct)))
            .WithName("ApproveMinutes").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        minutes.MapPost("publication", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
            Ok(http, await m.Send(new PublishMinutes.Command(id, await Expected(m, http, id, ct)), ct)))
            .WithName("PublishMinutes").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        minutes.MapPost("announcements", async (IMediator m, HttpContext http, long id, AnnouncementRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new AnnounceDecision.Command(id, r.ConsultationId, r.AnnouncedOn, r.AnnouncingMeetingId), ct)))
            .WithName("AnnounceDecision").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        return app;
    }

    private static Task<int?> Expected(IMediator m, HttpContext http, long id, CancellationToken ct) =>
        IfMatch.ParseAsync(http.Request, async () => (await m.Send(new GetMinutes.Query(id), ct)).Version);

    private static IResult Ok(HttpContext http, MinutesDto minutes) => HttpResults.OkWithETag(http, minutes, minutes.Version > 0 ? minutes.Version : null);
}
