using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// The portal's public pages answer anyone with HTML under a strict content policy; what is exempt stays out of them
/// (the same exemption filter as the API, now also for visitors who have not signed in); signing in takes the
/// anti-forgery token, answers every failure alike, and returns only to this site.
/// </summary>
public sealed class PortalPagesTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "Committees, meetings and decisions")]
    [InlineData("/meetings", "Meetings")]
    [InlineData("/committees", "Committees")]
    [InlineData("/sign-in", "Sign in")]
    [InlineData("/decisions", "Decisions")]
    [InlineData("/forward-plan", "Forward plan")]
    [InlineData("/contracts", "Contract register")]
    public async Task APublicPage_AnswersAnyoneWithHtml_UnderAPolicyThatRunsNoInlineScript(string path, string heading)
    {
        using var client = PortalClient.Anonymous(app);
        using var response = await client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en-GB\"", html, StringComparison.Ordinal);
        Assert.Contains($">{heading}</h1>", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitor_NeverSeesAnExemptAgendaItem_ThatTheOfficerSees()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = "2027-03-02T18:00:00Z", Venue = "Committee Room 1" })).GetProperty("Id").GetInt32();
        await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 1, Title = "Minutes of the previous meeting" });
        var exempt = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 2, Title = "Negotiating position on the waste contract" })).GetProperty("Id").GetInt32();
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new
        {
            EntityType = "AgendaItem", EntityKey = exempt, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Disclosure would weaken the council's negotiating position.",
        });

        using var visitor = PortalClient.Anonymous(app);
        var seen = await visitor.GetStringAsync($"/meetings/{meeting}", Ct);
        Assert.Contains("Minutes of the previous meeting", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Negotiating position", seen, StringComparison.Ordinal);

        using var officer = await PortalClient.SignedInAsync(app, "DemocraticServicesOfficer");
        Assert.Contains("Negotiating position on the waste contract", await officer.GetStringAsync($"/meetings/{meeting}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningIn_NeedsTheAntiForgeryToken_AnswersFailuresAlike_AndReturnsOnlyToThisSite()
    {
        using var client = PortalClient.Anonymous(app);
        using (var forged = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["email"] = "councillor@demo.local", ["password"] = GovernanceApp.DemoPassword }), Ct))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using (var wrong = await PortalClient.SignInAsync(client, "councillor@demo.local", "not-the-password"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("There is a problem", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var unknown = await PortalClient.SignInAsync(client, "nobody@demo.local", "not-the-password"))
            Assert.Contains("There is a problem", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var signedIn = await PortalClient.SignInAsync(client, "councillor@demo.local", GovernanceApp.DemoPassword, returnUrl: "https://elsewhere.example/phish");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Contains("Sign out councillor@demo.local", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublishedPaper_ReadsAsHtml_WithoutItsExemptSection_AndAnUnpublishedOneSaysSo()
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.GetAsync("/papers/1", Ct); // the seed's programme paper, published in 2014
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the accessible version of the PDF", html, StringComparison.Ordinal);
        Assert.Contains("<article class=\"council-paper\"", html, StringComparison.Ordinal);
        Assert.Contains("council-paper__number", html, StringComparison.Ordinal);
        Assert.DoesNotContain("indicative prices for the core", html, StringComparison.Ordinal); // the section marked exempt (paragraph 3)

        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = "2027-04-06T18:00:00Z", Venue = "Committee Room 2" })).GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 1, Title = "Waste collection options" })).GetProperty("Id").GetInt32();
        var unpublished = await visitor.GetStringAsync($"/papers/{item}", Ct);
        Assert.Contains("This paper has not been published yet", unpublished, StringComparison.Ordinal);
        using var missing = await visitor.GetAsync("/papers/99999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Notifications_AreForTheSignedInPerson_AndAVisitorIsSentToSignIn()
    {
        using var visitor = PortalClient.Anonymous(app);
        using (var refused = await visitor.GetAsync("/notifications", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/sign-in?returnUrl=%2Fnotifications", refused.Headers.Location?.OriginalString);
        }

        using var manager = await app.ClientForAsync("ContractManager");
        var escalation = await WorkflowApi.CreateEscalationAsync(manager, $"portal-{Guid.NewGuid():N}");
        using var portal = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = await portal.GetStringAsync("/notifications", Ct);
        Assert.Contains($"KPI slip needs your response: escalation {escalation} on", page, StringComparison.Ordinal);

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        Assert.DoesNotContain($"escalation {escalation} on", await councillor.GetStringAsync("/notifications", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartB_ReadsAsHtml_ForThoseTheExemptionFilterLetsReadIt_AndIsNotFoundForOthers()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        using (var generated = await dso.PostJsonAsync("/odata/AgendaItems(1)/Governance.GeneratePaper", new { Part = "B" }))
            Assert.Equal(HttpStatusCode.OK, generated.StatusCode);

        using var officer = await PortalClient.SignedInAsync(app, "DemocraticServicesOfficer");
        var partB = await officer.GetStringAsync("/papers/1/part-b", Ct);
        Assert.Contains("Not for publication", partB, StringComparison.Ordinal);
        Assert.Contains("indicative prices for the core", partB, StringComparison.Ordinal); // the exempt section, here
        Assert.Contains("council-paper__number\">B", partB, StringComparison.Ordinal);

        using var visitor = PortalClient.Anonymous(app);
        using (var anonymous = await visitor.GetAsync("/papers/1/part-b", Ct))
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // to sign in: Part B is never public
        using var union = await PortalClient.SignedInAsync(app, "UnionRepresentative");
        using var refused = await union.GetAsync("/papers/1/part-b", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("indicative prices", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
