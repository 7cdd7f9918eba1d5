using System.Net;
using System.Security.Cryptography;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's bidder workspace: a bidder submits before the deadline and gets a receipt (reference, time and the
/// SHA-256 of what it sent), is refused after it by the same rule as the API, asks a question the team answers and
/// publishes in the portal to every bidder; another supplier cannot open the procurement's bid page.
/// </summary>
public sealed class PortalBidderTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    private async Task<HttpClient> BidderAsync(string email)
    {
        var client = PortalClient.Anonymous(app);
        using var signedIn = await PortalClient.SignInAsync(client, email, SupplierPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task ABidder_SubmitsBeforeTheDeadline_GetsAReceipt_AndIsRefusedAfterIt()
    {
        var (procurement, email) = await OutlineStageAsync(app);
        TestClock.TravelTo(new DateTime(2024, 7, 10, 9, 0, 0, DateTimeKind.Utc)); // a travel inside the helper does not flow back here
        var page = $"/work/bids/{procurement}";
        using (var bidder = await BidderAsync(email))
        {
            var list = WebUtility.HtmlDecode(await bidder.GetStringAsync("/work/bids", Ct));
            Assert.Contains("Outline solutions", list, StringComparison.Ordinal);
            Assert.Contains("Friday 19 July 2024, 1:00pm", list, StringComparison.Ordinal); // noon UTC is 1pm in London in July

            const string document = "Our outline solution: a single customer account across services.";
            using var sent = await PostAsync(bidder, page, "Submit", new() { ["Form.Title"] = "Outline solution", ["Form.Document"] = document, ["Form.Price"] = "1,250,000" });
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var receipt = WebUtility.HtmlDecode(await bidder.GetStringAsync(sent.Headers.Location!.OriginalString.Split('#')[0], Ct));
            Assert.Contains("Submission received", receipt, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document))), receipt, StringComparison.Ordinal);
            Assert.Contains("Outline solutions, version 1", receipt, StringComparison.Ordinal);
        }
        using (var supplier = await SupplierAsync(app, email))
        {
            var stored = (await supplier.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).GetProperty("value")[0];
            Assert.Equal(1_250_000m, stored.GetProperty("Price").GetDecimal());
            Assert.Equal(email, stored.GetProperty("SubmittedBy").GetString());
            Assert.Equal("OutlineSolutions", stored.GetProperty("Stage").GetString());
        }

        TestClock.TravelTo(new DateTime(2024, 7, 19, 12, 0, 1, DateTimeKind.Utc));
        using (var late = await BidderAsync(email))
        {
            using var refused = await PostAsync(late, page, "Submit", new() { ["Form.Title"] = "Outline solution v2", ["Form.Document"] = "Too late.", ["Form.Price"] = "1000000" });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("late submissions are refused", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
            using var bad = await PostAsync(late, page, "Submit", new() { ["Form.Title"] = "", ["Form.Document"] = "", ["Form.Price"] = "lots" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        using (var supplier = await SupplierAsync(app, email))
            Assert.Equal(1, (await supplier.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).GetProperty("value").GetArrayLength());

        using var stranger = await PortalClient.SignedInAsync(app, "Supplier");
        using (var notTheirs = await stranger.GetAsync(page, Ct))
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        using var officer = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        using (var council = await officer.GetAsync(page, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, council.StatusCode);
    }

    [Fact]
    public async Task ABiddersQuestion_IsAnsweredAndPublishedByTheTeam_WithoutSayingWhoAsked()
    {
        var (procurement, email) = await OutlineStageAsync(app);
        TestClock.TravelTo(new DateTime(2024, 7, 10, 9, 0, 0, DateTimeKind.Utc)); // a travel inside the helper does not flow back here
        using var bidder = await BidderAsync(email);
        const string question = "May the outline solution reuse the council's existing payment gateway?";
        using (var asked = await PostAsync(bidder, $"/work/bids/{procurement}", "Ask", new() { ["question"] = question }))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        using (var empty = await PostAsync(bidder, $"/work/bids/{procurement}", "Ask", new() { ["question"] = " " }))
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        using var lead = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        var teamPage = $"/work/procurements/{procurement}";
        Assert.Contains(question, WebUtility.HtmlDecode(await lead.GetStringAsync(teamPage, Ct)), StringComparison.Ordinal);
        using var api = await app.ClientForAsync("ProcurementOfficer");
        var id = (await api.GetJsonAsync($"/odata/ClarificationQuestions?$filter=ProcurementId eq {procurement}")).GetProperty("value")[0].GetProperty("Id").GetInt32();

        using (var unanswered = await PostAsync(lead, teamPage, "Publish", new() { ["question"] = $"{id}" }))
            Assert.Equal(HttpStatusCode.Conflict, unanswered.StatusCode);
        using (var answered = await PostAsync(lead, teamPage, "Answer", new() { ["question"] = $"{id}", ["answer"] = "Yes, through its published interface." }))
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        using (var published = await PostAsync(lead, teamPage, "Publish", new() { ["question"] = $"{id}" }))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using (var again = await PostAsync(lead, teamPage, "Answer", new() { ["question"] = $"{id}", ["answer"] = "Changed." }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var seen = WebUtility.HtmlDecode(await bidder.GetStringAsync($"/work/bids/{procurement}", Ct));
        var published_ = seen[seen.IndexOf("Clarifications published to every bidder", StringComparison.Ordinal)..seen.IndexOf("Your questions", StringComparison.Ordinal)];
        Assert.Contains("Yes, through its published interface.", published_, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal Bids Ltd", published_, StringComparison.Ordinal);

        // Another procurement's page cannot be used to answer this question.
        var other = await CreateProcurementAsync(api, "CompetitiveFlexible");
        using (var elsewhere = await PostAsync(lead, $"/work/procurements/{other}", "Answer", new() { ["question"] = $"{id}", ["answer"] = "Wrong page." }))
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
