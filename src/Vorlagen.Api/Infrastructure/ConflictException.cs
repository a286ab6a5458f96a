namespace Vorlagen.Api.Infrastructure;

/// <summary>409: not allowed in the current state, or a concurrent change won. Lists what is allowed, if known.</summary>
public sealed class ConflictException(string code, string message, IReadOnlyList<string>? allowedActions = null)
    : AppException(409, code, "Konflikt", message)
{
    public override IReadOnlyDictionary<string, object?> Extensions =>
        allowedActions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["allowedActions"] = allowedActions };
}
