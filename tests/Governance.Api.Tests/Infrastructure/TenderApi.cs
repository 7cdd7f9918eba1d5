using System.Net;
using System.Text.Json;

using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Tendering steps through the API, as the procurement team and bidders take them.</summary>
public static class TenderApi
{
    public static async Task<JsonElement> CreatedAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> OkAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<string> RefusedAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        using var response = await client.PostJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>An options appraisal with an in-house comparator scored like the others, approved by the Section 151 officer.</summary>
    public static async Task ApprovedAppraisalAsync(GovernanceApp app, HttpClient lead, int procurementId)
    {
        var appraisal = (await CreatedAsync(lead, "/odata/OptionsAppraisals", new { ProcurementId = procurementId, Title = "Options appraisal" })).GetProperty("Id").GetInt32();
        var outsource = (await CreatedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Procure", Kind = "Outsource", WholeLifeCost = 1000000 })).GetProperty("Id").GetInt32();
        var inHouse = (await CreatedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "In house", Kind = "InHouse", WholeLifeCost = 1100000, IsInHouseComparator = true })).GetProperty("Id").GetInt32();
        var criterion = (await CreatedAsync(lead, "/odata/AppraisalCriteria", new { OptionsAppraisalId = appraisal, Name = "Value for money", Weight = 100 })).GetProperty("Id").GetInt32();
        foreach (var option in new[] { outsource, inHouse })
            await CreatedAsync(lead, "/odata/OptionScores", new { OptionsAppraisalId = appraisal, AppraisalOptionId = option, AppraisalCriterionId = criterion, Value = 6, Rationale = "Scored on the same criterion." });
        var current = await lead.GetJsonAsync($"/odata/OptionsAppraisals({appraisal})");
        using (var preferred = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/OptionsAppraisals({appraisal})", new { PreferredOptionId = outsource }, current.ETag()))
            Assert.True(preferred.IsSuccessStatusCode, await preferred.Content.ReadAsStringAsync());
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        await OkAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { });
    }

    /// <summary>Sets a stage's submission deadline (the stage's timetable row exists once the stage has been entered).</summary>
    public static async Task SetDeadlineAsync(HttpClient lead, int procurementId, string stage, DateTime deadlineUtc)
    {
        var row = (await lead.GetJsonAsync($"/odata/ProcurementStageDates?$filter=ProcurementId eq {procurementId} and Stage eq '{stage}'")).GetProperty("value")[0];
        using var response = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/ProcurementStageDates({row.GetProperty("Id").GetInt32()})",
            new { SubmissionDeadline = deadlineUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, row.ETag());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task CriteriaAsync(HttpClient lead, int procurementId, string stage)
    {
        await CreatedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = procurementId, Stage = stage, Name = "Quality of solution", Kind = "Quality", Weight = 60 });
        await CreatedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = procurementId, Stage = stage, Name = "Delivery plan", Kind = "Quality", Weight = 10 });
        await CreatedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = procurementId, Stage = stage, Name = "Price", Kind = "Price", Weight = 30 });
    }

    public const string SupplierPassword = "Supplier-password-1";

    /// <summary>A new supplier with an account of its own; returns the account's e-mail.</summary>
    public static async Task<string> NewSupplierAccountAsync(GovernanceApp app, string name)
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var supplierId = (await CreatedAsync(officer, "/odata/Suppliers", new { Name = $"{name} {Guid.NewGuid():N}", IsSme = true, IsVcse = false })).GetProperty("Id").GetInt32();
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"bids-{Guid.NewGuid():N}@supplier.example";
        await CreatedAsync(admin, "/auth/users", new { email, displayName = name, password = SupplierPassword, roles = new[] { "Supplier" }, supplierId });
        return email;
    }

    /// <summary>A supplier's client signed in now, on the test's clock.</summary>
    public static async Task<HttpClient> SupplierAsync(GovernanceApp app, string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, SupplierPassword));
        return client;
    }

    public static async Task<List<int>> QualityCriteriaAsync(HttpClient lead, int procurement, string stage) =>
        [.. (await lead.GetJsonAsync($"/odata/EvaluationCriteria?$filter=ProcurementId eq {procurement} and Stage eq '{stage}' and Kind eq 'Quality'&$orderby=Id"))
            .GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Id").GetInt32())];

    /// <summary>The evaluator scores each bidder on each quality criterion (where no live score of theirs stands), and the lead moderates to the given values.</summary>
    public static async Task EvaluateAsync(HttpClient lead, HttpClient evaluator, int procurement, string stage, Dictionary<int, decimal[]> values)
    {
        var criteria = await QualityCriteriaAsync(lead, procurement, stage);
        foreach (var (bidder, scores) in values)
        {
            for (var i = 0; i < criteria.Count; i++)
            {
                using (var scored = await evaluator.PostJsonAsync("/odata/Scores", new { ProcurementId = procurement, BidderId = bidder, CriterionId = criteria[i], Value = scores[i], Justification = $"Scored {scores[i]}/10." }))
                    Assert.True(scored.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await scored.Content.ReadAsStringAsync());
                await CreatedAsync(lead, "/odata/ModeratedScores", new { ProcurementId = procurement, BidderId = bidder, CriterionId = criteria[i], Value = scores[i], Rationale = $"Consensus {scores[i]}/10." });
            }
        }
    }

    /// <summary>A dialogue with one shortlisted bidder at outline solutions, its bids due at noon on 19 July 2024 (the caller sets its own clock after).</summary>
    public static async Task<(int Procurement, string Email)> OutlineStageAsync(GovernanceApp app)
    {
        TestClock.TravelTo(new DateTime(2024, 6, 3, 9, 0, 0, DateTimeKind.Utc));
        var lead = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(lead, "CompetitiveDialogue");
        await ApprovedAppraisalAsync(app, lead, procurement);
        var instance = (await InstanceAsync(lead, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await FireOkAsync(lead, instance, "PublishContractNotice");
        var email = await NewSupplierAccountAsync(app, "Portal Bids Ltd");
        int bidder;
        using (var supplier = await SupplierAsync(app, email))
            bidder = (await CreatedAsync(supplier, "/odata/Bidders", new { ProcurementId = procurement })).GetProperty("Id").GetInt32();
        TestClock.TravelTo(new DateTime(2024, 7, 4, 9, 0, 0, DateTimeKind.Utc));
        lead = await app.ClientForAsync("ProcurementOfficer");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = new[] { bidder }, Reason = "One suitable candidate." });
        await CriteriaAsync(lead, procurement, "OutlineSolutions");
        await SignOffAsync(app, "Procurement", procurement, "shortlisting");
        await FireOkAsync(lead, instance, "Shortlist");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.SetSubmissionDeadline", new { Stage = "OutlineSolutions", Deadline = "2024-07-19T12:00:00Z" });
        return (procurement, email);
    }

}
