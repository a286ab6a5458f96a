using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Voting;

/// <summary>The numeric checks of a tally: arithmetic, quorum, abstentions, majority and the outcome it supports.</summary>
internal static class TallyEvaluation
{
    public static TallyDerived? Evaluate(TallyCheckInput input, VoteTally tally, Outcome? outcome, List<TallyViolation> errors)
    {
        var seats = input.Organization.Seats;
        if (!Arithmetic(tally, seats, errors))
        {
            return null;
        }

        // An unknown override is reported by the caller; an unknown default of the Gremium only matters here.
        var requirement = MajorityRequirements.Find(input.MajorityOverride ?? input.Organization.DefaultMajority);
        if (requirement is null && input.MajorityOverride is null)
        {
            errors.Add(UnknownMajority(input.Organization.DefaultMajority));
        }

        var rules = input.Profile.Rules;
        var date = input.DecisionDate;
        var (quorumRule, majorityRule, abstentionRule) = (rules.Quorum.At(date), rules.Majority.At(date), rules.AbstentionAllowed.At(date));
        foreach (var (rule, name) in new (object?, string)[] { (quorumRule, "Beschlussfähigkeit"), (majorityRule, "Mehrheit"), (abstentionRule, "Stimmenthaltung") })
        {
            if (rule is null)
            {
                errors.Add(new(ViolationCodes.RulesNotInForce,
                    $"Das Regelprofil „{input.Profile.Name}“ enthält für den {date:dd.MM.yyyy} keine gültige Regel zur {name}."));
            }
        }
        if (requirement is null || quorumRule is null || majorityRule is null || abstentionRule is null)
        {
            return null;
        }

        // Without the second-session easing first: whether the recusals alone made the Gremium inquorate.
        var (regular, _) = QuorumEvaluator.Evaluate(quorumRule, rules.ReducedQuorum.At(date), null, seats, tally, false);
        var byRecusal = !regular.Reached && tally.Entitled + tally.Recused >= regular.Required;
        var handOver = HandOverRule(input, date);
        // § 37 Abs. 5 Satz 3 SächsLKrO: then the Kreistag decides instead of a second session of the Ausschuss.
        var secondSession = input.SecondSession && !(byRecusal && handOver is not null);
        var (quorum, quorumText) = QuorumEvaluator.Evaluate(
            quorumRule, rules.ReducedQuorum.At(date), rules.SecondSessionQuorum.At(date), seats, tally, secondSession);

        if (outcome?.Expectation == TallyExpectation.NotQuorateByRecusal)
        {
            if (outcome.AllowedFor(input.Role))
            {
                CheckHandOver(input, tally, regular, byRecusal, handOver, errors);
            }
            return new TallyDerived(false, false, regular, new MajorityFacts(requirement.Code, requirement.Label,
                requirement.RequiredYes(tally, seats, majorityRule.Abstentions), tally.Yes, false, null));
        }

        if (!quorum.Reached)
        {
            var instead = byRecusal && handOver is not null
                ? $" Weil Befangenheit die Beschlussunfähigkeit verursacht, entscheidet der Kreistag an Stelle des Ausschusses ({handOver.Citation}); "
                  + $"erfassen Sie dann das Ergebnis „{Outcomes.Find(Outcomes.HandedToKreistag)!.Label}“."
                : "";
            errors.Add(new(ViolationCodes.QuorumNotReached,
                $"Das Gremium war nicht beschlussfähig: Erforderlich sind mindestens {quorum.Required} anwesende stimmberechtigte "
                + $"Mitglieder ({quorumText}), anwesend und stimmberechtigt waren {quorum.Present}.{instead}", quorum.Citation,
                WordingVerified: quorum.WordingVerified));
        }

        if (!abstentionRule.Allowed && tally.Abstain > 0)
        {
            errors.Add(new(ViolationCodes.AbstentionNotAllowed,
                $"Stimmenthaltung ist nach dem Regelprofil „{input.Profile.Name}“ nicht zulässig; angegeben wurden {tally.Abstain} Enthaltungen.",
                abstentionRule.Citation, "abstain", abstentionRule.WordingVerified));
        }

        // A qualified majority the profile has no legal basis for stays without citation (null, never "").
        VersionedRule? basis = requirement.Code == MajorityRequirements.Election ? rules.ElectionMajority.At(date)
            : requirement.IsQualified ? input.Profile.QualifiedMajority(requirement.Code, date)
            : majorityRule;
        var required = requirement.RequiredYes(tally, seats, majorityRule.Abstentions);
        var majority = new MajorityFacts(requirement.Code, requirement.Label, required, tally.Yes, tally.Yes >= required, basis?.Citation,
            basis?.WordingVerified);
        CheckOutcome(outcome, tally, majority, requirement.Describe(tally, seats, majorityRule.Abstentions), errors);

        return new TallyDerived(quorum.Reached && majority.Reached, VoteWording.IsUnanimous(tally.Yes, tally.No), quorum, majority)
        {
            UnanimityText = VoteWording.Unanimity(tally.Yes, tally.No, tally.Abstain),
        };
    }

