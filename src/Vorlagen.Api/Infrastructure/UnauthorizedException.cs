namespace Vorlagen.Api.Infrastructure;

/// <summary>401: not signed in, or the sign-in failed.</summary>
public sealed class UnauthorizedException(string code, string message, IReadOnlyDictionary<string, object?>? extensions = null)
    : AppException(401, code, "Nicht angemeldet", message)
{
    public override IReadOnlyDictionary<string, object?> Extensions => extensions ?? new Dictionary<string, object?>();
}
