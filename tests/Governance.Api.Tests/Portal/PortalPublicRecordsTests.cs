using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// What s.100B and the Transparency Code make public, readable without signing in: decisions with their call-in
/// status, the forward plan, the contract register with KPI results; nothing exempt. A councillor calls a decision in here.
/// </summary>
public sealed class PortalPublicRecordsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVisitor_ReadsTheSeedsDecisions_ForwardPlan_AndContractRegister()
    {
        using var visitor = PortalClient.Anonymous(app);

        var decisions = WebUtility.HtmlDecode(await visitor.GetStringAsync("/decisions", Ct));
        Assert.Contains("The Commission endorsed the contact centre recovery plan", decisions, StringComparison.Ordinal);
        Assert.Contains("7 for, 2 against, 0 abstaining", decisions, StringComparison.Ordinal);
        Assert.Contains("Not called in (the period ended on 8 October 2015): can be implemented", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Call in this decision", decisions, StringComparison.Ordinal);

        var plan = WebUtility.HtmlDecode(await visitor.GetStringAsync("/forward-plan", Ct));
        Assert.Contains("Award of the Customer Contact platform contract", plan, StringComparison.Ordinal);
        Assert.Contains("28 clear days' notice given", plan, StringComparison.Ordinal);

        var register = WebUtility.HtmlDecode(await visitor.GetStringAsync("/contracts", Ct));
        Assert.Contains("SSO-2012-001: Shared services outsourcing", register, StringComparison.Ordinal);
        Assert.Contains("Meridian Business Services Ltd (company 04217733)", register, StringComparison.Ordinal);
        Assert.Contains("Greenway Community Transport CIC (company 09044718), small or medium enterprise, voluntary or community organisation", register, StringComparison.Ordinal);
        var text = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(register, "<[^>]+>", " "), @"\s+", " ");
        Assert.Matches(@"Latest KPI results \w+ \d{4}: \d+ green, \d+ amber, \d+ red", text);
    }

    [Theory]
    [InlineData("/meetings", "\"Date and time (UK)\",\"Committee\",\"Venue\",\"Agenda\"", "Overview and Scrutiny Commission")]
    [InlineData("/decisions", "\"Committee\",\"Meeting (UK)\",\"Item\"", "The Commission endorsed the contact centre recovery plan")]
    [InlineData("/forward-plan", "\"Decision\",\"Decided by\"", "Award of the Customer Contact platform contract")]
    [InlineData("/contracts", "\"Reference\",\"Title\",\"Department\",\"Supplier\",\"Company number\",\"SME\",\"VCSE\"", "\"SSO-2012-001\"")]
    public async Task EveryPublicList_DownloadsAsCsv_WithTheSameRows_AndAnotherFormatIsRefused(string path, string header, string row)
    {
        using var visitor = PortalClient.Anonymous(app);
        using var csv = await visitor.GetAsync($"{path}?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF');
        Assert.StartsWith(header, text, StringComparison.Ordinal);
        Assert.Contains(row, text, StringComparison.Ordinal);
        Assert.Contains($"{path}?format=csv", await visitor.GetStringAsync(path, Ct), StringComparison.Ordinal);
        using var refused = await visitor.GetAsync($"{path}?format=json", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task AnExemptContract_IsNotInTheVisitorsRegister_ButIsInTheOfficers()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var reference = $"EXR-{Guid.NewGuid():N}"[..12];
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = reference, Title = "Confidential settlement services", SupplierId = 1, DepartmentId = 1, TotalValue = 90_000, AnnualValue = 30_000, Vat = 0,
            StartOn = "2026-01-01", EndOn = "2028-12-31",
        })).GetProperty("Id").GetInt32();
        using (var activated = await manager.PostJsonAsync($"/odata/Contracts({contract})/Governance.Activate", new { }))
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Contract", EntityKey = contract, Paragraph = 3, PublicInterestTest = "Commercial negotiations continue.", CommitteeId = 1 });

        using var visitor = PortalClient.Anonymous(app);
        var pages = new List<string>();
        for (var page = 1; page <= 5; page++)
            pages.Add(await visitor.GetStringAsync($"/contracts?page={page}", Ct));
        pages.Add(await visitor.GetStringAsync("/contracts?format=csv", Ct)); // the download reads through the same filter
        Assert.All(pages, p => Assert.DoesNotContain(reference, p, StringComparison.Ordinal));

        using var officer = await PortalClient.SignedInAsync(app, "ContractManager");
        var seen = new List<string>();
        for (var page = 1; page <= 5; page++)
            seen.Add(await officer.GetStringAsync($"/contracts?page={page}", Ct));
        Assert.Contains(seen, p => p.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACouncillor_CallsInADecision_WithinItsWindow_AndTheDecisionIsHeld()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = DateTime.UtcNow.AddDays(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Venue = "Council Chamber" })).GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 6, Title = "Library opening hours" })).GetProperty("Id").GetInt32();
        var outcome = $"Reduce opening hours at four branch libraries ({Guid.NewGuid():N}).";
        var decision = (await CreatedAsync(dso, "/odata/Decisions", new { AgendaItemId = item, Outcome = outcome, VotesFor = 5, VotesAgainst = 4, DecidedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).GetProperty("Id").GetInt32();

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        Assert.Contains("Call in this decision", await councillor.GetStringAsync("/decisions", Ct), StringComparison.Ordinal);
        async Task<HttpResponseMessage> CallInAsync(string reason) => await councillor.PostAsync("/decisions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = $"{decision}", ["reason"] = reason, ["__RequestVerificationToken"] = await PortalClient.TokenAsync(councillor, "/decisions"),
        }), Ct);

        using (var empty = await CallInAsync(" "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Enter why you are calling the decision in", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var calledIn = await CallInAsync("The equality impact assessment was not published with the papers."))
        {
            Assert.Equal(HttpStatusCode.Redirect, calledIn.StatusCode);
            Assert.Equal("/decisions?calledIn=True", calledIn.Headers.Location?.OriginalString);
        }
        using (var again = await CallInAsync("Again."))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var record = await dso.GetJsonAsync($"/odata/Decisions({decision})");
        Assert.Equal("CalledIn", record.GetProperty("CallIn").GetString());
        Assert.Equal("councillor@demo.local", record.GetProperty("CalledInBy").GetString());
        using var visitor = PortalClient.Anonymous(app);
        Assert.Contains("held until the overview and scrutiny committee considers it", await visitor.GetStringAsync("/decisions", Ct), StringComparison.Ordinal);

        // A union representative has no form and is refused.
        using var union = await PortalClient.SignedInAsync(app, "UnionRepresentative");
        Assert.DoesNotContain("Call in this decision", await union.GetStringAsync("/decisions", Ct), StringComparison.Ordinal);
        using var refused = await union.PostAsync("/decisions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = $"{decision}", ["reason"] = "Not mine.", ["__RequestVerificationToken"] = await PortalClient.TokenAsync(union, "/decisions"),
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
