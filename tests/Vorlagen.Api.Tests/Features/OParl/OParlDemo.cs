using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// Papers in both demo bodies, made through the API: public ones with public and non-public consultations and
/// tallies, and non-public ones carrying <see cref="Marker"/> in every text (titles, texts, a non-public
/// resolution wording) that must never reach OParl.
/// </summary>
public sealed class OParlDemo(VorlagenApp app)
{
    public const string Marker = "OPARLGEHEIM5K8";
    private readonly PaperApi _api = new(app);

    /// <summary>Papers the public sees (released, public) and those it must not (drafts, non-public, withdrawn before release).</summary>
    public List<long> Public { get; } = [];
    public List<long> Hidden { get; } = [];

    /// <summary>Kyffhäuser 2021/7/014, the seed walk-through: public Ausschuss and Kreistag, non-public Kreisausschuss; signed.</summary>
    public long Walkthrough { get; private set; }

    /// <summary>A public paper decided ("geändert beschlossen", marker in the wording) in a non-public Kreistag session.</summary>
    public long DecidedInSecret { get; private set; }

    public async Task CreateAsync()
    {
        var kyfClerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var kyfChair = await app.ClientFor("kyf.chair.soziales");
        var erzClerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var erzChair = await app.ClientFor("erz.chair.soziales");
        var kyf = app.BodyId("kyffhaeuserkreis");
        var erz = app.BodyId("erzgebirgskreis");

        var paper = await ReleasedAsync(kyfClerk, landraetin, PaperApi.KyffhaeuserPaper(kyf, "OP-2021/7/014"));
        Walkthrough = PaperApi.Id(paper);
        await _api.RecordAsync(kyfChair, Walkthrough, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } });
        await _api.RecordAsync(landraetin, Walkthrough, PaperApi.ConsultationId(paper, 2),
            new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 } });
        await _api.RecordAsync(landraetin, Walkthrough, PaperApi.ConsultationId(paper, 3),
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        await _api.ActAsync(landraetin, Walkthrough, "sign", new { date = "2021-04-01" });
        Public.Add(Walkthrough);

        paper = await ReleasedAsync(kyfClerk, landraetin, Paper(kyf, "OP-ND", isPublic: true,
            [new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false }]));
        DecidedInSecret = PaperApi.Id(paper);
        await _api.RecordAsync(landraetin, DecidedInSecret, PaperApi.ConsultationId(paper, 1), new
        {
            date = "2021-05-05", outcome = "adopted_amended", resolutionText = $"Geänderter Wortlaut {Marker}",
            votes = new { entitled = 33, yes = 20, no = 13, abstain = 0, recused = 0 },
        });
        await _api.ActAsync(landraetin, DecidedInSecret, "sign", new { date = "2021-05-06" });
        Public.Add(DecidedInSecret);

        // Withdrawn after its release: still a public paper, with its status.
        var withdrawn = PaperApi.Id(await ReleasedAsync(kyfClerk, landraetin, PaperApi.KyffhaeuserPaper(kyf, "OP-ZW")));
        await _api.ActAsync(kyfClerk, withdrawn, "withdraw", new { comment = "Zurückgezogen vom Einreicher" });
        Public.Add(withdrawn);

        Hidden.Add(PaperApi.Id(await ReleasedAsync(kyfClerk, landraetin, Paper(kyf, "OP-NOE", isPublic: false,
            [new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false }]))));
        Hidden.Add(PaperApi.Id(await _api.CreateAsync(kyfClerk, Paper(kyf, "OP-ENTW", isPublic: true, null))));
        var withdrawnEarly = PaperApi.Id(await _api.CreateAsync(kyfClerk, Paper(kyf, "OP-ZWF", isPublic: true, null)));
        await _api.ActAsync(kyfClerk, withdrawnEarly, "withdraw", new { comment = "Zurückgezogen vom Einreicher" });
        Hidden.Add(withdrawnEarly);

        // Erzgebirgskreis template: non-public Ausschuss (vorberatend), public Kreistag.
        paper = await ReleasedAsync(erzClerk, landrat, new
        {
            bodyId = erz, title = "Schulnetzplanung des Erzgebirgskreises", originator = "Abteilung 2", proposal = "Der Kreistag beschließt die Schulnetzplanung.",
            reasoning = "Die Schülerzahlen sind gesunken.", @public = true,
        });
        await _api.RecordAsync(erzChair, PaperApi.Id(paper), PaperApi.ConsultationId(paper, 1),
            new { date = "2021-11-22", outcome = "recommended", votes = new { entitled = 15, yes = 11, no = 2, abstain = 1, recused = 0 } });
        Public.Add(PaperApi.Id(paper));
        Hidden.Add(PaperApi.Id(await ReleasedAsync(erzClerk, landrat, Paper(erz, "OP-ERZ-NOE", isPublic: false,
            [new { organizationId = app.OrganizationId("erzgebirgskreis", "Kreistag"), role = "beschliessend", @public = false }]))));
    }

    private async Task<JsonElement> ReleasedAsync(HttpClient clerk, HttpClient landrat, object draft)
    {
        var id = PaperApi.Id(await _api.CreateAsync(clerk, draft));
        await _api.ActAsync(clerk, id, "submit");
        return await _api.ActAsync(landrat, id, "release");
    }

    /// <summary>A paper whose texts carry the marker when it is not to be public; public ones carry none.</summary>
    private static object Paper(long bodyId, string reference, bool isPublic, object[]? consultations)
    {
        var text = isPublic && consultations is not null ? "Öffentlicher Text" : $"Vertraulich {Marker}";
        return consultations is null
            ? new { bodyId, reference = $"{reference}-{Guid.NewGuid():N}"[..20], title = $"Vertrag {Marker}", originator = $"Amt {Marker}",
                proposal = text, reasoning = text, @public = isPublic }
            : (object)new { bodyId, reference = $"{reference}-{Guid.NewGuid():N}"[..20], title = isPublic ? "Öffentliche Vorlage" : $"Vertrag {Marker}",
                originator = isPublic ? "Amt" : $"Amt {Marker}", proposal = text, reasoning = text, @public = isPublic, consultations };
    }
}
