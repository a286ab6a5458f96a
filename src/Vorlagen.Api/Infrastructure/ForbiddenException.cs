namespace Vorlagen.Api.Infrastructure;

/// <summary>403: the caller can see the resource but may not do this. Invisible resources are 404 instead.</summary>
public sealed class ForbiddenException(string message)
    : AppException(403, "forbidden", "Keine Berechtigung", message);
