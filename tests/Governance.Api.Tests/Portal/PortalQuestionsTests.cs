using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// A councillor asks a scrutiny question in the portal and follows it; the question is the API's own record (asked
/// by, due in ten working days); a form error says what is wrong; a role the API does not let ask cannot ask here.
/// </summary>
public sealed class PortalQuestionsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string item, string question) =>
        await client.PostAsync("/questions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["item"] = item, ["question"] = question, ["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, "/questions"),
        }), Ct);

    [Fact]
    public async Task ACouncillor_AsksOnAnAgendaItem_AndFollowsTheQuestion_AsTheApiRecordsIt()
    {
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var missing = await AskAsync(councillor, "", ""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            var page = await missing.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Choose the agenda item your question is about", page, StringComparison.Ordinal);
            Assert.Contains("Enter your question", page, StringComparison.Ordinal);
        }

        var text = $"Why did call answering fall below target in August? ({Guid.NewGuid():N})";
        using (var asked = await AskAsync(councillor, "2", text))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Equal("/questions?asked=True", asked.Headers.Location?.OriginalString);
        }

        var listed = await councillor.GetStringAsync("/questions?asked=True", Ct);
        Assert.Contains("Your question was sent", listed, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(text), listed, StringComparison.Ordinal);
        Assert.Contains("Due by", listed, StringComparison.Ordinal);

        using var api = await app.ClientForAsync("Councillor");
        var record = (await api.GetJsonAsync("/odata/ScrutinyQuestions?$filter=AgendaItemId eq 2")).GetProperty("value").EnumerateArray()
            .Single(q => q.GetProperty("Question").GetString() == text);
        Assert.Equal("councillor@demo.local", record.GetProperty("AskedBy").GetString());
    }

    [Fact]
    public async Task ARoleTheApiDoesNotLetAsk_HasNoFormAndIsRefused()
    {
        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = await manager.GetStringAsync("/questions", Ct);
        Assert.DoesNotContain("Send the question", page, StringComparison.Ordinal);
        var token = await PortalClient.TokenAsync(manager, "/sign-in");
        using var refused = await manager.PostAsync("/questions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["item"] = "2", ["question"] = "Not mine to ask", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, refused.StatusCode.ToString());
    }
}
