using Microsoft.Playwright;

namespace Vorlagen.Browser.Tests.Support;

/// <summary>
/// Base of the browser test classes: opens pages for users and, when a test fails, saves a
/// screenshot of every page it opened to TestResults/screenshots/ (git-ignored).
/// </summary>
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    private readonly List<(string User, IBrowserContext Context, IPage Page)> _opened = [];
    private readonly List<string> _scriptProblems = [];

    protected BrowserApp App => app;

    public static string ScreenshotFolder => Path.Combine(ProjectFolder(), "TestResults", "screenshots");

    /// <summary>A page in its own context, signed in as <paramref name="username"/> (null: anonymous).</summary>
    protected async Task<IPage> OpenAsync(string? username, bool javaScript = true)
    {
        var context = await app.ContextAsync(username, javaScript);
        var page = await context.NewPageAsync();
        // Generous: on a busy 2-core CI machine a page with axe can take seconds; a real hang still fails.
        page.SetDefaultTimeout(30_000);
        // Our strict CSP must never block anything of ours, and our scripts must not throw.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) _scriptProblems.Add(message.Text);
        };
        page.PageError += (_, error) => _scriptProblems.Add(error);
        _opened.Add((username ?? "anonym", context, page));
        return page;
    }

    /// <summary>
    /// Runs the test body and checks that no page reported a CSP violation or a script error; on
    /// failure screenshots every open page, then rethrows.
    /// </summary>
    protected async Task Scenario(string name, Func<Task> body)
    {
        try
        {
            await body();
            Assert.True(_scriptProblems.Count == 0, "CSP-Verstöße oder Skriptfehler:\n" + string.Join("\n", _scriptProblems));
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotFolder);
            foreach (var (user, _, page) in _opened.Where(o => !o.Page.IsClosed))
            {
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{user}.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // The page may be gone with the failure; the original exception matters more.
                }
            }
            throw;
        }
    }

    /// <summary>Saves a screenshot on purpose (to look at layouts), also when the test passes.</summary>
    protected static async Task SaveScreenshotAsync(IPage page, string name, bool print = false)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        if (print) await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        if (print) await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (_, context, _) in _opened) await context.DisposeAsync();
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.Browser.Tests.csproj"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
