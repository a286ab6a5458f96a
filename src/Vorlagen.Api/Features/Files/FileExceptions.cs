using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Files;

/// <summary>413: the file is larger than the configured limit.</summary>
public sealed class FileTooLargeException(long maxBytes) : AppException(413, "file_too_large", "Datei zu groß",
    $"Die Datei ist größer als {FileSizes.Format(maxBytes)} und wurde nicht gespeichert. Bitte verkleinern Sie sie (z. B. als PDF mit geringerer Bildauflösung) oder teilen Sie sie auf.");

/// <summary>415: the content is none of the accepted types, whatever its name says.</summary>
public sealed class UnsupportedFileTypeException() : AppException(415, "unsupported_file_type", "Dateityp nicht erlaubt",
    $"Dieser Dateityp wird nicht angenommen. Erlaubt sind {FileTypes.AllowedText}; geprüft wird der Inhalt der Datei, nicht ihr Name.");

/// <summary>400: an upload without content.</summary>
public sealed class EmptyFileException() : AppException(400, "file_empty", "Datei fehlt",
    "Die Datei ist leer oder fehlt. Bitte wählen Sie eine Datei aus.");
