using Governance.Api.Tests.Infrastructure;
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

    [Fact]
    public async Task EveryPageType_HasNoWcagViolation_AndTheKeyboardAloneSkipsToContentAndSignsIn()
    {
        await using var session = await BrowserSession.StartAsync(Ct);
        var page = session.Page;
        var site = session.Site;

        // The public pages, one of each type.
        foreach (var path in new[] { "/", "/meetings", "/committees", "/committees/1", "/sign-in", "/papers/1", "/papers/2", "/decisions", "/forward-plan", "/contracts", "/transparency" })
        {
            await page.GotoAsync(site + path);
            await session.AssertAccessibleAsync(path);
        }

        await page.GotoAsync(site + "/meetings");
        await page.Locator("main a.govuk-link").First.ClickAsync();
        await session.AssertAccessibleAsync("a meeting's page");

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
        await session.AssertAccessibleAsync("the sign-in page with an error");

        await page.FocusAsync("#email");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("councillor@demo.local");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(GovernanceApp.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Sign out councillor@demo.local");
        await session.AssertAccessibleAsync("the home page signed in");
        await page.GotoAsync(site + "/notifications");
        await session.AssertAccessibleAsync("a councillor's notifications");

        // A question asked with the keyboard: an empty form first (its errors must be accessible too).
        await page.GotoAsync(site + "/questions");
        await session.AssertAccessibleAsync("the questions page");
        await page.FocusAsync("button.govuk-button >> text=Send the question");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await session.AssertAccessibleAsync("the questions page with errors");
        await page.SelectOptionAsync("#item", new SelectOptionValue { Index = 1 });
        await page.FocusAsync("#question");
        await page.Keyboard.TypeAsync("When will the recovery plan's second milestone be reported?");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("Your question was sent");
        await session.AssertAccessibleAsync("the questions page after asking");
        await page.GotoAsync(site + "/consultations");
        await session.AssertAccessibleAsync("consultations, read by a councillor");
        await page.GotoAsync(site + "/sign-offs");
        await session.AssertAccessibleAsync("a councillor's sign-offs");
        await page.GotoAsync(site + "/decisions");
        await session.AssertAccessibleAsync("decisions, read by a councillor");

        // Democratic services, keyboard only: sign in, open a meeting, write a section and see it in the preview.
        await session.SignInAsync("democraticservicesofficer@demo.local");
        Assert.True(await page.Locator("text=Manage meetings").CountAsync() > 0);
        await page.GotoAsync(site + "/manage");
        await session.AssertAccessibleAsync("democratic services' meetings");
        await page.GotoAsync(site + "/manage/meetings/1");
        await session.AssertAccessibleAsync("a meeting managed by democratic services");
        await page.GotoAsync(site + "/manage/items/1");
        await session.AssertAccessibleAsync("an item's sections and preview");
        await page.FocusAsync("button >> text=Add the section");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await session.AssertAccessibleAsync("the section form with errors");
        await page.FocusAsync("#number");
        await page.SelectOptionAsync("#number", "4");
        await page.FocusAsync("#body");
        await page.Keyboard.TypeAsync("The next report will follow the close of dialogue.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("The section is added");
        Assert.True(await page.Locator("article.council-paper >> text=The next report will follow the close of dialogue.").CountAsync() > 0);

        // Still by keyboard: publish item 5's exempt appendix (Part B) from the meeting's page.
        await page.GotoAsync(site + "/manage/meetings/1");
        await page.FocusAsync("button >> text=Publish Part B");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("The paper is published");
        await session.AssertAccessibleAsync("a meeting after publishing a paper");
        await session.SignInAsync("unionrepresentative@demo.local");
        await page.GotoAsync(site + "/consultations");
        await session.AssertAccessibleAsync("consultations, for the union representative");
        // The union representative responds with the keyboard alone.
        await page.FocusAsync("textarea.govuk-textarea");
        await page.Keyboard.TypeAsync("The union asks that no compulsory redundancies follow from the new operating model.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("Your response was recorded");
        await session.AssertAccessibleAsync("consultations after responding");
        var denied = await page.GotoAsync(site + "/papers/1/part-b");
        Assert.Equal(404, denied!.Status); // a union representative is never entitled to exempt information
        await session.SignInAsync("councillor@demo.local");
        var partB = await page.GotoAsync(site + "/papers/1/part-b");
        Assert.Equal(200, partB!.Status);
        await session.AssertAccessibleAsync("Part B, read by the committee's chair");

        // Issue 21's first workspace: the contract manager's dashboard, filtered with the keyboard.
        await session.SignInAsync("contractmanager@demo.local");
        await page.GotoAsync(site + "/work/contracts");
        await session.AssertAccessibleAsync("the contracts dashboard");
        await page.FocusAsync("#search");
        await page.Keyboard.TypeAsync("SSO");
        await page.Keyboard.PressAsync("Enter");
        // The filtered page: waited for by what it shows, which a loaded machine may take a while to answer.
        await page.WaitForSelectorAsync("caption >> text=1 contract", new() { Timeout = 60_000 });
        Assert.Contains("search=SSO", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
        await session.AssertAccessibleAsync("the contracts dashboard, filtered");
        await page.Locator("tbody a.govuk-link").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=KPI results by month");
        await session.AssertAccessibleAsync("a contract's page for its manager");
        await page.Locator("a[href^='/work/escalations/']").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=The ladder");
        await session.AssertAccessibleAsync("an escalation with its report");

        // The administrator's accounts: the list, then an account, reached by keyboard.
        await session.SignInAsync("administrator@demo.local");
        await page.GotoAsync(site + "/admin/accounts");
        await session.AssertAccessibleAsync("accounts, for an administrator");
        await page.Locator("a >> text=councillor@demo.local").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Disable the account");
        await session.AssertAccessibleAsync("an account, for an administrator");

        // A supplier's workspace, and a return sent with the keyboard (an empty form first).
        await session.SignInAsync("supplier@demo.local");
        await page.GotoAsync(site + "/work/supplier");
        await session.AssertAccessibleAsync("a supplier's contracts and returns");
        await page.FocusAsync("button >> text=Send the return");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await session.AssertAccessibleAsync("a supplier's return form with errors");

        await session.SignInAsync("slaowner@demo.local");
        await page.GotoAsync(site + "/work/slas");
        await session.AssertAccessibleAsync("internal SLAs, for their owner");

        // Statutory notices: the list, a published notice with its versions, and its correction form refused empty.
        await session.SignInAsync("procurementofficer@demo.local");
        await page.GotoAsync(site + "/work/notices?show=all");
        await session.AssertAccessibleAsync("statutory notices");
        await session.PressAsync("a >> text=Contract notice (PCR 2015): CCP-2013-01");
        await page.WaitForSelectorAsync("text=Published versions");
        await session.AssertAccessibleAsync("a published notice");
        await page.FocusAsync("button >> text=Record the correction");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await session.AssertAccessibleAsync("a notice's correction refused without a reason");
    }
}
