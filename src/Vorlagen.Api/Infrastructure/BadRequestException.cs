namespace Vorlagen.Api.Infrastructure;

/// <summary>400 for input problems found outside a validator (e.g. a malformed header).</summary>
public sealed class BadRequestException(string code, string message)
    : AppException(400, code, "Ungültige Anfrage", message);
