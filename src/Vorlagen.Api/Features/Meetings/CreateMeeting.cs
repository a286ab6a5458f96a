using System.Text.RegularExpressions;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>The office plans a Sitzung of a Gremium (also a past one, to enter a historical session).</summary>
public static partial class CreateMeeting
{
    public sealed record Command(long OrganizationId, string? Number, DateOnly? Date, string? StartTime, string? EndTime, string? Room, string? Address, bool Public)
        : ICommand<MeetingDto>;

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public static partial Regex TimeOfDay();

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.OrganizationId).GreaterThan(0).WithMessage("Bitte wählen Sie das Gremium (organizationId).");
            RuleFor(c => c.Date).NotNull().WithMessage("Bitte geben Sie das Datum der Sitzung an.")
                .Must(d => d is null || (d.Value.Year >= 1990 && d.Value.Year <= 2100)).WithMessage("Das Datum der Sitzung liegt außerhalb von 1990 bis 2100.");
            RuleFor(c => c.StartTime).Must(t => t is null || TimeOfDay().IsMatch(t)).WithMessage("Die Uhrzeit des Beginns hat die Form „HH:mm“, z. B. „17:00“.");
            RuleFor(c => c.EndTime).Must(t => t is null || TimeOfDay().IsMatch(t)).WithMessage("Die Uhrzeit des Endes hat die Form „HH:mm“, z. B. „19:30“.")
                .Must((c, t) => t is null || c.StartTime is null || !TimeOfDay().IsMatch(c.StartTime) || string.CompareOrdinal(t, c.StartTime) > 0)
                .WithMessage("Das Ende der Sitzung liegt nach ihrem Beginn.");
            RuleFor(c => c.Number).MaximumLength(50).SingleLineText("Die Sitzungsnummer");
            RuleFor(c => c.Room).MaximumLength(200).SingleLineText("Der Sitzungsraum");
            RuleFor(c => c.Address).MaximumLength(400).MultiLineText("Die Anschrift");
        }
    }

    public const string OrganizationSql = "SELECT id AS Id, body_id AS BodyId, kind AS Kind, active AS Active, name AS Name FROM organizations WHERE id = @OrganizationId";
    public const string NumberTakenSql = "SELECT COUNT(*) FROM meetings WHERE body_id = @BodyId AND number = @Number";
    public const string InsertSql =
        "INSERT INTO meetings (body_id, organization_id, number, meeting_date, start_time, end_time, room, address, is_public, status, version, " +
        "created_at, created_by, updated_at, updated_by) VALUES (@BodyId, @OrganizationId, @Number, @Date, @StartTime, @EndTime, @Room, @Address, @Public, " +
        "'planned', 1, @Now, @Actor, @Now, @Actor) {{ReturnId}}";

    public sealed record OrganizationRow(long Id, long BodyId, string Kind, bool Active, string Name);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules) : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var organization = await connection.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition(OrganizationSql, command, db.Transaction, cancellationToken: cancellationToken));
            if (organization is null || !caller.BelongsTo(organization.BodyId)) throw new NotFoundException("Gremium", command.OrganizationId);
            MeetingAccess.RequireOffice(caller, organization.BodyId);
            if (organization.Kind is "fraktion" or "gruppe")
                throw new MeetingRuleException("not_a_gremium", $"„{organization.Name}“ ist eine Fraktion oder Gruppe, kein Gremium des Kreistages; für sie werden hier keine Sitzungen geplant.");
            if (!organization.Active) throw new MeetingRuleException("gremium_inactive", $"Das Gremium „{organization.Name}“ ist aufgelöst.");
            var number = TextRules.Clean(command.Number)?.Trim() is { Length: > 0 } n ? n : null;
            if (number is not null && await connection.ExecuteScalarAsync<int>(new CommandDefinition(NumberTakenSql, new { organization.BodyId, Number = number }, db.Transaction,
                cancellationToken: cancellationToken)) > 0)
                throw new ConflictException("meeting_number_taken", $"Die Sitzungsnummer „{number}“ ist bereits vergeben.");
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
            {
                organization.BodyId, command.OrganizationId, Number = number, Date = command.Date!.Value.ToString("yyyy-MM-dd"), command.StartTime, command.EndTime,
                Room = TextRules.Clean(command.Room)?.Trim(), Address = TextRules.Clean(command.Address)?.Trim(), command.Public,
                Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            await MeetingSql.LogAsync(db, id, "created", $"Sitzung geplant: {organization.Name}, {command.Date:dd.MM.yyyy}", caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, id, caller, rules, cancellationToken);
        }
    }
}
