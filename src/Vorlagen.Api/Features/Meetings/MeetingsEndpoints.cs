using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>/api/meetings: Sitzungen, their Tagesordnung, status and invitations. Reads filtered by visibility, writes by the office.</summary>
public static class MeetingsEndpoints
{
    public sealed record MeetingRequest(long OrganizationId, string? Number, DateOnly? Date, string? StartTime, string? EndTime, string? Room, string? Address, bool? Public);
    public sealed record AgendaItemRequest(long? ConsultationId, string? TemplateKey);
    public sealed record OrderRequest(IReadOnlyList<ReorderAgenda.Item>? Items);
    public sealed record PostponeRequest(long TargetMeetingId);
    public sealed record StatusRequest(string? Status, DateOnly? NewDate, string? Reason);
    public sealed record InvitationRequest(bool? Supplement, bool? Urgent, string? UrgencyReason, string? Channel);
    public sealed record NoticeRequest(int? FullDays, string? Citation);
    public sealed record SessionRequest(long? ChairPersonId, string? SecretaryName);
    public sealed record AttendanceRequest(IReadOnlyList<RecordAttendance.Entry>? Members);
    public sealed record RecusalRequest(string? Note);
    public sealed record StatementRequest(long? PersonId, string? Kind, string? Text);
    public sealed record RollCallRequest(IReadOnlyList<RecordRollCall.Vote>? Votes);
    public sealed record ElectionRequest(string? Office, IReadOnlyList<long>? CandidatePersonIds);
    public sealed record ElectionRoundRequest(int? ValidBallots, int? InvalidBallots, IReadOnlyList<RecordElectionRound.CandidateVotes>? Votes, long? LotWinnerPersonId);

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/meetings").WithTags("Sitzungen");
        meetings.MapGet("", (IMediator m, CancellationToken ct, long? bodyId, long? organizationId, DateOnly? from, DateOnly? to, int page = 1,
            int pageSize = PagedList<MeetingSummaryDto>.DefaultPageSize) =>
            m.Send(new ListMeetings.Query(bodyId, organizationId, from, to, page, pageSize), ct)).WithName("ListMeetings");
        meetings.MapGet("{id:long}", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
        {
            var meeting = await m.Send(new GetMeeting.Query(id), ct);
            return HttpResults.OkWithETag(http, meeting, meeting.Version);
        }).WithName("GetMeeting");
        meetings.MapPost("", async (IMediator m, HttpContext http, MeetingRequest r, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateMeeting.Command(r.OrganizationId, r.Number, r.Date, r.StartTime, r.EndTime, r.Room, r.Address, r.Public ?? true), ct);
            http.Response.Headers.ETag = HttpResults.ETag(created.Version);
            return Results.Created($"/api/meetings/{created.Id}", created);
        }).WithName("CreateMeeting").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPost("{id:long}/agenda-items", async (IMediator m, HttpContext http, long id, AgendaItemRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new AddAgendaItem.Command(id, r.ConsultationId, r.TemplateKey), ct)))
            .WithName("AddAgendaItem").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapDelete("{id:long}/agenda-items/{itemId:long}", async (IMediator m, HttpContext http, long id, long itemId, CancellationToken ct) =>
            Ok(http, await m.Send(new RemoveAgendaItem.Command(id, itemId), ct))).WithName("RemoveAgendaItem").RequireAuthorization();
        meetings.MapPut("{id:long}/agenda-order", async (IMediator m, HttpContext http, long id, OrderRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new ReorderAgenda.Command(id, r.Items), ct))).WithName("ReorderAgenda").RequireAuthorization();
        meetings.MapPost("{id:long}/agenda-items/{itemId:long}/postpone", async (IMediator m, HttpContext http, long id, long itemId, PostponeRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new PostponeAgendaItem.Command(id, itemId, r.TargetMeetingId), ct)))
            .WithName("PostponeAgendaItem").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPost("{id:long}/status", async (IMediator m, HttpContext http, long id, StatusRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new ChangeMeetingStatus.Command(id, r.Status, r.NewDate, r.Reason), ct)))
            .WithName("ChangeMeetingStatus").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPost("{id:long}/invitations", async (IMediator m, HttpContext http, long id, InvitationRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new SendInvitations.Command(id, r.Supplement ?? false, r.Urgent ?? false, r.UrgencyReason, r.Channel), ct)))
            .WithName("SendInvitations").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPut("notice-settings/{bodyId:long}", (IMediator m, long bodyId, NoticeRequest r, CancellationToken ct) =>
            m.Send(new NoticeSettings.Command(bodyId, r.FullDays, r.Citation), ct)).WithName("SetNoticeSettings").RequireAuthorization();
        meetings.MapGet("calendar.ics", async (IMediator m, long? bodyId, long? organizationId, CancellationToken ct) =>
            Results.Text(await m.Send(new MeetingCalendar.Query(bodyId, organizationId), ct), "text/calendar; charset=utf-8")).WithName("MeetingCalendar");
        meetings.MapGet("calendar/{token}.ics", async (IMediator m, string token, CancellationToken ct) =>
            Results.Text(await m.Send(new PersonalCalendar.Feed(token), ct), "text/calendar; charset=utf-8")).WithName("PersonalCalendarFeed");
        meetings.MapGet("my-calendar", (IMediator m, CancellationToken ct) => m.Send(new PersonalCalendar.Status(), ct))
            .WithName("PersonalCalendarStatus").RequireAuthorization();
        meetings.MapPost("my-calendar", async (IMediator m, CancellationToken ct) =>
            Results.Created("/api/meetings/my-calendar", await m.Send(new PersonalCalendar.Create(), ct))).WithName("CreatePersonalCalendar").RequireAuthorization();
        meetings.MapDelete("my-calendar", (IMediator m, CancellationToken ct) => m.Send(new PersonalCalendar.Revoke(), ct))
            .WithName("RevokePersonalCalendar").RequireAuthorization();
        meetings.MapGet("{id:long}/due-consultations", (IMediator m, long id, CancellationToken ct) => m.Send(new ListDueConsultations.Query(id), ct))
            .WithName("ListDueConsultations").RequireAuthorization();
        meetings.MapGet("{id:long}/history", (IMediator m, long id, CancellationToken ct) => m.Send(new GetMeetingHistory.Query(id), ct))
            .WithName("GetMeetingHistory").RequireAuthorization();
        MapSession(meetings);
    }

    /// <summary>The Sitzungsmodus (issue #14): opening, attendance, Befangenheit. Writes take If-Match on the session's version.</summary>
    private static void MapSession(RouteGroupBuilder meetings)
    {
        meetings.MapGet("{id:long}/attendance", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
        {
            var attendance = await m.Send(new GetAttendance.Query(id), ct);
            return HttpResults.OkWithETag(http, attendance, attendance.Version);
        }).WithName("GetAttendance");
        meetings.MapPost("{id:long}/session", async (IMediator m, HttpContext http, long id, SessionRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new OpenSession.Command(id, r.ChairPersonId, r.SecretaryName), ct)))
            .WithName("OpenSession").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPut("{id:long}/attendance", async (IMediator m, HttpContext http, long id, AttendanceRequest r, CancellationToken ct) =>
            Ok(http, await m.Send(new RecordAttendance.Command(id, await SessionVersion(m, http, id, ct), r.Members), ct)))
            .WithName("RecordAttendance").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPut("{id:long}/agenda-items/{itemId:long}/recusals/{personId:long}",
            async (IMediator m, HttpContext http, long id, long itemId, long personId, RecusalRequest? r, CancellationToken ct) =>
            Ok(http, await m.Send(new SetRecusal.Command(id, itemId, personId, true, r?.Note, await SessionVersion(m, http, id, ct)), ct)))
            .WithName("SetRecusal").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapDelete("{id:long}/agenda-items/{itemId:long}/recusals/{personId:long}",
            async (IMediator m, HttpContext http, long id, long itemId, long personId, CancellationToken ct) =>
            Ok(http, await m.Send(new SetRecusal.Command(id, itemId, personId, false, null, await SessionVersion(m, http, id, ct)), ct)))
            .WithName("LiftRecusal").RequireAuthorization();
        meetings.MapPost("{id:long}/agenda-items/{itemId:long}/statements", async (IMediator m, long id, long itemId, StatementRequest r, CancellationToken ct) =>
        {
            var statement = await m.Send(new RecordStatement.Command(id, itemId, r.PersonId, r.Kind, r.Text), ct);
            return Results.Created($"/api/meetings/{id}/agenda-items/{itemId}/statements/{statement.Id}", statement);
        }).WithName("RecordStatement").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPut("{id:long}/agenda-items/{itemId:long}/roll-call", (IMediator m, long id, long itemId, RollCallRequest r, CancellationToken ct) =>
            m.Send(new RecordRollCall.Command(id, itemId, r.Votes), ct)).WithName("RecordRollCall").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapGet("{id:long}/agenda-items/{itemId:long}/election", (IMediator m, long id, long itemId, CancellationToken ct) =>
            m.Send(new GetElection.Query(id, itemId), ct)).WithName("GetElection");
        meetings.MapPost("{id:long}/agenda-items/{itemId:long}/election", (IMediator m, long id, long itemId, ElectionRequest r, CancellationToken ct) =>
            m.Send(new CreateElection.Command(id, itemId, r.Office, r.CandidatePersonIds), ct))
            .WithName("CreateElection").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        meetings.MapPost("{id:long}/agenda-items/{itemId:long}/election/rounds", (IMediator m, long id, long itemId, ElectionRoundRequest r, CancellationToken ct) =>
            m.Send(new RecordElectionRound.Command(id, itemId, r.ValidBallots, r.InvalidBallots, r.Votes, r.LotWinnerPersonId), ct))
            .WithName("RecordElectionRound").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
    }

    private static Task<int?> SessionVersion(IMediator m, HttpContext http, long id, CancellationToken ct) =>
        IfMatch.ParseAsync(http.Request, async () => (await m.Send(new GetAttendance.Query(id), ct)).Version);

    private static IResult Ok(HttpContext http, AttendanceDto attendance) => HttpResults.OkWithETag(http, attendance, attendance.Version);

    private static IResult Ok(HttpContext http, MeetingDto meeting) => HttpResults.OkWithETag(http, meeting, meeting.Version);
}
