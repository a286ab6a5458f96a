namespace Vorlagen.Domain.Voting;

/// <summary>
/// Abstimmungsergebnis. <see cref="Entitled"/> counts members present and entitled to vote; recused (befangene)
/// members are excluded from it and counted in <see cref="Recused"/>.
/// </summary>
public sealed record VoteTally(int Entitled, int Yes, int No, int Abstain, int Recused)
{
    public int VotesCast => Yes + No + Abstain;
}
