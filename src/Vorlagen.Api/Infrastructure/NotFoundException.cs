namespace Vorlagen.Api.Infrastructure;

/// <summary>404. Also used for resources the caller may not see, so their existence does not leak.</summary>
public sealed class NotFoundException(string resource, object id)
    : AppException(404, "not_found", "Nicht gefunden", $"{resource} {id} wurde nicht gefunden.");
