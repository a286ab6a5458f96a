using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// Who may add or replace a paper's Anlagen, and when: the office (clerk) of the paper's body while the paper is a draft,
/// submitted or in deliberation. Once decided (or withdrawn) its Anlagen are part of the record and stay as they are.
/// Every replacement keeps the earlier version in the file's history.
/// </summary>
public static class FileWriting
{
    public static readonly string[] OpenStatuses = [PaperStatuses.Draft, PaperStatuses.Submitted, PaperStatuses.InDeliberation];

    public static void RequireWritable(Caller caller, PaperReader.Loaded paper)
    {
        if (!caller.Is(Roles.Clerk) || !caller.BelongsTo(paper.Paper.BodyId))
            throw new ForbiddenException("Anlagen hochladen und ersetzen darf nur der Sitzungsdienst der Körperschaft.");
        if (!OpenStatuses.Contains(paper.Paper.Status))
            throw new ConflictException("files_closed",
                $"Die Vorlage ist „{PaperStatuses.Label(PaperAccess.ShownStatus(caller, paper.Paper, paper.Consultations))}“; ihre Anlagen " +
                "gehören zum abgeschlossenen Vorgang und können nicht mehr hinzugefügt oder ersetzt werden.");
    }

    /// <summary>For pages: whether to offer the upload and replace forms (the commands check again).</summary>
    public static bool MayWrite(Caller caller, long bodyId, string status) =>
        caller.Is(Roles.Clerk) && caller.BelongsTo(bodyId) && OpenStatuses.Contains(status);
}

/// <summary>The database side of an upload that is already in the file store.</summary>
public static class FileRows
{
    /// <summary>Records the content once (with the text extracted at upload) and the new version of the file.</summary>
    public static async Task InsertVersionAsync(Vorlagen.Api.Data.DbSession db, long fileId, int version, IncomingFile file, string now, string actor,
        CancellationToken cancellationToken)
    {
        var text = file.Text ?? new TextExtraction.Result(TextExtraction.Failed, null); // null only when the content was already recorded
        await Dapper.SqlMapper.ExecuteAsync(db.Connection, new Dapper.CommandDefinition(FileSql.InsertContentSql, new
        {
            file.Sha256, file.Size, file.MimeType, TextStatus = text.Status, ExtractedText = text.Text, Now = now,
        }, db.Transaction, cancellationToken: cancellationToken));
        await Dapper.SqlMapper.ExecuteAsync(db.Connection, new Dapper.CommandDefinition(FileSql.InsertVersionSql, new
        {
            FileId = fileId, Version = version, file.Sha256, file.FileName, Now = now, Actor = actor,
        }, db.Transaction, cancellationToken: cancellationToken));
    }
}
