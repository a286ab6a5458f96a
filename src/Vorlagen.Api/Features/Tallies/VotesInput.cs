using FluentValidation;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Tallies;

/// <summary>A vote tally as sent by clients; abstain and recused default to 0.</summary>
public sealed record VotesInput(int? Entitled, int? Yes, int? No, int? Abstain, int? Recused)
{
    public VoteTally ToTally() => new(Entitled ?? 0, Yes ?? 0, No ?? 0, Abstain ?? 0, Recused ?? 0);
}

public sealed class VotesInputValidator : AbstractValidator<VotesInput>
{
    public const int MaxVotes = 1000;

    public VotesInputValidator()
    {
        RuleFor(v => v.Entitled).NotNull().WithMessage("Bitte geben Sie die Zahl der anwesenden Stimmberechtigten an.");
        RuleFor(v => v.Yes).NotNull().WithMessage("Bitte geben Sie die Ja-Stimmen an.");
        RuleFor(v => v.No).NotNull().WithMessage("Bitte geben Sie die Nein-Stimmen an.");
        RuleFor(v => v.Entitled).GreaterThanOrEqualTo(0).WithMessage("Die Zahl der Stimmberechtigten darf nicht negativ sein.");
        RuleFor(v => v.Yes).GreaterThanOrEqualTo(0).WithMessage("Die Ja-Stimmen dürfen nicht negativ sein.");
        RuleFor(v => v.No).GreaterThanOrEqualTo(0).WithMessage("Die Nein-Stimmen dürfen nicht negativ sein.");
        RuleFor(v => v.Abstain).GreaterThanOrEqualTo(0).WithMessage("Die Enthaltungen dürfen nicht negativ sein.");
        RuleFor(v => v.Recused).GreaterThanOrEqualTo(0).WithMessage("Die Zahl der Befangenen darf nicht negativ sein.");
        // No Gremium has more than 1000 seats; the cap also keeps sums far from integer overflow.
        RuleFor(v => v.Entitled).LessThanOrEqualTo(MaxVotes).WithMessage($"Mehr als {MaxVotes} Stimmberechtigte sind nicht möglich.");
        RuleFor(v => v.Yes).LessThanOrEqualTo(MaxVotes).WithMessage($"Mehr als {MaxVotes} Ja-Stimmen sind nicht möglich.");
        RuleFor(v => v.No).LessThanOrEqualTo(MaxVotes).WithMessage($"Mehr als {MaxVotes} Nein-Stimmen sind nicht möglich.");
        RuleFor(v => v.Abstain).LessThanOrEqualTo(MaxVotes).WithMessage($"Mehr als {MaxVotes} Enthaltungen sind nicht möglich.");
        RuleFor(v => v.Recused).LessThanOrEqualTo(MaxVotes).WithMessage($"Mehr als {MaxVotes} Befangene sind nicht möglich.");
    }
}
