using Microsoft.Data.Sqlite;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Files;

/// <summary>Where uploaded files are stored and how large they may be. Bound from <c>Vorlagen:Files</c>.</summary>
public sealed class FilesOptions
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>The file store's folder; default <c>files</c> beside the SQLite database, else <c>data/files</c>.</summary>
    public string Root { get; set; } = "";

    /// <summary>Largest accepted file (default 50 MB).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Unfinished uploads older than this are deleted at start-up (they belong to a process that died).</summary>
    public TimeSpan StaleUploadAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What a whole multipart request may carry: the file plus form fields and part headers.</summary>
    public long MaxRequestBytes => MaxBytes + 1_000_000;

    public static FilesOptions From(IConfiguration configuration, DatabaseOptions database)
    {
        var options = configuration.GetSection("Vorlagen:Files").Get<FilesOptions>() ?? new FilesOptions();
        if (options.MaxBytes <= 0) throw new InvalidOperationException("Vorlagen:Files:MaxBytes muss größer als 0 sein.");
        if (string.IsNullOrWhiteSpace(options.Root)) options.Root = DefaultRoot(database);
        options.Root = Path.GetFullPath(options.Root);
        return options;
    }

    private static string DefaultRoot(DatabaseOptions database)
    {
        if (database.Provider == DatabaseOptions.Sqlite
            && new SqliteConnectionStringBuilder(database.ConnectionString).DataSource is { Length: > 0 } file && file != ":memory:"
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            return Path.Combine(folder, "files");
        return Path.Combine("data", "files");
    }
}
