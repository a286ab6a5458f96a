using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Records that the printed Niederschrift was signed (§ 36 Abs. 2 Satz 1 SächsLKrO: the electronic form is excluded, so nothing is
/// signed here): who signed, when, recorded by whom. Once every signer the rule profile requires is recorded the state becomes
/// <c>signed</c>, results can no longer be corrected, and the decisions get their Beschluss numbers (<see cref="DecisionNumbers"/>).
/// </summary>
public static class SignMinutes
{
    public sealed record Signer(string? Role, long? PersonId, string? Name, DateOnly? SignedOn);
    public sealed record Command(long MeetingId, int? ExpectedVersion, IReadOnlyList<Signer>? Signatures) : ICommand<MinutesDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Signatures).NotEmpty().WithMessage("Bitte geben Sie mindestens eine Unterschrift an (signatures).");
            RuleForEach(c => c.Signatures).ChildRules(s =>
            {
                s.RuleFor(x => x.Role).Must(r => r is "chair" or "member" or "secretary")
                    .WithMessage("Wer unterschrieben hat: „chair“ (Vorsitz), „member“ (Kreisrat/Kreisrätin) oder „secretary“ (Schriftführer/in).");
                s.RuleFor(x => x.SignedOn).NotNull().WithMessage("Bitte geben Sie an, an welchem Tag unterschrieben wurde.").PlausibleDate();
                s.RuleFor(x => x.Name).MaximumLength(200).SingleLineText("Der Name");
                s.RuleFor(x => x.PersonId).NotNull().When(x => x.Role == "member")
                    .WithMessage("Bei einem Kreisrat oder einer Kreisrätin ist die Person anzugeben (personId).");
            });
        }
    }

    public const string InsertSql =
        "INSERT INTO minutes_signatures (meeting_id, signer_role, person_id, signer_name, signed_on, recorded_at, recorded_by) " +
        "VALUES (@MeetingId, @Role, @PersonId, @Name, @SignedOn, @Now, @Actor)";
    public const string PersonSql = "SELECT title AS Title, given_name AS GivenName, family_name AS FamilyName FROM persons WHERE id = @Id AND body_id = @BodyId";

    public sealed record PersonRow(string? Title, string? GivenName, string FamilyName);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MinutesRules rules) : IRequestHandler<Command, MinutesDto>
    {
        public async Task<MinutesDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            var session = await MinutesSteps.SessionInStateAsync(db, meeting, MinutesStates.Draft, cancellationToken);
            IfMatch.Check(command.ExpectedVersion, session.Version);
            var rule = rules.At(meeting.RuleProfile, meeting.Date).Signatures;
            var existing = (await db.Connection.QueryAsync<MinutesSql.SignatureRow>(new CommandDefinition(MinutesSql.SignaturesSql,
                new { Id = meeting.Id }, db.Transaction, cancellationToken: cancellationToken))).ToList();
            var attendance = await MinutesSql.AttendanceAsync(db, meeting.Id, cancellationToken);
            var today = BerlinTime.Today(clock);
            var added = new List<(string Role, long? PersonId, string Name, DateOnly On)>();
            foreach (var s in command.Signatures!)
            {
                var role = s.Role!;
                var allowed = role switch { "chair" => rule.Chair ? 1 : 0, "member" => rule.Members, _ => rule.Secretary ? 1 : 0 };
                if (allowed == 0)
                    throw new MeetingRuleException("signer_not_required", $"Nach {rule.Citation} unterschreibt kein/e {MinutesStates.SignerLabels[role]} die Niederschrift.");
                if (existing.Count(e => e.Role == role) + added.Count(a => a.Role == role) >= allowed)
                    throw new ConflictException("signature_already_recorded", $"Die Unterschrift „{MinutesStates.SignerLabels[role]}“ ist bereits erfasst ({allowed} nach {rule.Citation}).");
                if (s.SignedOn!.Value < meeting.Date || s.SignedOn.Value > today)
                    throw new MeetingRuleException("signed_on_out_of_range", $"Das Datum der Unterschrift muss zwischen dem Sitzungstag {meeting.Date:dd.MM.yyyy} und heute liegen.");
                var name = await NameAsync(s, role, session, meeting.BodyId, cancellationToken);
                if (role == "member")
                {
                    if (rule.MembersMustHaveAttended && !attendance.Any(a => a.PersonId == s.PersonId && a.Status == "present"))
                        throw new MeetingRuleException("signer_not_present",
                            $"{name} hat laut Anwesenheitsliste nicht an der Sitzung teilgenommen; nach {rule.Citation} unterschreiben zwei Kreisräte, die an der Verhandlung teilgenommen haben.");
                    if (s.PersonId == session.ChairPersonId || existing.Any(e => e.PersonId == s.PersonId) || added.Any(a => a.PersonId == s.PersonId))
                        throw new MeetingRuleException("signer_twice", $"{name} hat bereits unterschrieben; es unterschreiben zwei verschiedene Kreisräte neben dem Vorsitz.");
                }
                added.Add((role, role == "secretary" ? null : s.PersonId ?? session.ChairPersonId, name, s.SignedOn.Value));
            }
            var now = Instants.Format(clock.GetUtcNow());
            foreach (var a in added)
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new { MeetingId = meeting.Id, a.Role, a.PersonId, a.Name,
                    SignedOn = a.On.ToString("yyyy-MM-dd"), Now = now, Actor = caller.AuditName }, db.Transaction, cancellationToken: cancellationToken));
            var all = existing.Select(e => e.Role).Concat(added.Select(a => a.Role)).ToList();
            var complete = (!rule.Chair || all.Contains("chair")) && all.Count(r => r == "member") >= rule.Members && (!rule.Secretary || all.Contains("secretary"));
            if (complete)
            {
                await MinutesSteps.MoveAsync(db, meeting.Id, MinutesStates.Draft, MinutesStates.Signed, cancellationToken);
                await DecisionNumbers.AssignAsync(db, meeting.Id, now, cancellationToken);
            }
            else await MinutesSteps.TouchAsync(db, meeting.Id, cancellationToken);
            var summary = "Niederschrift: Unterschrift erfasst – " + string.Join(", ", added.Select(a => $"{MinutesStates.SignerLabels[a.Role]} {a.Name} am {a.On:dd.MM.yyyy}"))
                + (complete ? "; vollständig unterzeichnet" : "");
            await MeetingSql.LogAsync(db, meeting.Id, complete ? "minutes_signed" : "minutes_signature", summary, caller, clock, cancellationToken);
            return await MinutesSql.ReadAsync(db, meeting.Id, caller, rules, cancellationToken);
        }

        private async Task<string> NameAsync(Signer s, string role, MinutesSql.SessionRow session, long bodyId, CancellationToken ct)
        {
            if (role != "secretary" && (s.PersonId ?? session.ChairPersonId) is { } personId)
            {
                var person = await db.Connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(PersonSql, new { Id = personId, BodyId = bodyId },
                    db.Transaction, cancellationToken: ct)) ?? throw new NotFoundException("Person", personId);
                return MinutesSql.Name(person.Title, person.GivenName, person.FamilyName);
            }
            var name = TextRules.Clean(s.Name)?.Trim() ?? (role == "secretary" ? session.SecretaryName : null);
            return TextRules.HasContent(name) ? name! : throw new MeetingRuleException("signer_name_missing",
                $"Bitte geben Sie den Namen an: für „{MinutesStates.SignerLabels[role]}“ ist in der Sitzung niemand erfasst.");
        }
    }
}
