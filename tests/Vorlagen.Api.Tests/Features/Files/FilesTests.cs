using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Files;

/// <summary>Anlagen over HTTP: upload, list, metadata, content (inline, attachment, ETag, ranges), replace with history, types by content.</summary>
public sealed class FilesTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    private string FilesRoot => Path.Combine(Path.GetDirectoryName(app.DatabaseFile)!, "files");

    private int Rows(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");

    private string[] Blobs() => Directory.Exists(FilesRoot)
        ? [.. Directory.GetFiles(FilesRoot, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(FilesRoot, f).StartsWith("tmp", StringComparison.Ordinal))]
        : [];

    private string[] TempFiles() => Directory.Exists(Path.Combine(FilesRoot, "tmp")) ? Directory.GetFiles(Path.Combine(FilesRoot, "tmp")) : [];

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public async Task An_Anlage_is_uploaded_listed_described_and_served_inline_and_as_download()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/601");
        var clerk = await app.ClientFor("kyf.clerk");
        var content = TestFiles.Pdf("Integrationskonzept Kyffhäuserkreis 2020", "Grundsätze der Integration: Teilhabe, Sprache, Arbeit und Maßnahmen für Geflüchtete.");

        var response = await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(content, "Integrationskonzept.pdf", "Integrationskonzept"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await response.ReadJson();
        var id = file.GetProperty("id").GetInt64();
        Assert.Equal($"/api/files/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Integrationskonzept", file.GetProperty("title").GetString());
        Assert.Equal("Integrationskonzept.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", file.GetProperty("mimeType").GetString());
        Assert.Equal(content.Length, file.GetProperty("size").GetInt64());
        Assert.Equal(Sha256(content), file.GetProperty("sha256").GetString());
        Assert.True(file.GetProperty("public").GetBoolean());
        Assert.Equal("Anlage 1", file.GetProperty("label").GetString());
        Assert.EndsWith($"/dateien/{id}", file.GetProperty("accessUrl").GetString());
        Assert.EndsWith($"/dateien/{id}/download", file.GetProperty("downloadUrl").GetString());

        // Database and store: the row names who uploaded it, the blob lies under its hash, the text waits for the index.
        Assert.Equal("Kreistagsbüro Kyffhäuserkreis", app.Scalar<string>("SELECT created_by FROM files WHERE id = @id", new { id }));
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM file_versions WHERE file_id = @id", new { id }));
        var blob = Path.Combine(FilesRoot, Sha256(content)[..2], Sha256(content));
        Assert.Equal(content, await File.ReadAllBytesAsync(blob));
        Assert.Empty(TempFiles());
        var text = app.Scalar<string>("SELECT extracted_text FROM file_contents WHERE sha256 = @sha", new { sha = Sha256(content) });
        Assert.Contains("Grundsätze der Integration: Teilhabe, Sprache, Arbeit und Maßnahmen für Geflüchtete.", text);

        var listed = await (await clerk.GetAsync($"/api/papers/{paperId}/files")).ReadJson();
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        var detail = await clerk.GetAsync($"/api/files/{id}");
        Assert.Equal("\"1\"", detail.Headers.ETag?.Tag);
        Assert.Single((await detail.ReadJson()).GetProperty("versions").EnumerateArray());

        var anonymous = app.CreateClient();
        var inline = await anonymous.GetAsync(file.GetProperty("accessUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"\"{Sha256(content)}\"", inline.Headers.ETag?.Tag);
        Assert.Equal(content, await inline.Content.ReadAsByteArrayAsync());
        var download = await anonymous.GetAsync(file.GetProperty("downloadUrl").GetString());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Integrationskonzept.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);

        // Range requests and conditional GETs, as browsers and PDF viewers send them.
        var range = new HttpRequestMessage(HttpMethod.Get, $"/dateien/{id}");
        range.Headers.Range = new RangeHeaderValue(0, 9);
        var partial = await anonymous.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content[..10], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(content.Length, partial.Content.Headers.ContentRange?.Length);
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/dateien/{id}/download");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Sha256(content)}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task The_same_content_is_stored_once_and_a_replacement_keeps_the_old_version_visible()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/602");
        var clerk = await app.ClientFor("kyf.clerk");
        var first = TestFiles.Pdf("Haushaltsplan", "Fassung vom Januar");
        var a = await TestFiles.UploadAsync(clerk, paperId, first, "plan.pdf", "Haushaltsplan");
        var b = await TestFiles.UploadAsync(clerk, paperId, first, "plan-kopie.pdf", "Haushaltsplan (Kopie)");
        Assert.Equal("Anlage 2", b.GetProperty("label").GetString());
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM file_contents WHERE sha256 = @sha", new { sha = Sha256(first) }));
        Assert.Single(Blobs(), f => f.EndsWith(Sha256(first), StringComparison.Ordinal));

        var id = a.GetProperty("id").GetInt64();
        var second = TestFiles.Pdf("Haushaltsplan", "Fassung vom März");
        var replace = new HttpRequestMessage(HttpMethod.Post, $"/api/files/{id}/versions") { Content = TestFiles.Form(second, "plan-maerz.pdf", null) };
        replace.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var replaced = await clerk.SendAsync(replace);
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        var file = await replaced.ReadJson();
        Assert.Equal(2, file.GetProperty("version").GetInt32());
        Assert.Equal("Haushaltsplan", file.GetProperty("title").GetString());
        Assert.Equal(Sha256(second), file.GetProperty("sha256").GetString());

        // Everyone who may see the file sees its history and can open the old version.
        var anonymous = app.CreateClient();
        var versions = (await (await anonymous.GetAsync($"/api/files/{id}")).ReadJson()).GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("plan.pdf", versions[0].GetProperty("fileName").GetString());
        Assert.False(versions[0].GetProperty("current").GetBoolean());
        Assert.Equal("Kreistagsbüro Kyffhäuserkreis", versions[1].GetProperty("createdBy").GetString());
        Assert.Equal(first, await anonymous.GetByteArrayAsync($"/dateien/{id}/versionen/1"));
        Assert.Equal(second, await anonymous.GetByteArrayAsync($"/dateien/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/dateien/{id}/versionen/3")).StatusCode);

        // A replacement based on the old version is refused and writes nothing.
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/files/{id}/versions") { Content = TestFiles.Form(TestFiles.Png(), "bild.png", null) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await clerk.SendAsync(stale)).AssertProblem(412, "stale_version");
        Assert.Equal(2, app.Scalar<int>("SELECT COUNT(*) FROM file_versions WHERE file_id = @id", new { id }));
        Assert.Equal(2, app.Scalar<int>("SELECT version FROM files WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task The_type_is_read_from_the_content_and_every_accepted_type_has_its_text_extracted()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/603");
        var clerk = await app.ClientFor("kyf.clerk");
        var cases = new (byte[] Content, string Name, string Mime, string? Text)[]
        {
            (TestFiles.Docx("Stellungnahme des Jugendhilfeausschusses", "Größere Träger übernehmen"), "stellungnahme.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Stellungnahme des Jugendhilfeausschusses\nGrößere Träger übernehmen"),
            (TestFiles.Xlsx("Kostenstelle", "Übernachtung", "1250"), "kosten.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Kostenstelle\tÜbernachtung\t1250"),
            (TestFiles.Odt("Protokoll der Arbeitsgruppe für Flüchtlingshilfe"), "protokoll.odt", "application/vnd.oasis.opendocument.text",
                "Protokoll der Arbeitsgruppe für Flüchtlingshilfe"),
            (TestFiles.Png(), "lageplan.png", "image/png", null),
            (TestFiles.Jpeg(), "foto.jpeg", "image/jpeg", null),
            // The name says nothing: a PDF called .exe is a PDF, and its name gets the right extension.
            (TestFiles.Pdf("Gutachten"), "gutachten.exe", "application/pdf", "Gutachten"),
        };
        foreach (var (content, name, mime, text) in cases)
        {
            var file = await TestFiles.UploadAsync(clerk, paperId, content, name, name);
            Assert.Equal(mime, file.GetProperty("mimeType").GetString());
            var row = await app.OpenDatabase().QuerySingleAsync<(string Status, string? Text)>(
                "SELECT text_status AS Status, extracted_text AS Text FROM file_contents WHERE sha256 = @sha", new { sha = Sha256(content) });
            Assert.Equal(text is null ? "none" : "extracted", row.Status);
            if (text is not null) Assert.Contains(text, row.Text);
        }
        var renamed = (await (await clerk.GetAsync($"/api/papers/{paperId}/files")).ReadJson()).EnumerateArray().Last();
        Assert.Equal("gutachten.exe.pdf", renamed.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task An_orphan_blob_left_by_a_crash_after_the_move_is_reused_by_the_next_upload()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/606");
        var content = TestFiles.Pdf("Verwaister Inhalt", "Text der Datei");
        var sha = Sha256(content);
        // As if a process had moved the blob into place and died before its transaction committed.
        Directory.CreateDirectory(Path.Combine(FilesRoot, sha[..2]));
        await File.WriteAllBytesAsync(Path.Combine(FilesRoot, sha[..2], sha), content);

        var file = await TestFiles.UploadAsync(await app.ClientFor("kyf.clerk"), paperId, content, "datei.pdf", "Datei");

        Assert.Equal(sha, file.GetProperty("sha256").GetString());
        Assert.Contains("Text der Datei", app.Scalar<string>("SELECT extracted_text FROM file_contents WHERE sha256 = @sha", new { sha }));
        Assert.Single(Blobs(), f => f.EndsWith(sha, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("html")]
    [InlineData("zip")]
    [InlineData("ods")]
    [InlineData("exe")]
    public async Task Content_of_another_type_is_refused_with_415_whatever_its_name_and_nothing_is_kept(string kind)
    {
        var (paperId, _) = await _api.InDeliberationAsync($"2021/7/61{kind.Length}{kind[0]}");
        var clerk = await app.ClientFor("kyf.clerk");
        byte[] content = kind switch
        {
            "html" => "<html><script>alert(1)</script></html>"u8.ToArray(),
            "zip" => ZipWith("readme.txt"),
            "ods" => TestFiles.Odt("Tabelle", "application/vnd.oasis.opendocument.spreadsheet"),
            _ => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        };
        var (files, versions, blobs) = (Rows("files"), Rows("file_versions"), Blobs().Length);

        var response = await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(content, "anlage.pdf", "Anlage", declaredType: "application/pdf"));

        var problem = await response.AssertProblem(415, "unsupported_file_type");
        Assert.Contains("Erlaubt sind PDF", problem.GetProperty("detail").GetString());
        Assert.Equal((files, versions, blobs), (Rows("files"), Rows("file_versions"), Blobs().Length));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task File_names_are_sanitised_for_storage_and_download()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/604");
        var clerk = await app.ClientFor("kyf.clerk");
        var evil = await TestFiles.UploadAsync(clerk, paperId, TestFiles.Pdf("A"), "..\\..\\etc/pass<wd>\u202E.pdf", "Pfad");
        Assert.Equal("pass_wd_.pdf", evil.GetProperty("fileName").GetString());
        var german = await TestFiles.UploadAsync(clerk, paperId, TestFiles.Pdf("B"), "Übersicht Maßnahmen 2021.PDF", "Übersicht");
        Assert.Equal("Übersicht Maßnahmen 2021.pdf", german.GetProperty("fileName").GetString());
        var download = await clerk.GetAsync($"/dateien/{german.GetProperty("id").GetInt64()}/download");
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("Übersicht Maßnahmen 2021.pdf", disposition.FileNameStar);
        Assert.DoesNotContain(disposition.FileName!, c => c > 127); // the plain filename= is ASCII for old clients
    }

    [Fact]
    public async Task Bad_uploads_are_clear_4xx_problems_and_write_no_rows()
    {
        var (paperId, _) = await _api.InDeliberationAsync("2021/7/605");
        var clerk = await app.ClientFor("kyf.clerk");
        var before = (Rows("files"), Rows("file_versions"));

        var noTitle = await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", null));
        var problem = await noTitle.AssertProblem(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        await (await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", "Zeile\nUmbruch"))).AssertProblem(400, "validation");
        await (await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form([], "leer.pdf", "Leer"))).AssertProblem(400, "file_empty");
        var noFile = new MultipartFormDataContent { { new StringContent("Titel"), "title" } };
        await (await clerk.PostAsync($"/api/papers/{paperId}/files", noFile)).AssertProblem(400, "file_empty");
        await (await clerk.PostAsJsonAsync($"/api/papers/{paperId}/files", new { title = "JSON" })).AssertProblem(400, "multipart_expected");
        await (await clerk.PostAsync($"/api/papers/{paperId}/files", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", "Titel", isPublic: null)
            .With("public", "vielleicht"))).AssertProblem(400, "validation");

        Assert.Equal(before, (Rows("files"), Rows("file_versions")));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsync("/api/papers/999999/files", TestFiles.Form(TestFiles.Pdf("X"), "x.pdf", "T"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/api/files/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/dateien/999999")).StatusCode);
    }

    private static byte[] ZipWith(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(entry).Open(), Encoding.UTF8))
            writer.Write("kein Dokument");
        return stream.ToArray();
    }
}

internal static class MultipartExtensions
{
    public static MultipartFormDataContent With(this MultipartFormDataContent form, string name, string value)
    {
        form.Add(new StringContent(value), name);
        return form;
    }

    public static async Task<T> QuerySingleAsync<T>(this System.Data.Common.DbConnection connection, string sql, object args)
    {
        await using (connection) return await Dapper.SqlMapper.QuerySingleAsync<T>(connection, sql, args);
    }
}
