using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests.Support;

/// <summary>Filling the "Ergebnis erfassen" form.</summary>
public static partial class ResultSteps
{
    public sealed record Tally(int Entitled, int Yes, int No, int Abstain, int Recused);

    public static async Task FillAsync(IPage page, string date, string outcome, Tally? tally)
    {
        await page.GetByLabel("Datum der Sitzung").FillAsync(date);
        await page.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        if (tally is null) return;
        await page.GetByLabel("Anwesende Stimmberechtigte").FillAsync(Text(tally.Entitled));
        await page.GetByLabel("Ja", new() { Exact = true }).FillAsync(Text(tally.Yes));
        await page.GetByLabel("Nein", new() { Exact = true }).FillAsync(Text(tally.No));
        await page.GetByLabel("Enthaltungen", new() { Exact = true }).FillAsync(Text(tally.Abstain));
        await page.GetByLabel("Befangene", new() { Exact = true }).FillAsync(Text(tally.Recused));
    }

    /// <summary>Fills the form, waits for the live check to say "Zulässig", saves and lands on the Vorlage.</summary>
    public static async Task RecordAsync(IPage page, string date, string outcome, Tally tally)
    {
        await FillAsync(page, date, outcome, tally);
        await Expect(page.Locator("#tally-feedback")).ToContainTextAsync("Zulässig");
        await page.Button("Ergebnis speichern").ClickAsync();
        await page.ArrivedAtAsync(PaperUrl());
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/vorlagen/\d+$")]
    public static partial Regex PaperUrl();
}
