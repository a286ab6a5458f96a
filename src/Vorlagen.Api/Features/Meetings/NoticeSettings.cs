using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The body's Geschäftsordnung sets its own Ladungsfrist (full days between receipt and session day), overriding the state law's
/// (Sachsen: the law leaves it to the Geschäftsordnung, § 32 Abs. 3 Satz 2 SächsLKrO). Admins of the body only.
/// </summary>
public static class NoticeSettings
{
    public sealed record Command(long BodyId, int? FullDays, string? Citation) : ICommand<Result>;

    public sealed record Result(long BodyId, int FullDays, string Citation, string UpdatedBy);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FullDays).NotNull().WithMessage("Bitte geben Sie die Ladungsfrist in vollen Tagen an (fullDays).")
                .InclusiveBetween(0, 60).WithMessage("Die Ladungsfrist liegt zwischen 0 und 60 vollen Tagen.");
            RuleFor(c => c.Citation).RequiredText().WithMessage("Bitte nennen Sie die Fundstelle in der Geschäftsordnung (citation), z. B. „§ 3 Abs. 1 GeschO Kreistag“.")
                .MaximumLength(300).SingleLineText("Die Fundstelle");
        }
    }

    public const string DeleteSql = "DELETE FROM meeting_notice_settings WHERE body_id = @BodyId";
    public const string InsertSql =
        "INSERT INTO meeting_notice_settings (body_id, full_days, citation, updated_at, updated_by) VALUES (@BodyId, @FullDays, @Citation, @Now, @Actor)";
    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @BodyId";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            if (!caller.BelongsTo(command.BodyId) || await connection.ExecuteScalarAsync<int>(new CommandDefinition(BodyExistsSql, command, db.Transaction,
                cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", command.BodyId);
            if (!caller.Is(Roles.Admin)) throw new ForbiddenException("Die Ladungsfrist der Geschäftsordnung pflegt die Administration der Körperschaft.");
            var args = new { command.BodyId, command.FullDays, Citation = command.Citation!.Trim(), Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName };
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, args, db.Transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: cancellationToken));
            return new Result(command.BodyId, command.FullDays!.Value, args.Citation, caller.AuditName);
        }
    }
}
