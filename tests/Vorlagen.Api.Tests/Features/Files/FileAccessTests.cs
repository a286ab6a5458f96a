using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Files;

/// <summary>Who sees which file (it follows the paper and can only be narrower), and who may upload or replace when.</summary>
public sealed class FileAccessTests(FileAccessTests.SmallLimitApp app) : IClassFixture<FileAccessTests.SmallLimitApp>
{
    /// <summary>A 300 KB limit (the test PDFs with their embedded font subsets are smaller), so the 413 path is cheap to test.</summary>
    public sealed class SmallLimitApp : VorlagenApp
    {
        public const long MaxBytes = 300_000;

        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Vorlagen:Files:MaxBytes", MaxBytes.ToString());
    }

    private readonly PaperApi _api = new(app);

    private int Rows(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;

    private static IReadOnlyList<long> Ids(JsonElement list) => [.. list.EnumerateArray().Select(f => f.GetProperty("id").GetInt64())];

    [Fact]
    public async Task A_non_public_file_of_a_public_paper_reaches_only_the_office_and_the_Gremien_members()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/701");
        var clerk = await app.ClientFor("kyf.clerk");
        var open = (await TestFiles.UploadAsync(clerk, paperId, TestFiles.Pdf("Konzept"), "konzept.pdf", "Konzept")).GetProperty("id").GetInt64();
        var closed = await TestFiles.UploadAsync(clerk, paperId, TestFiles.Pdf("Kaufvertrag"), "vertrag.pdf", "Kaufvertrag", isPublic: false);
        var closedId = closed.GetProperty("id").GetInt64();
        Assert.False(closed.GetProperty("public").GetBoolean());

        foreach (var (caller, seesClosed) in new (HttpClient, bool)[]
                 {
                     (app.CreateClient(), false), (await app.ClientFor("erz.clerk"), false), (await app.ClientFor("kyf.chair.wirtschaft"), false),
                     (await app.ClientFor("kyf.member"), true), (await app.ClientFor("kyf.chair.soziales"), true), (clerk, true),
                     (await app.ClientFor("kyf.landraetin"), true),
                 })
        {
            var listed = Ids(await (await caller.GetAsync($"/api/papers/{paperId}/files")).ReadJson());
            Assert.Equal(seesClosed ? [open, closedId] : [open], listed);
            var expected = seesClosed ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            foreach (var url in new[] { $"/api/files/{closedId}", $"/dateien/{closedId}", $"/dateien/{closedId}/download", $"/dateien/{closedId}/versionen/1" })
                Assert.True(expected == await StatusAsync(caller, url), url);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(caller, $"/dateien/{open}"));
        }
        // Content for a signed-in caller is never cached.
        var member = await app.ClientFor("kyf.member");
        Assert.True((await member.GetAsync($"/dateien/{closedId}")).Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Files_of_drafts_and_of_non_public_papers_follow_the_paper()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var draft = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/702")));
        var draftFile = (await TestFiles.UploadAsync(clerk, draft, TestFiles.Pdf("Entwurf"), "e.pdf", "Entwurf")).GetProperty("id").GetInt64();
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anonymous, $"/api/papers/{draft}/files"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anonymous, $"/api/files/{draftFile}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anonymous, $"/dateien/{draftFile}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await app.ClientFor("kyf.member"), $"/dateien/{draftFile}"));

        var secret = PaperApi.Id(await _api.CreateAsync(clerk, NonPublicPaper("2021/7/703")));
        // A file is never more public than its paper: asking for it is a 400, leaving it out makes it non-public.
        var refused = await clerk.PostAsync($"/api/papers/{secret}/files", TestFiles.Form(TestFiles.Pdf("Z"), "z.pdf", "Z", isPublic: true));
        Assert.Contains("nichtöffentlich", (await refused.AssertProblem(400, "validation")).GetProperty("errors").GetProperty("public")[0].GetString());
        var file = await TestFiles.UploadAsync(clerk, secret, TestFiles.Pdf("Grundstück"), "g.pdf", "Grundstück");
        Assert.False(file.GetProperty("public").GetBoolean());
        await _api.ActAsync(clerk, secret, "submit");
        await _api.ActAsync(await app.ClientFor("kyf.landraetin"), secret, "release");
        var fileId = file.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anonymous, $"/dateien/{fileId}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await app.ClientFor("kyf.chair.wirtschaft"), $"/dateien/{fileId}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(await app.ClientFor("kyf.member"), $"/dateien/{fileId}"));
    }

    [Fact]
    public async Task Only_the_office_of_the_body_uploads_and_replaces_and_only_while_the_paper_is_open()
    {
        var (paperId, paper) = await _api.InDeliberationAsync("2021/7/704");
        var clerk = await app.ClientFor("kyf.clerk");
        var fileId = (await TestFiles.UploadAsync(clerk, paperId, TestFiles.Pdf("Erste"), "a.pdf", "Erste")).GetProperty("id").GetInt64();
        var before = (Rows("files"), Rows("file_versions"));

        var anonymous = await app.CreateClient().PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", "X"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await (await (await app.ClientFor("kyf.member")).PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", "X")))
            .AssertProblem(403, "forbidden");
        await (await (await app.ClientFor("erz.clerk")).PostAsync($"/api/files/{fileId}/versions", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", null)))
            .AssertProblem(403, "forbidden");

        // Decided: the Anlagen belong to the record now.
        var landraetin = await app.ClientFor("kyf.landraetin");
        paper = await _api.RecordAsync(await app.ClientFor("kyf.chair.soziales"), paperId, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        paper = await _api.RecordAsync(landraetin, paperId, PaperApi.ConsultationId(paper, 2),
            new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        await _api.RecordAsync(landraetin, paperId, PaperApi.ConsultationId(paper, 3),
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });
        var closed = await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(TestFiles.Pdf("Spät"), "s.pdf", "Spät"));
        Assert.Contains("Beschlossen", (await closed.AssertProblem(409, "files_closed")).GetProperty("detail").GetString());
        await (await clerk.PostAsync($"/api/files/{fileId}/versions", TestFiles.Form(TestFiles.Pdf("Spät"), "s.pdf", null))).AssertProblem(409, "files_closed");

        Assert.Equal(before, (Rows("files"), Rows("file_versions")));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_a_413_and_leaves_nothing_behind()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/705");
        var clerk = await app.ClientFor("kyf.clerk");
        var before = (Rows("files"), Rows("file_versions"), Rows("file_contents"));
        var big = new byte[SmallLimitApp.MaxBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(big);

        var problem = await (await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(big, "gross.pdf", "Groß"))).AssertProblem(413, "file_too_large");
        Assert.Contains("größer als", problem.GetProperty("detail").GetString());
        // A body announced larger than any allowed upload is refused before it is read.
        var huge = new ByteArrayContent(new byte[SmallLimitApp.MaxBytes + 1_000_001]);
        huge.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await (await clerk.PostAsync($"/api/papers/{paperId}/files", huge)).AssertProblem(413, "file_too_large");
        // Other requests keep the global 1 MB limit.
        await (await clerk.PostAsync("/api/papers", new ByteArrayContent(new byte[1_100_000]) { Headers = { ContentType = new("application/json") } }))
            .AssertProblem(413, "too_large");

        Assert.Equal(before, (Rows("files"), Rows("file_versions"), Rows("file_contents")));
        var root = Path.Combine(Path.GetDirectoryName(app.DatabaseFile)!, "files");
        Assert.DoesNotContain(Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [], f => new FileInfo(f).Length > SmallLimitApp.MaxBytes);

        // A file within the limit is accepted.
        var fits = TestFiles.Pdf("Passt");
        Assert.True(fits.Length <= SmallLimitApp.MaxBytes);
        await TestFiles.UploadAsync(clerk, paperId, fits, "passt.pdf", "Passt");
    }

    private object NonPublicPaper(string reference) => new
    {
        bodyId = app.BodyId("kyffhaeuserkreis"), reference, title = "Grundstücksverkauf", originator = "Amt", proposal = "Vorschlag", reasoning = "Begründung",
        @public = false,
        consultations = new object[]
        {
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss), role = "vorberatend", @public = false },
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false },
        },
    };
}
