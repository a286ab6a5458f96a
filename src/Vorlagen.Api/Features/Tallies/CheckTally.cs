using FluentValidation;
using MediatR;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Tallies;

/// <summary>Live validation of a tally for forms: same engine as result recording, writes nothing.</summary>
public static class CheckTally
{
    public sealed record Query(long OrganizationId, VotesInput? Votes, string? Majority, bool SecondSession, string? Outcome,
        string? Role, DateOnly? Date) : IRequest<TallyCheckResult>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Outcome).NotEmpty().WithMessage("Bitte geben Sie das Ergebnis (outcome) an.");
            RuleFor(q => q.Date).PlausibleDate();
            RuleFor(q => q.Votes!).SetValidator(new VotesInputValidator()).When(q => q.Votes is not null);
        }
    }

    public sealed class Handler(IMediator mediator, TallyRules rules, TimeProvider clock) : IRequestHandler<Query, TallyCheckResult>
    {
        public async Task<TallyCheckResult> Handle(Query query, CancellationToken cancellationToken)
        {
            var organization = await mediator.Send(new GetOrganization.Query(query.OrganizationId), cancellationToken);
            // Without a role, take the one the outcome belongs to (forms usually know it; quick checks may not).
            var role = query.Role ?? Outcomes.Find(query.Outcome)?.Roles.FirstOrDefault() ?? ConsultationRoles.Beschliessend;
            return await rules.CheckAsync(organization, role, query.Outcome!, query.Votes?.ToTally(),
                query.Date ?? BerlinTime.Today(clock), query.Majority, query.SecondSession, cancellationToken);
        }
    }
}
