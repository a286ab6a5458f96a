using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// The office attaches an Anlage to a paper. The content is already in the file store (see <see cref="FileIntake"/>);
/// this command writes its rows in one transaction: the content with its text, the file as the next Anlage number, version 1.
/// </summary>
public static class UploadFile
{
    /// <summary>Asked before the request body is read, so nobody streams 50 MB only to hear "no". Writes nothing.</summary>
    public sealed record Check(long PaperId) : IRequest<bool>;

    public sealed record Command(long PaperId, string? Title, bool? Public, IncomingFile File) : ICommand<FileDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Title).FileTitle();
    }

    public const string NextNumberSql =
        "SELECT COALESCE(MAX(number), 0) + 1 FROM files WHERE owner_kind = @OwnerKind AND owner_id = @OwnerId AND role = @Role";
    public const string InsertFileSql =
        "INSERT INTO files (body_id, owner_kind, owner_id, role, number, title, is_public, version, created_at, created_by, updated_at, updated_by) " +
        "VALUES (@BodyId, @OwnerKind, @OwnerId, @Role, @Number, @Title, @IsPublic, 1, @Now, @Actor, @Now, @Actor) {{ReturnId}}";

    public sealed class CheckHandler(Caller caller, PaperReader papers) : IRequestHandler<Check, bool>
    {
        public async Task<bool> Handle(Check check, CancellationToken cancellationToken)
        {
            FileWriting.RequireWritable(caller, await papers.LoadVisibleAsync(check.PaperId, cancellationToken));
            return true;
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, PaperReader papers, FileReader files) : IRequestHandler<Command, FileDto>
    {
        public async Task<FileDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await papers.LoadVisibleAsync(command.PaperId, cancellationToken);
            FileWriting.RequireWritable(caller, paper);
            if (command.Public == true && !paper.Paper.IsPublic)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("public",
                    "Die Vorlage ist nichtöffentlich; ihre Anlagen können nicht öffentlich sein.")]);
            var now = Instants.Format(clock.GetUtcNow());
            var owner = new { OwnerKind = FileSql.OwnerPaper, OwnerId = command.PaperId, Role = FileSql.RoleAnlage };
            var number = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(NextNumberSql, owner, db.Transaction, cancellationToken: cancellationToken));
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertFileSql), new
            {
                paper.Paper.BodyId, owner.OwnerKind, owner.OwnerId, owner.Role, Number = number, Title = command.Title!.Trim(),
                IsPublic = command.Public ?? paper.Paper.IsPublic, Now = now, Actor = caller.DisplayName,
            }, db.Transaction, cancellationToken: cancellationToken));
            await FileRows.InsertVersionAsync(db, id, 1, command.File, now, caller.DisplayName, cancellationToken);
            return await files.ReadAsync(id, cancellationToken);
        }
    }
}

public static class FileTitleRules
{
    public static IRuleBuilderOptions<T, string?> FileTitle<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(TextRules.HasContent).WithMessage("Bitte geben Sie den Titel der Anlage an (z. B. „Integrationskonzept“).")
        .MaximumLength(200).WithMessage("Der Titel der Anlage darf höchstens 200 Zeichen lang sein.")
        .SingleLineText("Der Titel der Anlage");
}
