using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// The office replaces an Anlage with a new version (and may retitle it). The earlier versions stay in the file's
/// history, visible to everyone who may see the file, so a replacement after the release is never silent.
/// If-Match (the file's version) guards against replacing a version one has not seen.
/// </summary>
public static class ReplaceFile
{
    public sealed record Check(long FileId) : IRequest<bool>;

    public sealed record Command(long FileId, int? ExpectedVersion, string? Title, IncomingFile File) : ICommand<FileDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Title).FileTitle().When(c => c.Title is not null);
    }

    public const string UpdateFileSql =
        "UPDATE files SET version = version + 1, title = @Title, updated_at = @Now, updated_by = @Actor WHERE id = @Id AND version = @Version";

    public sealed class CheckHandler(Caller caller, FileReader files) : IRequestHandler<Check, bool>
    {
        public async Task<bool> Handle(Check check, CancellationToken cancellationToken)
        {
            FileWriting.RequireWritable(caller, (await files.LoadVisibleAsync(check.FileId, cancellationToken)).Paper);
            return true;
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, FileReader files) : IRequestHandler<Command, FileDto>
    {
        public async Task<FileDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var current = await files.LoadVisibleAsync(command.FileId, cancellationToken);
            FileWriting.RequireWritable(caller, current.Paper);
            IfMatch.Check(command.ExpectedVersion, current.File.Version);
            var now = Instants.Format(clock.GetUtcNow());
            var changed = await db.Connection.ExecuteAsync(new CommandDefinition(UpdateFileSql, new
            {
                Id = command.FileId, current.File.Version, Title = command.Title?.Trim() ?? current.File.Title, Now = now, Actor = caller.DisplayName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.File.Version + 1);
            await FileRows.InsertVersionAsync(db, command.FileId, current.File.Version + 1, command.File, now, caller.DisplayName, cancellationToken);
            return await files.ReadAsync(command.FileId, cancellationToken);
        }
    }
}
