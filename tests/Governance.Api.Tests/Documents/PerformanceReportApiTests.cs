using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Documents.CommitteePaperApiTests;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Documents;

/// <summary>Escalation reports at director and committee level, and the annual contract assessment, through the API.</summary>
public sealed class PerformanceReportApiTests(SqliteApp app)
{
    // Seed: escalation 1 is the shared services contract's contact centre slip, at director level with a recovery plan.
    private const int SeedEscalation = 1;

    [Fact]
    public async Task EscalationReport_AtDirectorLevel_ShowsTheSlipTheHistoryAndThePlan()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var (pdf, response) = await GenerateAsync(manager, $"/odata/Escalations({SeedEscalation})/Governance.GenerateReport");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Text(pdf);
        Assert.Contains("Escalated to Director", text);
        Assert.Contains("SSO-KPI-03: Contact centre calls answered within 60 seconds", text);
        Assert.Contains("Contact centre recovery plan", text);
        var record = await manager.GetJsonAsync($"/odata/PublishedDocuments({response.Headers.GetValues("X-Document-Id").Single()})");
        Assert.Equal("EscalationReport", record.GetProperty("Kind").GetString());
        Assert.Equal("Escalation", record.GetProperty("SubjectType").GetString());
    }

    [Fact]
    public async Task ReachingDirectorLevel_PublishesTheReportByItself_AndTellsItsRecipients()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var escalation = await CreateEscalationAsync(manager, $"report-{Guid.NewGuid():N}"[..20]);
        await RefusedAsync(manager, $"/odata/Escalations({escalation})/Governance.GenerateReport", new { }, HttpStatusCode.Conflict);

        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await FireOkAsync(manager, instance, "Escalate");
        Assert.Equal(0, (await manager.GetJsonAsync($"/odata/PublishedDocuments?$filter=SubjectType eq 'Escalation' and SubjectId eq {escalation}")).Count());
        await FireOkAsync(manager, instance, "Escalate");

        var reports = await manager.GetJsonAsync($"/odata/PublishedDocuments?$filter=SubjectType eq 'Escalation' and SubjectId eq {escalation}");
        var report = Assert.Single(reports.GetProperty("value").EnumerateArray());
        Assert.Equal("EscalationReport", report.GetProperty("Kind").GetString());
        Assert.Equal(1, report.GetProperty("Version").GetInt32());
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var notes = await statutory.GetJsonAsync($"/odata/Notifications?$filter=startswith(Subject, 'Escalation report')");
        Assert.Contains(notes.GetProperty("value").EnumerateArray(), n => n.GetProperty("Link").GetString() == $"/work/escalations/{escalation}"); // the escalation's page, with the report
    }

    [Fact]
    public async Task AnExemptKpi_IsLeftOutOfTheEscalationReport_WhichCouncilReadersSee()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"EXR-{Guid.NewGuid():N}"[..16], Title = "Contract with an exempt KPI", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 100,
            StartOn = "2020-01-01", EndOn = "2029-12-31",
        })).GetProperty("Id").GetInt32();
        foreach (var (code, name) in new[] { ("KPI-BINS", "Bins collected on the scheduled day"), ("KPI-PENALTY", "Penalty deductions under negotiation") })
        {
            var indicator = (await CreatedAsync(manager, "/odata/Indicators", new
            {
                ContractId = contract, Code = code, Name = name, Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
                Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
            })).GetProperty("Id").GetInt32();
            if (code == "KPI-PENALTY")
            {
                using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
                await CreatedAsync(dso, "/odata/ExemptionMarkings", new
                {
                    EntityType = "Indicator", EntityKey = indicator, Paragraph = 3, CommitteeId = 1,
                    PublicInterestTest = "Disclosure during the negotiation would prejudice the council's position.",
                });
            }
        }
        using var opened = await manager.PostJsonAsync("/odata/Escalations", new { ContractId = contract, Cause = "red-period", Summary = "Bins missed" });
        var escalation = (await opened.JsonAsync()).GetProperty("Id").GetInt32();
        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await FireOkAsync(manager, instance, "Escalate");
        await FireOkAsync(manager, instance, "Escalate");

        var (pdf, response) = await GenerateAsync(manager, $"/odata/Escalations({escalation})/Governance.GenerateReport");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(pdf);
        Assert.Contains("KPI-BINS", text);
        Assert.DoesNotContain("KPI-PENALTY", text);
        Assert.DoesNotContain("Penalty deductions", text);
    }

    [Fact]
    public async Task ContractAssessment_PrintsTheUk9Rating_AndRefusesAYearWithoutReturns()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var (pdf, response) = await GenerateAsync(manager, "/odata/Contracts(1)/Governance.GenerateAssessment", new { Year = 2015 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(pdf);
        Assert.Contains("Annual contract assessment 2015", text);
        Assert.Contains("Rating (UK9)", text);
        var expected = await manager.GetJsonAsync("/odata/Contracts(1)/Governance.AnnualAssessment(year=2015)");
        Assert.Contains(Words(expected.GetProperty("Rating").GetString()!), text);

        await RefusedAsync(manager, "/odata/Contracts(1)/Governance.GenerateAssessment", new { Year = 2003 }, HttpStatusCode.Conflict);
        await RefusedAsync(manager, "/odata/Contracts(1)/Governance.GenerateAssessment", new { }, HttpStatusCode.BadRequest);
        await RefusedAsync(manager, "/odata/Contracts(99999)/Governance.GenerateAssessment", new { Year = 2015 }, HttpStatusCode.NotFound);
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, "/odata/Contracts(1)/Governance.GenerateAssessment", new { Year = 2015 }, HttpStatusCode.Forbidden);
    }

    private static string Words(string rating) =>
        string.Concat(rating.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
