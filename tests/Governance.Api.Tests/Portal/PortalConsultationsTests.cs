using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Portal;

/// <summary>The union representative answers a consultation in the portal, once, as the API records it; a councillor reads but cannot answer.</summary>
public sealed class PortalConsultationsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> RespondAsync(HttpClient client, int id, string response) =>
        await client.PostAsync("/consultations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["response"] = response,
            ["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, "/consultations"),
        }), Ct);

    [Fact]
    public async Task TheUnion_RespondsOnce_AndACouncillorReadsWithoutAForm()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var topic = $"Transfer of the library team ({Guid.NewGuid():N})";
        var id = (await CreatedAsync(officer, "/odata/Consultations", new { SubjectType = "Procurement", SubjectId = 1, Gate = "union", Topic = topic, ResponseWorkingDays = 10 })).GetProperty("Id").GetInt32();

        using var union = await PortalClient.SignedInAsync(app, "UnionRepresentative");
        Assert.Contains(WebUtility.HtmlEncode(topic), await union.GetStringAsync("/consultations", Ct), StringComparison.Ordinal);
        using (var empty = await RespondAsync(union, id, " "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Enter the union&#x27;s response", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var sent = await RespondAsync(union, id, "We ask that TUPE applies to every post."))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using (var again = await RespondAsync(union, id, "A second thought."))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var recorded = await officer.GetJsonAsync($"/odata/Consultations({id})");
        Assert.Equal("We ask that TUPE applies to every post.", recorded.GetProperty("Response").GetString());
        Assert.Equal("unionrepresentative@demo.local", recorded.GetProperty("RespondedBy").GetString());

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        var read = await councillor.GetStringAsync("/consultations", Ct);
        Assert.Contains("We ask that TUPE applies to every post.", read, StringComparison.Ordinal);
        Assert.DoesNotContain("Send the response", read, StringComparison.Ordinal);
    }
}
