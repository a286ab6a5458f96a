namespace Vorlagen.Api.Features.Files;

/// <summary>Queries shared by the file slices.</summary>
public static class FileSql
{
    public const string OwnerPaper = "paper";
    public const string RoleAnlage = "anlage";

    public const string SelectFileSql =
        "SELECT f.id AS Id, f.body_id AS BodyId, f.owner_kind AS OwnerKind, f.owner_id AS OwnerId, f.role AS Role, f.number AS Number, " +
        "f.title AS Title, f.is_public AS IsPublic, f.version AS Version, f.created_at AS CreatedAt, f.created_by AS CreatedBy, " +
        "f.updated_at AS UpdatedAt, f.updated_by AS UpdatedBy, v.file_name AS FileName, v.sha256 AS Sha256, c.size AS Size, c.mime_type AS MimeType " +
        "FROM files f JOIN file_versions v ON v.file_id = f.id AND v.version = f.version JOIN file_contents c ON c.sha256 = v.sha256";

    public const string FileByIdSql = SelectFileSql + " WHERE f.id = @Id";

    public const string FilesOfOwnerSql = SelectFileSql + " WHERE f.owner_kind = @OwnerKind AND f.owner_id = @OwnerId ORDER BY f.role, f.number";

    public const string VersionsOfFileSql =
        "SELECT v.version AS Version, v.file_name AS FileName, v.sha256 AS Sha256, c.size AS Size, c.mime_type AS MimeType, " +
        "v.created_at AS CreatedAt, v.created_by AS CreatedBy FROM file_versions v JOIN file_contents c ON c.sha256 = v.sha256 " +
        "WHERE v.file_id = @Id ORDER BY v.version";

    public const string ContentKnownSql = "SELECT COUNT(*) FROM file_contents WHERE sha256 = @Sha256";

    /// <summary>The same content uploaded again (here or to another file) is stored once; its text was extracted the first time.</summary>
    public const string InsertContentSql =
        "INSERT INTO file_contents (sha256, size, mime_type, text_status, extracted_text, created_at) " +
        "SELECT @Sha256, @Size, @MimeType, @TextStatus, @ExtractedText, @Now WHERE NOT EXISTS (SELECT 1 FROM file_contents WHERE sha256 = @Sha256)";

    public const string InsertVersionSql =
        "INSERT INTO file_versions (file_id, version, sha256, file_name, created_at, created_by) VALUES (@FileId, @Version, @Sha256, @FileName, @Now, @Actor)";
}

/// <summary>A file with its current version (Dapper row; aliases match property names).</summary>
public sealed record FileRow
{
    public long Id { get; init; }
    public long BodyId { get; init; }
    public string OwnerKind { get; init; } = "";
    public long OwnerId { get; init; }
    public string Role { get; init; } = "";
    public int Number { get; init; }
    public string Title { get; init; } = "";
    public bool IsPublic { get; init; }
    public int Version { get; init; }
    public string CreatedAt { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public string UpdatedBy { get; init; } = "";
    public string FileName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long Size { get; init; }
    public string MimeType { get; init; } = "";
}

public sealed record FileVersionRow
{
    public int Version { get; init; }
    public string FileName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long Size { get; init; }
    public string MimeType { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string CreatedBy { get; init; } = "";
}
