namespace Vorlagen.Domain.Voting;

/// <summary>
/// Quorum as applied: <see cref="Required"/> members present and entitled, <see cref="Present"/> there were.
/// <see cref="Basis"/> is "regular", "reduced_recused" or "second_session".
/// </summary>
public sealed record QuorumFacts(int Required, int Present, bool Reached, string Basis, string Citation, bool WordingVerified = false);