    /// <summary>The hand-over rule for a deciding beschließender Ausschuss (Kreisausschuss included), or null.</summary>
    private static CitationRule? HandOverRule(TallyCheckInput input, DateOnly date) =>
        input.Role == ConsultationRoles.Beschliessend
        && input.Organization.Kind is OrganizationKinds.BeschliessenderAusschuss or OrganizationKinds.Kreisausschuss
            ? input.Profile.Rules.RecusedCommitteeHandOver.At(date)
            : null;

    private static void CheckHandOver(TallyCheckInput input, VoteTally tally, QuorumFacts regular, bool byRecusal, CitationRule? rule,
        List<TallyViolation> errors)
    {
        if (rule is null)
        {
            errors.Add(new(ViolationCodes.HandOverNotAllowed,
                $"Die Abgabe an den Kreistag wegen Befangenheit gibt es nach dem Regelprofil „{input.Profile.Name}“ nur für einen "
                + "beschließenden Ausschuss, der selbst entscheidet.", Field: "outcome"));
            return;
        }
        if (!byRecusal)
        {
            errors.Add(new(ViolationCodes.HandOverNotByRecusal, regular.Reached
                ? $"Das Gremium war beschlussfähig ({tally.Entitled} anwesend und stimmberechtigt, erforderlich {regular.Required}); "
                  + "der Kreistag entscheidet nur, wenn Befangenheit die Beschlussfähigkeit verhindert."
                : $"Die Beschlussunfähigkeit beruht nicht auf Befangenheit: Auch mit den {tally.Recused} Befangenen wären nur "
                  + $"{tally.Entitled + tally.Recused} von {regular.Required} erforderlichen Mitgliedern anwesend gewesen. "
                  + "Dann ist eine zweite Sitzung einzuberufen.", rule.Citation, "votes", rule.WordingVerified));
        }
    }

    public static TallyViolation UnknownMajority(string code) => new(ViolationCodes.MajorityUnknown,
        $"Unbekannte Mehrheitsregel „{code}“. Zulässig: {TallyChecker.List(MajorityRequirements.All.Select(m => $"{m.Code} ({m.Label})"))}.",
        Field: "majority");

    private static bool Arithmetic(VoteTally tally, int seats, List<TallyViolation> errors)
    {
        var before = errors.Count;
        foreach (var (value, field, name) in new[]
        {
            (tally.Entitled, "entitled", "anwesenden Stimmberechtigten"), (tally.Yes, "yes", "Ja-Stimmen"),
            (tally.No, "no", "Nein-Stimmen"), (tally.Abstain, "abstain", "Enthaltungen"), (tally.Recused, "recused", "Befangenen"),
        })
        {
            if (value < 0)
            {
                errors.Add(new(ViolationCodes.TallyNegative, $"Die Zahl der {name} darf nicht negativ sein (angegeben: {value}).", Field: field));
            }
        }
        if (errors.Count > before)
        {
            return false;
        }
        if (tally.VotesCast > tally.Entitled)
        {
            errors.Add(new(ViolationCodes.TallyVotesExceedEntitled,
                $"Es wurden {tally.VotesCast} Stimmen abgegeben ({tally.Yes} Ja, {tally.No} Nein, {tally.Abstain} Enthaltungen), "
                + $"aber nur {tally.Entitled} Mitglieder waren anwesend und stimmberechtigt."));
        }
        if ((long)tally.Entitled + tally.Recused > seats)
        {
            errors.Add(new(ViolationCodes.TallyExceedsSeats,
                $"{tally.Entitled} anwesende Stimmberechtigte und {tally.Recused} Befangene ergeben {(long)tally.Entitled + tally.Recused} Mitglieder, "
                + $"das Gremium hat aber nur {seats} Sitze."));
        }
        return errors.Count == before;
    }

    // The label is never trusted: real records say "Annahme" with 17 yes / 43 no.
    private static void CheckOutcome(Outcome? outcome, VoteTally tally, MajorityFacts majority, string rule, List<TallyViolation> errors)
    {
        var contradicts = outcome?.Expectation switch
        {
            TallyExpectation.MajorityReached => !majority.Reached,
            TallyExpectation.MajorityNotReached => majority.Reached,
            _ => false,
        };
        if (!contradicts)
        {
            return;
        }
        var votes = $"{tally.Yes} Ja, {tally.No} Nein, {tally.Abstain} Enthaltungen";
        var verdict = majority.Reached
            ? $"Mit {majority.Yes} Ja-Stimmen ist die erforderliche Mehrheit erreicht"
            : $"Mit {majority.Yes} Ja-Stimmen ist die erforderliche Mehrheit nicht erreicht";
        errors.Add(new(ViolationCodes.OutcomeContradictsTally,
            $"Das Ergebnis „{outcome!.Label}“ widerspricht der Abstimmung ({votes}): {verdict} – "
            + $"nötig waren mindestens {majority.Required} Ja-Stimmen ({majority.Label}: {rule}).",
            majority.Citation, "outcome", majority.WordingVerified));
    }
}
