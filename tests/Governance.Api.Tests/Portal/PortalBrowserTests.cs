using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// The portal in a real browser (Debian's chromium, driven by Playwright) against a real host on the demo council:
/// every page type has no WCAG 2.2 A or AA violation that axe-core finds, and a person using only the keyboard can
/// skip to the content and sign in.
/// </summary>
public sealed class PortalBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static string? Chromium => new[] { "/usr/lib/chromium/chromium", "/usr/bin/chromium" }.FirstOrDefault(File.Exists);

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{what} ({page.Url}) has WCAG violations:\n{string.Join('\n', violations)}");
        Assert.True(results.Passes.Length > 0, "axe ran no rule at all");
    }

    /// <summary>Signs out whoever is signed in, then signs in with the keyboard alone.</summary>
    private static async Task SignInAsync(IPage page, string site, string email)
    {
        var signOut = page.Locator("nav button.govuk-button");
        if (await signOut.CountAsync() > 0)
            await signOut.ClickAsync();
        await page.GotoAsync(site + "/sign-in");
        await page.FocusAsync("#email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(GovernanceApp.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync($"text=Sign out {email}");
    }

    [Fact]
    public async Task EveryPageType_HasNoWcagViolation_AndTheKeyboardAloneSkipsToContentAndSignsIn()
    {
        if (Chromium is not { } chromium)
        {
            Assert.Skip("Skipped: the browser tests need Debian's chromium (apt-get install chromium; .ci/run installs it).");
            return;
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
        try
        {
            await using var host = await HostProcess.StartAsync(settings, Ct);
            var site = $"http://127.0.0.1:{host.Port}";
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync();

            // The public pages, one of each type.
            foreach (var path in new[] { "/", "/meetings", "/committees", "/committees/1", "/sign-in", "/papers/1", "/papers/2", "/decisions", "/forward-plan", "/contracts" })
            {
                await page.GotoAsync(site + path);
                await AssertAccessibleAsync(page, path);
            }

            await page.GotoAsync(site + "/meetings");
            await page.Locator("main a.govuk-link").First.ClickAsync();
            await AssertAccessibleAsync(page, "a meeting's page");

            // Keyboard only: the first Tab reaches the skip link, which moves focus to the content.
            await page.GotoAsync(site + "/sign-in");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));

            // A failed sign-in shows the error summary, itself accessible; then the keyboard signs in.
            await page.FocusAsync("#email");
            await page.Keyboard.TypeAsync("councillor@demo.local");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("not-the-password");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".govuk-error-summary");
            await AssertAccessibleAsync(page, "the sign-in page with an error");

            await page.FocusAsync("#email");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("councillor@demo.local");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(GovernanceApp.DemoPassword);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=Sign out councillor@demo.local");
            await AssertAccessibleAsync(page, "the home page signed in");
            await page.GotoAsync(site + "/notifications");
            await AssertAccessibleAsync(page, "a councillor's notifications");

            // A question asked with the keyboard: an empty form first (its errors must be accessible too).
            await page.GotoAsync(site + "/questions");
            await AssertAccessibleAsync(page, "the questions page");
            await page.FocusAsync("button.govuk-button >> text=Send the question");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".govuk-error-summary");
            await AssertAccessibleAsync(page, "the questions page with errors");
            await page.SelectOptionAsync("#item", new SelectOptionValue { Index = 1 });
            await page.FocusAsync("#question");
            await page.Keyboard.TypeAsync("When will the recovery plan's second milestone be reported?");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=Your question was sent");
            await AssertAccessibleAsync(page, "the questions page after asking");
            await page.GotoAsync(site + "/consultations");
            await AssertAccessibleAsync(page, "consultations, read by a councillor");
            await page.GotoAsync(site + "/sign-offs");
            await AssertAccessibleAsync(page, "a councillor's sign-offs");
            await page.GotoAsync(site + "/decisions");
            await AssertAccessibleAsync(page, "decisions, read by a councillor");

            // Democratic services, keyboard only: sign in, open a meeting, write a section and see it in the preview.
            await SignInAsync(page, site, "democraticservicesofficer@demo.local");
            Assert.True(await page.Locator("text=Manage meetings").CountAsync() > 0);
            await page.GotoAsync(site + "/manage");
            await AssertAccessibleAsync(page, "democratic services' meetings");
            await page.GotoAsync(site + "/manage/meetings/1");
            await AssertAccessibleAsync(page, "a meeting managed by democratic services");
            await page.GotoAsync(site + "/manage/items/1");
            await AssertAccessibleAsync(page, "an item's sections and preview");
            await page.FocusAsync("button >> text=Add the section");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".govuk-error-summary");
            await AssertAccessibleAsync(page, "the section form with errors");
            await page.FocusAsync("#number");
            await page.SelectOptionAsync("#number", "4");
            await page.FocusAsync("#body");
            await page.Keyboard.TypeAsync("The next report will follow the close of dialogue.");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=The section is added");
            Assert.True(await page.Locator("article.council-paper >> text=The next report will follow the close of dialogue.").CountAsync() > 0);

            // Still by keyboard: publish item 5's exempt appendix (Part B) from the meeting's page.
            await page.GotoAsync(site + "/manage/meetings/1");
            await page.FocusAsync("button >> text=Publish Part B");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=The paper is published");
            await AssertAccessibleAsync(page, "a meeting after publishing a paper");
            await SignInAsync(page, site, "unionrepresentative@demo.local");
            await page.GotoAsync(site + "/consultations");
            await AssertAccessibleAsync(page, "consultations, for the union representative");
            // The union representative responds with the keyboard alone.
            await page.FocusAsync("textarea.govuk-textarea");
            await page.Keyboard.TypeAsync("The union asks that no compulsory redundancies follow from the new operating model.");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=Your response was recorded");
            await AssertAccessibleAsync(page, "consultations after responding");
            var denied = await page.GotoAsync(site + "/papers/1/part-b");
            Assert.Equal(404, denied!.Status); // a union representative is never entitled to exempt information
            await SignInAsync(page, site, "councillor@demo.local");
            var partB = await page.GotoAsync(site + "/papers/1/part-b");
            Assert.Equal(200, partB!.Status);
            await AssertAccessibleAsync(page, "Part B, read by the committee's chair");

            // Issue 21's first workspace: the contract manager's dashboard, filtered with the keyboard.
            await SignInAsync(page, site, "contractmanager@demo.local");
            await page.GotoAsync(site + "/work/contracts");
            await AssertAccessibleAsync(page, "the contracts dashboard");
            await page.FocusAsync("#search");
            await page.Keyboard.TypeAsync("SSO");
            await page.Keyboard.PressAsync("Enter");
            // The filtered page: waited for by what it shows, which a loaded machine may take a while to answer.
            await page.WaitForSelectorAsync("caption >> text=1 contract", new() { Timeout = 60_000 });
            Assert.Contains("search=SSO", page.Url, StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
            await AssertAccessibleAsync(page, "the contracts dashboard, filtered");
            await page.Locator("tbody a.govuk-link").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=KPI results by month");
            await AssertAccessibleAsync(page, "a contract's page for its manager");
            await page.Locator("a[href^='/work/escalations/']").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=The ladder");
            await AssertAccessibleAsync(page, "an escalation with its report");

            // The administrator's accounts: the list, then an account, reached by keyboard.
            await SignInAsync(page, site, "administrator@demo.local");
            await page.GotoAsync(site + "/admin/accounts");
            await AssertAccessibleAsync(page, "accounts, for an administrator");
            await page.Locator("a >> text=councillor@demo.local").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("text=Disable the account");
            await AssertAccessibleAsync(page, "an account, for an administrator");

            // A supplier's workspace, and a return sent with the keyboard (an empty form first).
            await SignInAsync(page, site, "supplier@demo.local");
            await page.GotoAsync(site + "/work/supplier");
            await AssertAccessibleAsync(page, "a supplier's contracts and returns");
            await page.FocusAsync("button >> text=Send the return");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".govuk-error-summary");
            await AssertAccessibleAsync(page, "a supplier's return form with errors");

            await SignInAsync(page, site, "slaowner@demo.local");
            await page.GotoAsync(site + "/work/slas");
            await AssertAccessibleAsync(page, "internal SLAs, for their owner");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
