using System.Text.Json;
using System.Text.RegularExpressions;
using Vorlagen.Domain.Organizations;

namespace Vorlagen.Domain.Rules;

/// <summary>Maps the JSON structure of a rule profile onto <see cref="RuleProfile"/>.</summary>
internal sealed partial class ProfileReader(JsonFields fields)
{
    private static readonly string[] Common = ["validFrom", "citation", "note", "wordingVerified", "source"];

    public RuleProfile Read(JsonElement root)
    {
        var profile = fields.Object(root, "$");
        fields.OnlyKnown(profile, "$", ["id", "name", "law", "note", "rules"]);
        var id = fields.String(profile, "$", "id");
        if (!IdPattern().IsMatch(id))
        {
            throw fields.Fail("$.id", $"'id' must consist of lowercase letters, digits, '_' or '-', got '{id}'");
        }

        const string path = "$.rules";
        var rules = fields.Object(fields.Required(profile, "$", "rules"), path);
        fields.OnlyKnown(rules, path, RuleNames.All);
        var profileRules = new ProfileRules(
            History(rules, RuleNames.Quorum, required: true, ["fraction", "comparison"], (o, p, c) =>
                new QuorumRule(c.ValidFrom, c.Citation, c.Note, fields.Fraction(o, p, "fraction"), fields.Comparison(o, p, "comparison"))),
            History(rules, RuleNames.ReducedQuorum, required: false, ["recusedFraction", "recusedComparison", "fraction", "comparison"], (o, p, c) =>
                new ReducedQuorumRule(c.ValidFrom, c.Citation, c.Note,
                    fields.Fraction(o, p, "recusedFraction"), fields.Comparison(o, p, "recusedComparison"),
                    fields.Fraction(o, p, "fraction"), fields.Comparison(o, p, "comparison"))),
            History(rules, RuleNames.SecondSessionQuorum, required: false, ["minimumPresent"], (o, p, c) =>
                new SecondSessionRule(c.ValidFrom, c.Citation, c.Note, fields.PositiveInt(o, p, "minimumPresent"))),
            History(rules, RuleNames.Majority, required: true, ["abstentions", "tie"], ReadMajority),
            History(rules, RuleNames.AbstentionAllowed, required: true, ["allowed"], (o, p, c) =>
                new AbstentionRule(c.ValidFrom, c.Citation, c.Note, fields.Boolean(o, p, "allowed"))),
            Keyed(rules, RuleNames.QualifiedMajorities, code => MajorityRequirements.Find(code) is { IsQualified: true },
                string.Join(", ", MajorityRequirements.All.Where(m => m.IsQualified).Select(m => m.Code)), "qualified majority"),
            Periods(rules, RuleNames.WiderspruchPeriod),
            Periods(rules, RuleNames.RehearingPeriod),
            Periods(rules, RuleNames.QuestionAnswerPeriod))
        {
            ElectionMajority = History(rules, RuleNames.ElectionMajority, required: false, [], Citation),
            ElectionRunOff = History(rules, RuleNames.ElectionRunOff, required: false, ["candidates", "lotOnTie"], (o, p, c) =>
                new ElectionRunOffRule(c.ValidFrom, c.Citation, c.Note, fields.PositiveInt(o, p, "candidates"), fields.Boolean(o, p, "lotOnTie"))),
            ChairVotes = Keyed(rules, RuleNames.ChairVotes, code => OrganizationKinds.Find(code) is not null,
                string.Join(", ", OrganizationKinds.All.Select(k => k.Code)), "Gremium kind"),
            RecusedCommitteeHandOver = History(rules, RuleNames.RecusedCommitteeHandOver, required: false, [], Citation),
            ObjectionDecidedBy = History(rules, RuleNames.ObjectionDecidedBy, required: false, ["decidedBy"], ReadObjection),
            LandratSeat = History(rules, RuleNames.LandratSeat, required: false, ["countedIn"], (o, p, c) =>
                new LandratSeatRule(c.ValidFrom, c.Citation, c.Note, LandratSeatRule.ReadKinds(fields, o, p))),
        };

        return new RuleProfile(
            id, fields.String(profile, "$", "name"), fields.String(profile, "$", "law"),
            fields.OptionalString(profile, "$", "note"), profileRules);
    }

