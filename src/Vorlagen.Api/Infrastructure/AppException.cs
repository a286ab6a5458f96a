namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// An expected failure a user can act on. <see cref="Code"/> is stable for clients; the message is
/// German and written for a clerk. Mapped to ProblemDetails in one place.
/// </summary>
public abstract class AppException(int status, string code, string title, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;

    /// <summary>Extra members for the ProblemDetails body (e.g. allowed actions, violated rules).</summary>
    public virtual IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>();
}
