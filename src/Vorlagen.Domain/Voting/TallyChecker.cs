using Vorlagen.Domain.Organizations;

namespace Vorlagen.Domain.Voting;

/// <summary>
/// Checks a recorded consultation result against the Gremium's rules and the state's rule profile. Never throws for
/// bad input: unknown codes and impossible numbers become <see cref="TallyViolation"/>s.
/// </summary>
public static class TallyChecker
{
    public static TallyCheckResult Check(TallyCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Profile);
        ArgumentNullException.ThrowIfNull(input.Organization);

        var errors = new List<TallyViolation>();
        var role = ConsultationRoles.Find(input.Role);
        var outcome = Outcomes.Find(input.Outcome);
        CheckOrganization(input.Organization, role, errors);
        CheckChair(input, errors);
        CheckRoleAndOutcome(input, role, outcome, errors);

        if (input.MajorityOverride is { } code && MajorityRequirements.Find(code) is null)
        {
            errors.Add(TallyEvaluation.UnknownMajority(code));
        }

        // A tally on an outcome that takes none (e.g. "zur Kenntnis genommen") is only reported, not evaluated.
        var derived = input.Tally is { } tally && input.Organization.Seats >= 1 && outcome?.TakesTally != false
            ? TallyEvaluation.Evaluate(input, tally, outcome, errors)
            : null;
        return new TallyCheckResult(errors.Count == 0, errors, derived);
    }

    private static void CheckOrganization(OrganizationRules organization, ConsultationRole? role, List<TallyViolation> errors)
    {
        if (organization.Seats < 1)
        {
            errors.Add(new(ViolationCodes.OrganizationSeatsInvalid,
                $"Die Sitzzahl des Gremiums muss mindestens 1 sein (hinterlegt: {organization.Seats})."));
        }
        var kind = OrganizationKinds.Find(organization.Kind);
        if (kind is null)
        {
            errors.Add(new(ViolationCodes.OrganizationKindUnknown,
                $"Unbekannte Gremienart „{organization.Kind}“. Zulässig: {List(OrganizationKinds.All.Select(k => $"{k.Code} ({k.Label})"))}."));
        }
        else if (!kind.MayDecide && role?.Code == ConsultationRoles.Beschliessend)
        {
            errors.Add(new(ViolationCodes.RoleNotAllowedForKind,
                $"Ein Gremium der Art „{kind.Label}“ berät nur und kann nicht beschließen; die Beratungsart „{role.Label}“ ist dort nicht möglich."));
        }
    }

    /// <summary>
    /// <see cref="OrganizationRules.Seats"/> counts every voting member, a voting chair included, so the flag does not change the
    /// count; it is checked against the law: where the profile makes the chair a voting member (Sachsen: Kreistag § 48 Abs. 1,
    /// beschließende Ausschüsse § 38 Abs. 1 with § 37 Abs. 5), a Gremium whose chair "does not vote" is set up wrongly.
    /// </summary>
    private static void CheckChair(TallyCheckInput input, List<TallyViolation> errors)
    {
        if (input.Organization.ChairVotes || input.Profile.ChairVotingMember(input.Organization.Kind, input.DecisionDate) is not { } rule)
        {
            return;
        }
        var kind = OrganizationKinds.Find(input.Organization.Kind)!.Label;
        errors.Add(new(ViolationCodes.ChairMustVote,
            $"Der Vorsitz ist im Gremium der Art „{kind}“ stimmberechtigtes Mitglied ({rule.Citation}) und zählt bei der Sitzzahl und "
            + "der Beschlussfähigkeit mit. In den Gremiendaten ist „Der Vorsitz stimmt mit“ aber ausgeschaltet; bitte korrigieren Sie "
            + "die Gremiendaten (Sitzzahl einschließlich Vorsitz).", rule.Citation, WordingVerified: rule.WordingVerified));
    }

    private static void CheckRoleAndOutcome(TallyCheckInput input, ConsultationRole? role, Outcome? outcome, List<TallyViolation> errors)
    {
        if (role is null)
        {
            errors.Add(new(ViolationCodes.RoleUnknown,
                $"Unbekannte Beratungsart „{input.Role}“. Zulässig: {List(ConsultationRoles.All.Select(r => $"{r.Code} ({r.Label})"))}.", Field: "role"));
        }
        if (outcome is null)
        {
            errors.Add(new(ViolationCodes.OutcomeUnknown,
                $"Unbekanntes Ergebnis „{input.Outcome}“. Zulässig: {List(Outcomes.All.Select(o => $"{o.Code} ({o.Label})"))}.", Field: "outcome"));
            return;
        }
        if (role is not null && !outcome.AllowedFor(role.Code))
        {
            // Whether this outcome takes a tally is moot once the outcome itself is wrong.
            errors.Add(new(ViolationCodes.OutcomeNotAllowedForRole,
                $"Bei der Beratungsart „{role.Label}“ ist das Ergebnis „{outcome.Label}“ nicht zulässig. "
                + $"Zulässig: {List(Outcomes.ForRole(role.Code).Select(o => o.Label))}.", Field: "outcome"));
            return;
        }
        if (outcome.RequiresTally && input.Tally is null)
        {
            errors.Add(new(ViolationCodes.TallyMissing,
                $"Für das Ergebnis „{outcome.Label}“ fehlt das Abstimmungsergebnis (Ja, Nein, Enthaltungen, Befangene).", Field: "votes"));
        }
        else if (!outcome.TakesTally && input.Tally is not null)
        {
            errors.Add(new(ViolationCodes.TallyNotAllowed,
                $"Beim Ergebnis „{outcome.Label}“ wird nicht abgestimmt; bitte kein Abstimmungsergebnis angeben.", Field: "votes"));
        }
    }

    internal static string List(IEnumerable<string> items) => string.Join(", ", items);
}