    private MajorityRule ReadMajority(JsonElement obj, string path, Stamp stamp)
    {
        var abstentions = fields.String(obj, path, "abstentions") switch
        {
            "ignored" => AbstentionHandling.Ignored,
            "countAsNo" => AbstentionHandling.CountAsNo,
            var other => throw fields.Fail($"{path}.abstentions", $"'abstentions' must be 'ignored' or 'countAsNo', got '{other}'"),
        };
        // Only "tie = rejected" is implemented; a profile claiming e.g. a casting vote must fail instead of being misread.
        var tie = fields.String(obj, path, "tie");
        if (tie != "rejected")
        {
            throw fields.Fail($"{path}.tie", $"'tie' must be 'rejected' (the only supported tie rule), got '{tie}'");
        }
        return new MajorityRule(stamp.ValidFrom, stamp.Citation, stamp.Note, abstentions);
    }

    private ObjectionRule ReadObjection(JsonElement obj, string path, Stamp stamp) => new(stamp.ValidFrom, stamp.Citation, stamp.Note,
        fields.String(obj, path, "decidedBy") switch
        {
            "sameOrganization" => ObjectionForum.SameOrganization,
            "kreistag" => ObjectionForum.Kreistag,
            var other => throw fields.Fail($"{path}.decidedBy", $"'decidedBy' must be 'sameOrganization' or 'kreistag', got '{other}'"),
        });

    private static CitationRule Citation(JsonElement obj, string path, Stamp stamp) => new(stamp.ValidFrom, stamp.Citation, stamp.Note);

    /// <summary>A rule whose histories are keyed by a code (qualified majority, Gremium kind); unknown keys fail.</summary>
    private Dictionary<string, RuleHistory<CitationRule>> Keyed(JsonElement rules, string name, Func<string, bool> isKnown, string known, string what)
    {
        var path = JsonFields.Child("$.rules", name);
        var result = new Dictionary<string, RuleHistory<CitationRule>>(StringComparer.Ordinal);
        if (!rules.TryGetProperty(name, out var element))
        {
            return result;
        }
        foreach (var property in fields.Object(element, path).EnumerateObject())
        {
            if (!isKnown(property.Name))
            {
                throw fields.Fail(JsonFields.Child(path, property.Name), $"unknown {what} '{property.Name}' (known: {known})");
            }
            result[property.Name] = Versions(property.Value, JsonFields.Child(path, property.Name), required: true, [], Citation);
        }
        return result;
    }

    private RuleHistory<PeriodRule> Periods(JsonElement rules, string name) =>
        History(rules, name, required: false, ["period", "isDefault"], (o, p, c) =>
            new PeriodRule(c.ValidFrom, c.Citation, c.Note, fields.Period(o, p, "period"),
                o.TryGetProperty("isDefault", out _) && fields.Boolean(o, p, "isDefault")));

    private RuleHistory<T> History<T>(
        JsonElement rules, string name, bool required, string[] specific, Func<JsonElement, string, Stamp, T> read)
        where T : VersionedRule
    {
        var path = JsonFields.Child("$.rules", name);
        if (!rules.TryGetProperty(name, out var element))
        {
            return required ? throw fields.Fail(path, $"missing rule '{name}'") : RuleHistory<T>.None;
        }
        return Versions(element, path, required, specific, read);
    }

    private RuleHistory<T> Versions<T>(
        JsonElement element, string path, bool required, string[] specific, Func<JsonElement, string, Stamp, T> read)
        where T : VersionedRule
    {
        var versions = new List<T>();
        foreach (var item in fields.Array(element, path).EnumerateArray())
        {
            var itemPath = $"{path}[{versions.Count}]";
            var obj = fields.Object(item, itemPath);
            fields.OnlyKnown(obj, itemPath, [.. Common, .. specific]);
            var stamp = new Stamp(
                fields.Date(obj, itemPath, "validFrom"), fields.String(obj, itemPath, "citation"), fields.OptionalString(obj, itemPath, "note"),
                fields.Boolean(obj, itemPath, "wordingVerified"), fields.String(obj, itemPath, "source"));
            if (versions.Count > 0 && stamp.ValidFrom <= versions[^1].ValidFrom)
            {
                throw fields.Fail($"{itemPath}.validFrom",
                    $"versions must be in ascending order of validFrom: {stamp.ValidFrom:yyyy-MM-dd} is not after {versions[^1].ValidFrom:yyyy-MM-dd}");
            }
            // Every version says whether its wording was checked against a statute text, and where it comes from.
            var rule = (VersionedRule)read(obj, itemPath, stamp) with { WordingVerified = stamp.WordingVerified, Source = stamp.Source };
            versions.Add((T)rule);
        }
        if (required && versions.Count == 0)
        {
            throw fields.Fail(path, "needs at least one version");
        }
        return new RuleHistory<T>(versions);
    }

    /// <summary>The fields every rule version carries.</summary>
    private readonly record struct Stamp(DateOnly ValidFrom, string Citation, string? Note, bool WordingVerified, string Source);

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
