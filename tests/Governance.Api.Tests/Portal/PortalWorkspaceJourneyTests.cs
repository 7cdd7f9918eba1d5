using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Performance;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's journeys in a real browser, by keyboard, with axe-core on every page they pass (0 WCAG 2.2 A/AA
/// violations, error states included): a contract manager is told a modification needs its reason, records a red
/// return, sees the slip, opens the escalation and agrees a plan; the supplier sends a return and reports on its
/// action; a bidder is refused after the deadline and
/// asks a question, which the procurement officer answers and publishes before moving the procurement a stage on; an
/// administrator disables an account, whose next request fails. (Submitting before a deadline is tested against a
/// travelled clock in PortalBidderTests: this host runs on the real one, and the seed's deadlines are in 2014.)
/// </summary>
public sealed class PortalWorkspaceJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachPersonsJourney_ByKeyboard_WithNoWcagViolation()
    {
        await using var session = await BrowserSession.StartAsync(Ct);
        var page = session.Page;

        // The scene: a contract of Meridian's with a KPI its manager records and one the supplier reports.
        using var api = await session.ApiAsync("contractmanager@demo.local");
        var contract = await PerformanceApi.ContractAsync(api);
        var kpi = await PerformanceApi.KpiAsync(api, contract, "Calls answered within 60 seconds");
        var selfReported = await PerformanceApi.KpiAsync(api, contract, "Invoices paid within 30 days", selfReports: true);
        await PerformanceApi.ReturnAsync(api, kpi, 1, 96);

        // 1. The contract manager records a red return, sees the slip, opens its escalation and agrees a plan.
        await session.SignInAsync("contractmanager@demo.local");
        await session.GoAsync($"/work/contracts/{contract}");
        await session.AssertAccessibleAsync("a contract's page with its record form");
        // A change to the term without its reason is refused, and the form says so by the field.
        await page.FocusAsync("#modify-end");
        await page.Keyboard.TypeAsync("2031-03-31");
        await session.PressAsync("button >> text=Record the modification");
        await page.WaitForSelectorAsync(".govuk-error-summary >> text=Enter why the contract is modified");
        await session.AssertAccessibleAsync("a contract's modification form with an error");
        await page.FocusAsync("#kpi");
        await page.SelectOptionAsync("#kpi", $"{kpi}");
        await page.FocusAsync("#month");
        await page.Keyboard.TypeAsync("2019-02");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("80");
        await session.PressAsync("button >> text=Record the return");
        await session.ExpectSuccessAsync("The return is recorded");
        await session.AssertAccessibleAsync("a contract's page after recording a red return");
        await session.PressAsync("a[href^='/work/escalations/'] >> text=red period");
        await page.WaitForSelectorAsync("text=Agree a remediation plan");
        await session.AssertAccessibleAsync("an escalation with its plan form");
        await session.PressAsync("button >> text=Agree the plan");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await session.AssertAccessibleAsync("the plan form with errors");
        await page.FocusAsync("#plan-title");
        await page.Keyboard.TypeAsync("Call answering recovery plan");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Calls answered within 60 seconds back above 85% for three months.");
        await page.FocusAsync("#action-0-description");
        await page.Keyboard.TypeAsync("Add evening shift advisers");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Meridian contact centre manager");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("2027-03-31");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // the supplier carries it out
        await session.PressAsync("button >> text=Agree the plan");
        await session.ExpectSuccessAsync("The remediation plan was agreed");
        await session.AssertAccessibleAsync("an escalation with its agreed plan");

        // 2. The supplier sends a return and reports on the action it owns.
        await session.SignInAsync("supplier@demo.local");
        await session.GoAsync("/work/supplier");
        await page.FocusAsync("#kpi");
        await page.SelectOptionAsync("#kpi", $"{selfReported}");
        await page.FillAsync("#month", "2019-01"); // a month field: chromium's own picker, filled as its keys would
        await page.FocusAsync("#value");
        await page.Keyboard.TypeAsync("97");
        await session.PressAsync("button >> text=Send the return");
        await session.ExpectSuccessAsync("Your return was recorded");
        await session.PressAsync("a >> text=Escalations about your contracts");
        await page.WaitForSelectorAsync("h1 >> text=Escalations and actions");
        await session.AssertAccessibleAsync("a supplier's escalations and actions");
        await page.FocusAsync("textarea[id^='response-']");
        await page.Keyboard.TypeAsync("Evening shift starts on 1 March with six advisers.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("Your report was sent");
        await session.AssertAccessibleAsync("a supplier's escalations after reporting");
        await session.GoAsync("/work/returns/import");
        await session.AssertAccessibleAsync("the CSV import of returns");
        await session.PressAsync("button >> text=Import the returns");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await session.AssertAccessibleAsync("the CSV import with an error");

        // 3. A bidder: refused after the deadline (the seed's passed in 2014), then asks a question.
        await session.SignInAsync("supplier2@demo.local");
        await session.GoAsync("/work/bids");
        await session.AssertAccessibleAsync("a bidder's procurements");
        await session.PressAsync("a >> text=CCP-2013-01");
        await page.WaitForSelectorAsync("text=Your submissions");
        await session.AssertAccessibleAsync("a bidder's procurement");
        await page.FocusAsync("#title");
        await page.Keyboard.TypeAsync("Revised detailed solution");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("A late change to our detailed solution.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("3100000");
        await session.PressAsync("button >> text=Submit");
        await page.WaitForSelectorAsync("text=late submissions are refused");
        await session.AssertAccessibleAsync("a bid refused after its deadline");
        await page.FocusAsync("#question");
        await page.Keyboard.TypeAsync("Will final tenders be invited from all three remaining bidders?");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("Your question was sent to the procurement team");

        // 4. The procurement officer answers and publishes it, then closes dialogue once it is signed off (by a
        // Section 151 officer outside the team: the demo's statutory officer advises this procurement, so may not).
        using (var admin = await session.ApiAsync("administrator@demo.local"))
            await TenderApi.CreatedAsync(admin, "/auth/users", new { email = "section151@demo.local", displayName = "Section 151 officer", password = GovernanceApp.DemoPassword, roles = new[] { "StatutoryOfficer" } });
        using (var lead = await session.ApiAsync("procurementofficer@demo.local"))
        {
            await TenderApi.CriteriaAsync(lead, 1, "FinalTenders");
            foreach (var (role, email) in new[] { ("StatutoryOfficer", "section151@demo.local"), ("Councillor", "councillor@demo.local") })
            {
                var request = await TenderApi.CreatedAsync(lead, "/odata/SignOffRequests", new { SubjectType = "Procurement", SubjectId = 1, Gate = "dialogue-closure", RequiredRole = role });
                using var signatory = await session.ApiAsync(email);
                await TenderApi.OkAsync(signatory, $"/odata/SignOffRequests({request.GetProperty("Id").GetInt32()})/Governance.Decide", new { Decision = "Approved" });
            }
        }
        await session.SignInAsync("procurementofficer@demo.local");
        await session.GoAsync("/work/procurements");
        await session.AssertAccessibleAsync("procurements");
        await session.PressAsync("a >> text=CCP-2013-01");
        await page.WaitForSelectorAsync("text=Clarification questions");
        await session.AssertAccessibleAsync("a procurement for its team");
        var answer = page.Locator("textarea[id^='answer-']").First;
        await answer.FocusAsync();
        await page.Keyboard.TypeAsync("Yes: all three bidders still in dialogue will be invited.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("The answer was saved");
        await session.PressAsync("button >> text=Publish to every bidder");
        await session.ExpectSuccessAsync("The answer was published to every bidder");
        await page.FocusAsync("#step-CloseDialogue-comment");
        await page.Keyboard.TypeAsync("Detailed solutions evaluated; dialogue closed and final tenders invited.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("The procurement moved on.");
        Assert.True(await page.Locator(".govuk-summary-list strong.govuk-tag >> text=Final tenders").CountAsync() > 0);
        await session.AssertAccessibleAsync("a procurement moved on");
        await session.GoAsync("/work/procurements/1/evaluation?stage=DetailedSolutions");
        await session.AssertAccessibleAsync("the evaluation matrix");

        // 5. The administrator disables the SLA owner's account; the SLA owner's next request fails.
        var other = await session.OtherPageAsync();
        await other.GotoAsync(session.Site + "/sign-in");
        await other.FillAsync("#email", "slaowner@demo.local");
        await other.FillAsync("#password", GovernanceApp.DemoPassword);
        await other.PressAsync("#password", "Enter");
        await other.WaitForSelectorAsync("text=Sign out slaowner@demo.local");
        await session.SignInAsync("administrator@demo.local");
        await session.GoAsync("/admin/accounts");
        await session.PressAsync("a >> text=slaowner@demo.local");
        await page.WaitForSelectorAsync("text=Disable the account");
        await page.FocusAsync("#reason");
        await page.Keyboard.TypeAsync("Moved to another council on 3 December");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await session.ExpectSuccessAsync("The account is disabled");
        await session.AssertAccessibleAsync("an account just disabled");
        await session.GoAsync("/account/tokens");
        await session.AssertAccessibleAsync("personal access tokens");
        await page.FocusAsync("#name");
        await page.Keyboard.TypeAsync("Audit spreadsheet");
        await session.PressAsync("button >> text=Create the token");
        await session.ExpectSuccessAsync("Token created");
        await session.AssertAccessibleAsync("a token just created");
        var refused = await other.GotoAsync(session.Site + "/work/slas");
        Assert.Contains("/sign-in", other.Url, StringComparison.Ordinal);
        Assert.Equal(200, refused!.Status);
    }
}
