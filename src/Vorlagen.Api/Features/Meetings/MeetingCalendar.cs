using Dapper;
using FluentValidation;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The iCalendar feed (RFC 5545, Ical.Net) of the published public sessions of a body or a Gremium, the same for every caller:
/// only public agenda items are named, the non-public part appears as "nichtöffentlicher Teil".
/// </summary>
public static class MeetingCalendar
{
    public sealed record Query(long? BodyId, long? OrganizationId) : IRequest<string>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q).Must(q => q.BodyId is not null || q.OrganizationId is not null).OverridePropertyName("bodyId")
                .WithMessage("Bitte geben Sie die Körperschaft (bodyId) oder das Gremium (organizationId) an.");
        }
    }

    public const string PublicMeetingsSql = MeetingSql.SelectMeetingSql +
        " WHERE m.published_at IS NOT NULL AND m.is_public = 1 AND (@BodyId IS NULL OR m.body_id = @BodyId) " +
        "AND (@OrganizationId IS NULL OR m.organization_id = @OrganizationId) ORDER BY m.meeting_date, m.id";
    public const string PublicItemsSql =
        "SELECT a.meeting_id AS MeetingId, a.id AS Id, a.is_public AS IsPublic, a.sort_order AS SortOrder, a.is_sub AS IsSub, a.title AS Title, " +
        "a.template_key AS TemplateKey FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.published_at IS NOT NULL AND m.is_public = 1 " +
        "AND (@BodyId IS NULL OR m.body_id = @BodyId) AND (@OrganizationId IS NULL OR m.organization_id = @OrganizationId)";

    public sealed record ItemRow
    {
        public long MeetingId { get; init; }
        public long Id { get; init; }
        public bool IsPublic { get; init; }
        public int SortOrder { get; init; }
        public bool IsSub { get; init; }
        public string Title { get; init; } = "";
        public string? TemplateKey { get; init; }
    }

    public sealed class Handler(DbSession db) : IRequestHandler<Query, string>
    {
        private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        public async Task<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var meetings = (await connection.QueryAsync<MeetingSql.MeetingRow>(new CommandDefinition(PublicMeetingsSql, query, db.Transaction, cancellationToken: cancellationToken))).ToList();
            var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(PublicItemsSql, query, db.Transaction, cancellationToken: cancellationToken)))
                .ToLookup(i => i.MeetingId);
            return Render(meetings, items, "Öffentliche Sitzungen");
        }

        /// <summary>
        /// The feed of <paramref name="meetings"/>: public items by title, the non-public part only as "nichtöffentlicher Teil" — a feed URL
        /// ends up in calendar apps and their servers, so no non-public title goes into any feed.
        /// </summary>
        public static string Render(IEnumerable<MeetingSql.MeetingRow> meetings, ILookup<long, ItemRow> items, string name)
        {
            var calendar = new Calendar { ProductId = "-//Vorlagen//Sitzungskalender//DE" };
            calendar.AddProperty("X-WR-CALNAME", name);
            foreach (var m in meetings)
            {
                var agenda = MeetingSql.Number([.. items[m.Id].Select(i => new MeetingSql.ItemRow
                {
                    Id = i.Id, IsPublic = i.IsPublic, SortOrder = i.SortOrder, IsSub = i.IsSub, Title = i.IsPublic ? i.Title : "", TemplateKey = i.TemplateKey,
                })], full: false);
                var e = new CalendarEvent
                {
                    Uid = $"meeting-{m.Id}@vorlagen",
                    Summary = m.OrganizationName + (m.Status == MeetingStatuses.Cancelled ? " (abgesagt)" : ""),
                    Location = string.Join(", ", new[] { m.Room, m.Address }.Where(s => !string.IsNullOrWhiteSpace(s))),
                    Description = string.Join("\n", agenda.Select(a => a.Number is null ? a.Title : $"{a.Number} {a.Title}")),
                    Status = m.Status == MeetingStatuses.Cancelled ? "CANCELLED" : "CONFIRMED",
                };
                if (m.StartTime is { } start)
                {
                    e.DtStart = Utc(m.Date, start);
                    e.DtEnd = m.EndTime is { } end ? Utc(m.Date, end) : Utc(m.Date, start).AddHours(2);
                }
                else
                {
                    e.DtStart = new CalDateTime(m.Date);
                    e.DtEnd = new CalDateTime(m.Date.AddDays(1));
                }
                calendar.Events.Add(e);
            }
            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }

        private static CalDateTime Utc(DateOnly date, string time)
        {
            var local = date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm"));
            return new CalDateTime(TimeZoneInfo.ConvertTimeToUtc(local, Berlin), "UTC");
        }
    }
}
