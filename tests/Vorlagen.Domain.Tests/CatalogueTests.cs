using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

public class CatalogueTests
{
    [Theory]
    [InlineData("recommended", "empfohlen", true, "vorberatend")]
    [InlineData("not_recommended", "nicht empfohlen", true, "vorberatend")]
    [InlineData("adopted", "beschlossen", true, "beschliessend")]
    [InlineData("adopted_amended", "geändert beschlossen", true, "beschliessend")]
    [InlineData("rejected", "abgelehnt", true, "beschliessend")]
    [InlineData("no_recommendation", "ohne Empfehlung", false, "vorberatend")]
    [InlineData("noted", "zur Kenntnis genommen", false, "kenntnisnahme")]
    [InlineData("postponed", "vertagt", false, "vorberatend,beschliessend,kenntnisnahme")]
    [InlineData("deferred", "zurückgestellt", false, "vorberatend,beschliessend,kenntnisnahme")]
    [InlineData("removed_from_agenda", "von der Tagesordnung abgesetzt", false, "vorberatend,beschliessend,kenntnisnahme")]
    [InlineData("referred", "verwiesen", false, "vorberatend,beschliessend,kenntnisnahme")]
    public void Outcome_catalogue(string code, string label, bool requiresTally, string roles)
    {
        var outcome = Outcomes.Find(code);

        Assert.NotNull(outcome);
        Assert.Equal(label, outcome.Label);
        Assert.Equal(requiresTally, outcome.RequiresTally);
        Assert.Equal(roles.Split(','), outcome.Roles);
    }

    [Fact]
    public void Catalogues_are_complete_and_unique()
    {
        Assert.Equal(12, Outcomes.All.Select(o => o.Code).Distinct().Count());
        Assert.Equal(["vorberatend", "beschließend", "Kenntnisnahme"], ConsultationRoles.All.Select(r => r.Label));
        Assert.Equal(["simple", "absolute_members", "two_thirds_present", "three_quarters_members", "election"], MajorityRequirements.All.Select(m => m.Code));
        Assert.Equal(["kreistag", "kreisausschuss", "beschliessender_ausschuss", "beratender_ausschuss", "beirat", "fraktion", "gruppe"],
            OrganizationKinds.All.Select(k => k.Code));
        Assert.Equal(["fraktion", "gruppe"], OrganizationKinds.All.Where(k => !k.Deliberates).Select(k => k.Code));
        Assert.Equal(19, ViolationCodes.All.Distinct().Count());
        Assert.Null(Outcomes.Find("Annahme"));
    }
}
