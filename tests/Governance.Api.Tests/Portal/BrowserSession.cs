using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// A real host process on its own SQLite demo council and Debian's chromium driving one page: what every browser test
/// needs, with axe-core's WCAG 2.2 A/AA check, a keyboard-only sign-in, and API clients of the same host for setting
/// the scene. A test without chromium skips, saying why.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly string folder;
    private readonly HostProcess host;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(string folder, HostProcess host, IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.folder = folder;
        this.host = host;
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    public static string? Chromium => new[] { "/usr/lib/chromium/chromium", "/usr/bin/chromium" }.FirstOrDefault(File.Exists);

    public IPage Page { get; }

    public string Site => $"http://127.0.0.1:{host.Port}";

    /// <summary>Starts the host and the browser, or skips the test when this machine has no chromium.</summary>
    public static async Task<BrowserSession> StartAsync(CancellationToken ct)
    {
        if (Chromium is not { } chromium)
        {
            Assert.Skip("Skipped: the browser tests need Debian's chromium (apt-get install chromium; .ci/run installs it).");
            throw new InvalidOperationException("unreachable");
        }

        var folder = Directory.CreateTempSubdirectory("governance-portal-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "governance.db")}",
            ["Database:SeedOnStartup"] = "true",
            ["Seed:DemoAccounts"] = "true",
            ["Seed:DemoPassword"] = GovernanceApp.DemoPassword,
            ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            ["Audit:KeyFile"] = Path.Combine(folder, "audit.key"),
            ["Jobs:Server"] = "false",
        };
        var host = await HostProcess.StartAsync(settings, ct);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = ["--no-sandbox"] });
        return new BrowserSession(folder, host, playwright, browser, await browser.NewPageAsync());
    }

    public async Task GoAsync(string path) => await Page.GotoAsync(Site + path);

    /// <summary>A second, separate browser (its own cookies), for a person signed in elsewhere at the same time.</summary>
    public async Task<IPage> OtherPageAsync() => await (await browser.NewContextAsync()).NewPageAsync();

    public async Task AssertAccessibleAsync(string what)
    {
        // A keyboard press that navigates returns once the new page's text is there, perhaps before its stylesheet has
        // loaded; unstyled, the menu's links are smaller than WCAG 2.5.8 asks. Check the page as a person sees it.
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var results = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{what} ({Page.Url}) has WCAG violations:\n{string.Join('\n', violations)}");
        Assert.True(results.Passes.Length > 0, "axe ran no rule at all");
    }

    /// <summary>Signs out whoever is signed in, then signs in with the keyboard alone.</summary>
    public async Task SignInAsync(string email, string password = GovernanceApp.DemoPassword)
    {
        var signOut = Page.Locator("nav button.govuk-button");
        if (await signOut.CountAsync() > 0)
            await signOut.ClickAsync();
        await GoAsync("/sign-in");
        await Page.FocusAsync("#email");
        await Page.Keyboard.TypeAsync(email);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync($"text=Sign out {email}");
    }

    /// <summary>Focuses an element and presses Enter on it, as a keyboard user would.</summary>
    public async Task PressAsync(string selector)
    {
        await Page.FocusAsync(selector);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// Waits for a form's outcome: the success message, or the page's error summary, whose words then fail the test
    /// (a refused step says which rule refused it, which a bare timeout would not). Then waits for the page's load:
    /// the success banner takes the focus once govuk-frontend's script runs, and a keyboard user's next keys must not
    /// start before that (typed into a field, then carried to the banner mid-word).
    /// </summary>
    public async Task ExpectSuccessAsync(string message)
    {
        var success = Page.GetByText(message);
        var errors = Page.Locator(".govuk-error-summary");
        await success.Or(errors).First.WaitForAsync();
        if (await success.CountAsync() == 0)
            Assert.Fail($"Expected \"{message}\" at {Page.Url}, but the page says: {await errors.First.InnerTextAsync()}");
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>An API client of this host, signed in as a demo account, for setting the scene.</summary>
    public async Task<HttpClient> ApiAsync(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(Site) };
        using var login = await client.PostAsJsonAsync("/auth/login", new { email, password = GovernanceApp.DemoPassword });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
