using System.Net.Http.Json;
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

    /// <summary>Published public meetings (OParl objects) and the unpublished or non-public ones (marker in their number).</summary>
    public List<long> PublicMeetings { get; } = [];
    public List<long> HiddenMeetings { get; } = [];

    /// <summary>Agenda items of the non-public part (the non-public paper's, titled with the marker).</summary>
    public List<long> HiddenAgendaItems { get; } = [];

    /// <summary>Public files of public papers, and non-public ones (non-public flag or paper; marker in title and name).</summary>
    public List<long> PublicFiles { get; } = [];
    public List<long> HiddenFiles { get; } = [];

    /// <summary>A person with public membership whose contact data carry the marker; one with only a non-public membership.</summary>
    public long ContactPerson { get; private set; }
    public long HiddenPerson { get; private set; }
    public long HiddenMembership { get; private set; }

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
        PublicFiles.Add(FileId(await TestFiles.UploadAsync(kyfClerk, Walkthrough, TestFiles.Pdf("Kostenplan"), "kostenplan.pdf", "Kostenplan", isPublic: true)));
        HiddenFiles.Add(FileId(await TestFiles.UploadAsync(kyfClerk, Walkthrough, TestFiles.Pdf("Vertrag"), $"vertrag-{Marker}.pdf", $"Vertrag {Marker}",
            isPublic: false)));
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

        var secretPaper = await ReleasedAsync(kyfClerk, landraetin, Paper(kyf, "OP-NOE", isPublic: false,
            [new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false }]));
        Hidden.Add(PaperApi.Id(secretPaper));
        HiddenFiles.Add(FileId(await TestFiles.UploadAsync(kyfClerk, PaperApi.Id(secretPaper), TestFiles.Pdf("Anlage"), $"anlage-{Marker}.pdf",
            $"Anlage {Marker}", isPublic: false)));
        await MeetingsAsync(kyfClerk, kyf, PaperApi.ConsultationId(secretPaper, 1));
        await PeopleAsync(await app.ClientFor("admin"), kyf);
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

        // Last (the clock moves past the session, so earlier sign-ins expire): the Ausschuss session took place, its result is recorded.
        app.Clock.Advance(TimeSpan.FromDays(31));
        await _api.RecordAsync(await app.ClientFor("kyf.chair.soziales"), _heldSession.Paper, _heldSession.Consultation, new
        {
            date = _heldSession.Day.ToString("yyyy-MM-dd"), outcome = "recommended", votes = new { entitled = 9, yes = 8, no = 1, abstain = 0, recused = 0 },
        });
    }

    /// <summary>
    /// Kyffhäuser: a published public Ausschuss session (a released paper's consultation, the opening, a non-public "Anfragen"),
    /// a published public Kreistag session with the non-public paper in its non-public part, an unpublished and a non-public one.
    /// </summary>
    private async Task MeetingsAsync(HttpClient clerk, long kyf, long secretConsultation)
    {
        var ausschuss = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        var paper = await ReleasedAsync(clerk, await app.ClientFor("kyf.landraetin"), PaperApi.KyffhaeuserPaper(kyf, "OP-TOP"));
        Public.Add(PaperApi.Id(paper));

        var meeting = await MeetingAsync(clerk, ausschuss, day, "ASFG/2021/3", true);
        await AgendaAsync(clerk, meeting, new { templateKey = "eroeffnung" });
        await AgendaAsync(clerk, meeting, new { consultationId = PaperApi.ConsultationId(paper, 1) });
        await AgendaAsync(clerk, meeting, new { templateKey = "anfragen_n" });
        await PostAsync(clerk, $"/api/meetings/{meeting}/invitations", new { channel = "post" });
        PublicMeetings.Add(meeting);
        _heldSession = (PaperApi.Id(paper), PaperApi.ConsultationId(paper, 1), day);

        meeting = await MeetingAsync(clerk, kreistag, day.AddDays(1), "KT/2021/5", true);
        await AgendaAsync(clerk, meeting, new { templateKey = "eroeffnung" });
        var items = await AgendaAsync(clerk, meeting, new { consultationId = secretConsultation });
        HiddenAgendaItems.Add(items.GetProperty("agendaItems").EnumerateArray().Single(i => i.GetProperty("consultationId").ValueKind == JsonValueKind.Number
            && i.GetProperty("consultationId").GetInt64() == secretConsultation).GetProperty("id").GetInt64());
        await PostAsync(clerk, $"/api/meetings/{meeting}/invitations", new { channel = "post" });
        PublicMeetings.Add(meeting);

        meeting = await MeetingAsync(clerk, ausschuss, day.AddDays(7), $"{Marker}-1", true); // planned, never published
        await AgendaAsync(clerk, meeting, new { templateKey = "eroeffnung" });
        HiddenMeetings.Add(meeting);
        meeting = await MeetingAsync(clerk, ausschuss, day.AddDays(8), $"{Marker}-2", false); // published, but a non-public session
        await AgendaAsync(clerk, meeting, new { templateKey = "eroeffnung" });
        await PostAsync(clerk, $"/api/meetings/{meeting}/invitations", new { channel = "post" });
        HiddenMeetings.Add(meeting);
    }

    /// <summary>A person whose contact data (office only) carry the marker, with a public membership; one with a non-public membership only.</summary>
    private async Task PeopleAsync(HttpClient admin, long kyf)
    {
        var term = app.Scalar<long>("SELECT id FROM legislative_terms WHERE body_id = @kyf AND name LIKE '8.%'", new { kyf });
        var gremium = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        ContactPerson = (await PostAsync(admin, "/api/persons", new { bodyId = kyf, givenName = "Erika", familyName = "Kontakt", formOfAddress = "Frau",
            gender = "female", email = $"{Marker.ToLowerInvariant()}@example.org", phone = "03632 741-0", officeAddress = $"Markt 1 {Marker}" }, 201)).GetProperty("id").GetInt64();
        await PostAsync(admin, "/api/memberships", new { personId = ContactPerson, organizationId = gremium, legislativeTermId = term, role = "beratend", startDate = "2024-07-01" }, 201);
        HiddenPerson = (await PostAsync(admin, "/api/persons", new { bodyId = kyf, givenName = "Geheim", familyName = $"Person {Marker}" }, 201)).GetProperty("id").GetInt64();
        HiddenMembership = (await PostAsync(admin, "/api/memberships", new { personId = HiddenPerson, organizationId = gremium, legislativeTermId = term,
            role = "beratend", startDate = "2024-07-01", @public = false }, 201)).GetProperty("id").GetInt64();
    }

    private static long FileId(JsonElement file) => file.GetProperty("id").GetInt64();

    private static async Task<long> MeetingAsync(HttpClient clerk, long organizationId, DateOnly date, string number, bool isPublic) =>
        (await PostAsync(clerk, "/api/meetings", new { organizationId, number, date = date.ToString("yyyy-MM-dd"), startTime = "17:00", endTime = "19:30",
            room = "Sitzungssaal", address = "Markt 8, 99706 Sondershausen", @public = isPublic }, 201)).GetProperty("id").GetInt64();

    private static Task<JsonElement> AgendaAsync(HttpClient clerk, long meeting, object item) => PostAsync(clerk, $"/api/meetings/{meeting}/agenda-items", item);

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, int status = 200)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private (long Paper, long Consultation, DateOnly Day) _heldSession;

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
