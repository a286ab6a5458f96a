using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// A non-public Vorlage carries a marker; no page an anonymous visitor can open shows it — not the
/// lists, the search, the counts, the detail, print or journal pages — while a member of a Gremium
/// in its Beratungsfolge does see it (the control that the marker would show if it leaked).
/// </summary>
public sealed class VisibilityTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private const string Marker = "GEHEIM-Grundstück-7f3c";
    private readonly PaperSetup _papers = new(app);

    [Fact]
    public Task Non_public_content_never_reaches_anonymous_visitors() => Scenario(nameof(Non_public_content_never_reaches_anonymous_visitors), async () =>
    {
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync("/vorlagen/neu");
        await clerk.GetByLabel("Vorlagen-Nr.").FillAsync("2021/7/401");
        await clerk.GetByLabel("Einreicher", new() { Exact = true }).FillAsync("Amt für Liegenschaften");
        await clerk.GetByLabel("Öffentliche Beschlussvorlage").UncheckAsync();
        await clerk.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync($"Verkauf {Marker}");
        await clerk.GetByLabel("Beschlussvorschlag").FillAsync($"Der Kreistag stimmt dem Verkauf {Marker} zu.");
        await clerk.GetByLabel("Begründung / Sachverhalt").FillAsync($"Kaufpreis und Käufer: {Marker}.");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        var id = clerk.PaperId();
        await Expect(clerk.MainRegion()).ToContainTextAsync("nichtöffentlich");
        await _papers.ActAsync("kyf.clerk", id, "submit");
        await _papers.ActAsync("kyf.landraetin", id, "release");
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        var publicPapers = App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE is_public = 1 AND status NOT IN ('draft', 'submitted')");

        var visitor = await OpenAsync(null);
        foreach (var url in new[] { "/", "/vorlagen", "/vorlagen?status=in_deliberation", $"/vorlagen?q={Uri.EscapeDataString(Marker)}", "/vorlagen?q=Verkauf" })
        {
            var html = await (await visitor.GotoAsync(url))!.TextAsync();
            // The search box echoes what was typed; everything else the server sent must not know the marker.
            Assert.DoesNotContain(Marker, System.Text.RegularExpressions.Regex.Replace(html, "<input[^>]*type=\"search\"[^>]*>", ""));
        }
        await visitor.GotoAsync($"/vorlagen?q={Uri.EscapeDataString(Marker)}");
        await Expect(visitor.Locator(".result-count")).ToContainTextAsync("Keine Vorlagen gefunden.");
        await visitor.GotoAsync("/vorlagen");
        await Expect(visitor.Locator(".result-count")).ToContainTextAsync(publicPapers == 0 ? "Keine Vorlagen gefunden." : $"{publicPapers} Vorlage");
        foreach (var url in new[] { $"/vorlagen/{id}", $"/vorlagen/{id}/druck", $"/vorlagen/{id}/journal" })
        {
            var response = await visitor.GotoAsync(url);
            Assert.Equal(404, response!.Status);
            Assert.DoesNotContain(Marker, await visitor.ContentAsync());
            Assert.DoesNotContain("Verkauf", await visitor.MainTextAsync());
        }
        var api = await visitor.GotoAsync($"/api/papers?q={Uri.EscapeDataString(Marker)}");
        Assert.DoesNotContain(Marker, await api!.TextAsync());

        // Control: a member of the Sozialausschuss sees it, the chair of another committee does not.
        var member = await OpenAsync("kyf.member");
        await member.GotoAsync($"/vorlagen?q={Uri.EscapeDataString(Marker)}");
        await Expect(member.Locator(".result-count")).ToHaveTextAsync("1 Vorlage gefunden.");
        await member.GotoAsync($"/vorlagen/{id}");
        await Expect(member.MainRegion()).ToContainTextAsync(Marker);
        var otherChair = await OpenAsync("kyf.chair.wirtschaft");
        Assert.Equal(404, (await otherChair.GotoAsync($"/vorlagen/{id}"))!.Status);
        Assert.DoesNotContain(Marker, await otherChair.ContentAsync());
    });
}
