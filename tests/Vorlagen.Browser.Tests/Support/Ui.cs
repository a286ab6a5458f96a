using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Vorlagen.Browser.Tests.Support;

/// <summary>Steps through the German UI as a user would: by labels, roles and visible text.</summary>
public static class Ui
{
    public static async Task SignInAsync(IPage page, string username, string password = "demo")
    {
        await page.GotoAsync("/anmelden");
        await page.GetByLabel("Benutzername").FillAsync(username);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ArrivedAtAsync(url => !url.Contains("/anmelden", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).WaitForAsync();
    }

    /// <summary>
    /// Waits until the page shows a fully parsed document at a matching URL. Deliberately not
    /// WaitForURLAsync's default (the "load" event): in CI that wait once hung although the page
    /// had loaded (only "networkidle" arrived). The URL commit plus our footer, which every page
    /// renders after main, depends on the DOM only.
    /// </summary>
    public static async Task ArrivedAtAsync(this IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public static Task ArrivedAtAsync(this IPage page, System.Text.RegularExpressions.Regex url) =>
        page.ArrivedAtAsync(url.IsMatch);

    public static ILocator MainRegion(this IPage page) => page.GetByRole(AriaRole.Main);

    public static ILocator Button(this IPage page, string name) =>
        page.MainRegion().GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Button(this ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static async Task<string> MainTextAsync(this IPage page) => await page.MainRegion().InnerTextAsync();

    /// <summary>The paper id from a Vorlage URL such as /vorlagen/12.</summary>
    public static long PaperId(this IPage page) =>
        long.Parse(new Uri(page.Url).Segments[2].TrimEnd('/'));

    // All rules (WCAG 2.x A/AA and best practices); only violations come back in full, which keeps each run quick.
    private static readonly AxeRunOptions AllRules = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Runs axe-core on the current page; fails on every serious or critical violation, listing where.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        var result = await page.RunAxe(AllRules);
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{what} ({page.Url}) hat Barrierefreiheitsfehler:\n" + string.Join("\n", bad.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)))));
    }
}
