using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>422: the tally or outcome breaks the Gremium's legal rules; lists each rule with its citation.</summary>
public sealed class TallyRejectedException(IReadOnlyList<TallyViolation> violations)
    : AppException(422, "tally_rejected", "Abstimmungsergebnis nicht zulässig", string.Join(" ", violations.Select(v => v.Message)))
{
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>
    {
        ["violations"] = violations.Select(v => new { v.Code, v.Message, v.Citation, v.Field, v.WordingVerified }).ToList(),
    };
}
