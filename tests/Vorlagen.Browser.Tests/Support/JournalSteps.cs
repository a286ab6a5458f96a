using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests.Support;

/// <summary>What the office must be able to read on the journal page.</summary>
public static class JournalSteps
{
    /// <summary>
    /// The steps read in German, one line per step a clerk would name (the table); no engine event name or
    /// engine wording shows, and raw JSON appears only inside the collapsed audit log (Prüfprotokoll).
    /// </summary>
    public static async Task AssertReadableAsync(IPage page, params string[] expected)
    {
        var table = page.MainRegion().GetByRole(AriaRole.Table);
        foreach (var text in expected) await Expect(table).ToContainTextAsync(text);
        Assert.Equal(0, await page.Locator("details[open]").CountAsync());
        Assert.True(await page.Locator("details.journal-audit details.journal-raw").CountAsync() > 0, "Das Prüfprotokoll enthält die gespeicherten Angaben.");
        var all = await page.MainRegion().TextContentAsync() ?? "";
        foreach (var engineWords in new[] { "Ablauf gestartet", "Schritt abgeschlossen", "Rohdaten", "Ablauf beendet" })
            Assert.DoesNotContain(engineWords, all);
        // The steps table has the clerk's steps only, not what the workflow waits for.
        await Expect(table).Not.ToContainTextAsync("Wartet auf");
        // Everything outside <details>: the visible text and the markup's text both, so neither CSS nor a script hides JSON.
        var outside = await page.MainRegion().EvaluateAsync<string>(
            "main => { const copy = main.cloneNode(true); copy.querySelectorAll('details').forEach(d => d.remove()); return copy.textContent; }");
        foreach (var raw in new[] { "{\"", "\":", "Started", "ActivityCompleted", "Suspended", "Resumed", "ResultRecorded", "Transition", "Vorlagen.WaitForAction", "Vorlagen.Council",
                     "draft →", "paperId", "bookmark" })
            Assert.DoesNotContain(raw, outside);
        Assert.DoesNotContain("{\"", await page.MainTextAsync()); // innerText skips the closed details' content
    }
}
