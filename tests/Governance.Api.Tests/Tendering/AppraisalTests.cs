using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Tendering;

/// <summary>An options appraisal cannot be approved until the in-house comparator is scored like every other option.</summary>
public sealed class AppraisalTests(SqliteApp app)
{
    [Fact]
    public async Task Approve_InHouseComparatorNotScoredOnEveryCriterion_Is409NamingIt()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var cep = (await councillor.GetJsonAsync("/odata/OptionsAppraisals?$filter=startswith(Title,'Customer Experience')")).GetProperty("value")[0];
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var refusal = await RefusedAsync(statutory, $"/odata/OptionsAppraisals({cep.GetProperty("Id").GetInt32()})/Governance.Approve", new { }, HttpStatusCode.Conflict);
        Assert.Contains("in-house-comparator", refusal, StringComparison.Ordinal);
        Assert.Contains("Deliverability and risk", refusal, StringComparison.Ordinal);
        Assert.Equal("Draft", (await councillor.GetJsonAsync($"/odata/OptionsAppraisals({cep.GetProperty("Id").GetInt32()})")).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Appraisal_RulesFromCreationToApproval()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveFlexible");
        var appraisal = (await CreatedAsync(lead, "/odata/OptionsAppraisals", new { ProcurementId = procurement, Title = "Waste fleet options" })).GetProperty("Id").GetInt32();
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        Assert.Contains("appraisal-criteria", await RefusedAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        var criterion = (await CreatedAsync(lead, "/odata/AppraisalCriteria", new { OptionsAppraisalId = appraisal, Name = "Cost", Weight = 100 })).GetProperty("Id").GetInt32();
        var outsource = (await CreatedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Contract out", Kind = "Outsource", WholeLifeCost = 5 })).GetProperty("Id").GetInt32();
        await CreatedAsync(lead, "/odata/OptionScores", new { OptionsAppraisalId = appraisal, AppraisalOptionId = outsource, AppraisalCriterionId = criterion, Value = 7, Rationale = "Cheapest." });
        Assert.Contains("in-house-comparator", await RefusedAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        var inHouse = (await CreatedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Council fleet", Kind = "InHouse", WholeLifeCost = 6, IsInHouseComparator = true })).GetProperty("Id").GetInt32();
        await RefusedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Second comparator", Kind = "InHouse", WholeLifeCost = 6, IsInHouseComparator = true }, HttpStatusCode.Conflict);
        await CreatedAsync(lead, "/odata/OptionScores", new { OptionsAppraisalId = appraisal, AppraisalOptionId = inHouse, AppraisalCriterionId = criterion, Value = 6, Rationale = "Fleet renewal cost." });
        Assert.Contains("preferred-option", await RefusedAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        var saving = await RefusedAsync(lead, "/odata/SavingsLines", new { OptionsAppraisalId = appraisal, Description = "Route optimisation", AnnualAmount = 120000, Assumptions = "Fewer rounds", Evidence = "Pilot" }, HttpStatusCode.BadRequest);
        Assert.Contains("Method", saving, StringComparison.Ordinal);
        await CreatedAsync(lead, "/odata/SavingsLines", new { OptionsAppraisalId = appraisal, AppraisalOptionId = outsource, Description = "Route optimisation", AnnualAmount = 120000, Method = "Rounds removed x cost per round", Assumptions = "Fewer rounds", Evidence = "Pilot data" });

        var current = await lead.GetJsonAsync($"/odata/OptionsAppraisals({appraisal})");
        (await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/OptionsAppraisals({appraisal})", new { PreferredOptionId = outsource }, current.ETag())).Dispose();
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { }, HttpStatusCode.Forbidden);
        await OkAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { });
        await RefusedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Late option", Kind = "Other", WholeLifeCost = 1 }, HttpStatusCode.Conflict);

        // The union reads the whole appraisal, comparator and savings methods included.
        using var union = await app.ClientForAsync("UnionRepresentative");
        var options = await union.GetJsonAsync($"/odata/AppraisalOptions?$filter=OptionsAppraisalId eq {appraisal}");
        Assert.Contains(options.GetProperty("value").EnumerateArray(), o => o.GetProperty("IsInHouseComparator").GetBoolean());
        Assert.Equal("Rounds removed x cost per round", (await union.GetJsonAsync($"/odata/SavingsLines?$filter=OptionsAppraisalId eq {appraisal}")).GetProperty("value")[0].GetProperty("Method").GetString());
    }

    [Fact]
    public async Task AppraisalChanges_ByNonTeamMember_Are403()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var ccp = (await councillor.GetJsonAsync("/odata/OptionsAppraisals?$filter=ProcurementId eq 2")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        using var outsider = await app.ClientForAsync("SlaOwner");
        await RefusedAsync(outsider, "/odata/AppraisalCriteria", new { OptionsAppraisalId = ccp, Name = "Mine", Weight = 5 }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PreferringALowerScoringOption_NeedsARationale_AndWeightedScoresAreReadable()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveFlexible");
        var appraisal = (await CreatedAsync(lead, "/odata/OptionsAppraisals", new { ProcurementId = procurement, Title = "Customer experience options" })).GetProperty("Id").GetInt32();
        var criterion = (await CreatedAsync(lead, "/odata/AppraisalCriteria", new { OptionsAppraisalId = appraisal, Name = "Value and quality", Weight = 100 })).GetProperty("Id").GetInt32();
        var blended = (await CreatedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Option 3: blended", Kind = "Blended", WholeLifeCost = 9 })).GetProperty("Id").GetInt32();
        var inHouse = (await CreatedAsync(lead, "/odata/AppraisalOptions", new { OptionsAppraisalId = appraisal, Name = "Option 2: in-house", Kind = "InHouse", WholeLifeCost = 10, IsInHouseComparator = true })).GetProperty("Id").GetInt32();
        await CreatedAsync(lead, "/odata/OptionScores", new { OptionsAppraisalId = appraisal, AppraisalOptionId = blended, AppraisalCriterionId = criterion, Value = 6.5m, Rationale = "Blended." });
        await CreatedAsync(lead, "/odata/OptionScores", new { OptionsAppraisalId = appraisal, AppraisalOptionId = inHouse, AppraisalCriterionId = criterion, Value = 6.75m, Rationale = "In house." });
        var current = await lead.GetJsonAsync($"/odata/OptionsAppraisals({appraisal})");
        using (var preferred = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/OptionsAppraisals({appraisal})", new { PreferredOptionId = blended }, current.ETag()))
            Assert.True(preferred.IsSuccessStatusCode);

        using var union = await app.ClientForAsync("UnionRepresentative");
        var scores = (await union.GetJsonAsync($"/odata/OptionsAppraisals({appraisal})/Governance.WeightedScores()")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([67.5m, 65.0m], scores.Select(o => o.GetProperty("WeightedScore").GetDecimal()));
        Assert.True(scores[0].GetProperty("IsInHouseComparator").GetBoolean());
        Assert.True(scores[1].GetProperty("Preferred").GetBoolean());

        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var refused = await RefusedAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { }, HttpStatusCode.Conflict);
        Assert.Contains("preference-rationale", refused, StringComparison.Ordinal);
        Assert.Contains("67.5", refused, StringComparison.Ordinal);
        current = await lead.GetJsonAsync($"/odata/OptionsAppraisals({appraisal})");
        using (var why = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/OptionsAppraisals({appraisal})", new { PreferenceRationale = "Keeps the face-to-face offer while the in-house team is rebuilt." }, current.ETag()))
            Assert.True(why.IsSuccessStatusCode);
        var approved = await OkAsync(statutory, $"/odata/OptionsAppraisals({appraisal})/Governance.Approve", new { });
        Assert.Equal("Keeps the face-to-face offer while the in-house team is rebuilt.", approved.GetProperty("PreferenceRationale").GetString());
    }
}
