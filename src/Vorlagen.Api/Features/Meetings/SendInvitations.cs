using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Meetings;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Sends the Einladung (or a Nachtrag for the items added since) to every member of the Gremium on the session day: one record per
/// invitee with channel, sent at and deemed received (rule data per channel). An invitation that would be late under the Ladungsfrist
/// is refused unless sent on the urgency path with a reason (and then still in time for urgent cases). Sending the Einladung
/// publishes the session (§ 32 Abs. 4, § 32b SächsLKrO). E-mails go through the configured SMTP server.
/// </summary>
public static class SendInvitations
{
    public sealed record Command(long MeetingId, bool Supplement, bool Urgent, string? UrgencyReason, string? Channel) : ICommand<MeetingDto>;

    public static readonly string[] Channels = ["post", "email", "ris"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UrgencyReason).Must(TextRules.HasContent).When(c => c.Urgent)
                .WithMessage("Eine Einladung im Eilfall braucht die Begründung der Dringlichkeit (urgencyReason).");
            RuleFor(c => c.UrgencyReason).MaximumLength(1000).MultiLineText("Die Begründung");
            RuleFor(c => c.Channel).Must(c => c is null || Channels.Contains(c)).WithMessage("Der Versandweg ist „post“, „email“ oder „ris“.");
        }
    }

    public const string InviteesSql =
        "SELECT DISTINCT p.id AS Id, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName, p.email AS Email FROM memberships m " +
        "JOIN persons p ON p.id = m.person_id JOIN legislative_terms t ON t.id = m.legislative_term_id " +
        "WHERE m.organization_id = @OrganizationId AND p.status = 'active' AND m.start_date <= @Date AND COALESCE(m.end_date, t.end_date) >= @Date";
    public const string InsertSql =
        "INSERT INTO invitations (meeting_id, person_id, channel, supplement, sent_at, received_on, in_time, urgent, delivery, delivery_error, sent_by) " +
        "VALUES (@MeetingId, @PersonId, @Channel, @Supplement, @Now, @ReceivedOn, @InTime, @Urgent, @Delivery, @DeliveryError, @Actor)";
    public const string InvitedSql =
        "UPDATE meetings SET status = 'invited', published_at = COALESCE(published_at, @Now), urgency_reason = COALESCE(@Reason, urgency_reason) WHERE id = @MeetingId";

    public sealed record Invitee(long Id, string? Title, string? GivenName, string FamilyName, string? Email);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules, InvitationMailer mailer) : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            var current = await MeetingSql.ReadAsync(db, meeting.Id, caller, rules, cancellationToken);
            if (command.Supplement)
            {
                if (meeting.Status != MeetingStatuses.Invited)
                    throw new ConflictException("not_invited", "Ein Nachtrag folgt einer versandten Einladung; versenden Sie zuerst die Einladung.");
                if (!current.AgendaItems.Any(i => i.Supplement))
                    throw new MeetingRuleException("no_supplement_items", "Seit der Einladung wurde kein Punkt auf die Tagesordnung gesetzt; es gibt keinen Nachtrag.");
            }
            else
            {
                if (meeting.Status is not (MeetingStatuses.Planned or MeetingStatuses.Postponed))
                    throw new ConflictException("already_invited", $"Die Sitzung ist {MeetingStatuses.Label(meeting.Status)}; weitere Punkte werden als Nachtrag versandt.");
                if (current.AgendaItems.Count == 0) throw new MeetingRuleException("agenda_empty", "Die Tagesordnung ist leer; es gibt nichts einzuladen.");
            }
            var today = BerlinTime.Today(clock);
            if (meeting.Date <= today) throw new MeetingRuleException("meeting_not_ahead", $"Die Sitzung am {meeting.Date:dd.MM.yyyy} liegt nicht in der Zukunft.");
            var invitees = (await db.Connection.QueryAsync<Invitee>(new CommandDefinition(InviteesSql, new { meeting.OrganizationId, Date = meeting.MeetingDate },
                db.Transaction, cancellationToken: cancellationToken))).OrderBy(i => i.FamilyName).ThenBy(i => i.Id).ToList();
            if (invitees.Count == 0) throw new MeetingRuleException("no_invitees", $"„{meeting.OrganizationName}“ hat am Sitzungstag keine Mitglieder.");

            var rule = rules.NoticeRule(meeting.RuleProfile, meeting.Date);
            var fullDays = current.Notice!.FullDays;
            var plan = invitees.Select(i =>
            {
                var channel = command.Channel ?? (string.IsNullOrWhiteSpace(i.Email) ? "post" : "email");
                var received = Ladungsfrist.DeemedReceived(rule, channel, today);
                return (Invitee: i, Channel: channel, Received: received, Verdict: Ladungsfrist.Verdict(rule, fullDays, received, meeting.Date, command.Urgent));
            }).ToList();
            if (plan.FirstOrDefault(p => p.Verdict == Ladungsfrist.Late) is { Invitee: not null } late)
                throw new MeetingRuleException(command.Urgent ? "invitation_too_late" : "invitation_late", command.Urgent
                    ? $"Auch im Eilfall käme die Einladung zu spät ({rule.UrgentCitation}): {MeetingSql.PersonName(late.Invitee.Title, late.Invitee.GivenName, late.Invitee.FamilyName)} erhielte sie am {late.Received:dd.MM.yyyy}."
                    : $"Die Ladungsfrist ({fullDays} volle Tage, {current.Notice.BodyCitation ?? rule.Citation}) wäre nicht gewahrt: {MeetingSql.PersonName(late.Invitee.Title, late.Invitee.GivenName, late.Invitee.FamilyName)} erhielte die Einladung ({late.Channel}) am {late.Received:dd.MM.yyyy}, spätestens wäre der {Ladungsfrist.LatestReceipt(fullDays, meeting.Date):dd.MM.yyyy}. Im Eilfall laden Sie mit Begründung der Dringlichkeit ein.");
            var emails = plan.Where(p => p.Channel == "email").ToList();
            if (emails.Count > 0 && !mailer.Configured)
                throw new MeetingRuleException("mail_not_configured", "Für den Versand per E-Mail ist kein SMTP-Server eingerichtet (Vorlagen:Mail:Host).");
            if (emails.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Invitee.Email)) is { Invitee: not null } noMail)
                throw new MeetingRuleException("no_email_address", $"Für {MeetingSql.PersonName(noMail.Invitee.Title, noMail.Invitee.GivenName, noMail.Invitee.FamilyName)} ist keine E-Mail-Adresse hinterlegt.");

            var text = InvitationText.Render(current, command.Supplement, command.Urgent ? command.UrgencyReason!.Trim() : null);
            var subject = $"{(command.Supplement ? "Nachtrag zur Einladung" : "Einladung")}: {meeting.OrganizationName} am {meeting.Date:dd.MM.yyyy}";
            var errors = await mailer.SendAsync([.. emails.Select(p => new InvitationMailer.Mail(p.Invitee.Email!.Trim(),
                MeetingSql.PersonName(p.Invitee.Title, p.Invitee.GivenName, p.Invitee.FamilyName), subject, text))], cancellationToken);
            var now = Instants.Format(clock.GetUtcNow());
            foreach (var p in plan)
            {
                var error = p.Channel == "email" ? errors[emails.IndexOf(p)] : null;
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
                {
                    command.MeetingId, PersonId = p.Invitee.Id, p.Channel, command.Supplement, Now = now, ReceivedOn = p.Received.ToString("yyyy-MM-dd"),
                    InTime = p.Verdict == Ladungsfrist.Undetermined ? (bool?)null : p.Verdict is Ladungsfrist.InTime or Ladungsfrist.Urgent, command.Urgent,
                    Delivery = error is null ? "sent" : "failed", DeliveryError = error, Actor = caller.AuditName,
                }, db.Transaction, cancellationToken: cancellationToken));
            }
            await db.Connection.ExecuteAsync(new CommandDefinition(InvitedSql, new { Now = now, Reason = command.Urgent ? command.UrgencyReason!.Trim() : null, command.MeetingId },
                db.Transaction, cancellationToken: cancellationToken));
            await MeetingSql.LogAsync(db, command.MeetingId, command.Supplement ? "supplement_sent" : "invited",
                $"{(command.Supplement ? "Nachtrag" : "Einladung")} an {plan.Count} Mitglieder versandt{(command.Urgent ? " (Eilfall: " + command.UrgencyReason!.Trim() + ")" : "")}",
                caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, command.MeetingId, caller, rules, cancellationToken);
        }
    }
}
