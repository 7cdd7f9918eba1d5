using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Scrutiny;

/// <summary>A gate addressed to the scrutiny chair is decided by the sitting chair, not by any councillor.</summary>
public sealed class SignatoryTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DialogueClosure_ACouncillorWhoIsNotTheSittingScrutinyChair_Is403_TheChairDecides()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await WorkflowApi.CreateProcurementAsync(officer, "CompetitiveFlexible");
        var request = (await CreatedAsync(officer, "/odata/SignOffRequests", new { SubjectType = "Procurement", SubjectId = procurement, Gate = "dialogue-closure", RequiredRole = "Councillor" }))
            .GetProperty("Id").GetInt32();
        var decide = $"/odata/SignOffRequests({request})/Governance.Decide";

        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        foreach (var (label, start, end) in new[] { ("Cllr No Committee", (string?)null, (string?)null), ("Cllr Former Chair", "2011-05-01", "2014-05-21") })
        {
            var (councillor, email) = await CouncillorAccounts.NewAsync(app, label);
            using var _ = councillor;
            if (start is not null)
                await CreatedAsync(dso, "/odata/Members", new { CommitteeId = 1, Name = label, Role = "Chair", Email = email, TermStart = start, TermEnd = end });
            var refusal = await RefusedAsync(councillor, decide, new { Decision = "Approved", Reason = "Not mine to sign." }, HttpStatusCode.Forbidden);
            Assert.Contains("scrutiny-chair", refusal, StringComparison.Ordinal);
        }

        using var chair = await app.ClientForAsync("Councillor"); // chairs the Overview and Scrutiny Commission since 2014
        var decided = await OkAsync(chair, decide, new { Decision = "Approved", Reason = "Dialogue may close." });
        Assert.Equal("Approved", decided.GetProperty("Status").GetString());
    }
}
