using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>422: the request is well-formed but a rule of session planning forbids it (e.g. a paper not due in this Gremium).</summary>
public sealed class MeetingRuleException(string code, string message) : AppException(422, code, "Nicht möglich", message);
