using System.Net;
using System.Net.Http.Json;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Scrutiny;

/// <summary>
/// Exempt (Schedule 12A) records: the committee's members see them; a councillor not on the committee and the
/// union representative (even as a co-opted member) see nothing of them by any OData vector.
/// </summary>
public sealed class ExemptInformationTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OutsideCouncillorAsync() => (await CouncillorAccounts.NewAsync(app, "Cllr Outside")).Client;

    [Fact]
    public async Task ExemptRecords_HiddenFromOutsidersByEveryVector_VisibleToTheCommittee()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var code = $"EX-{Guid.NewGuid():N}"[..12];
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"EXEMPT-{Guid.NewGuid():N}"[..20], Title = "Contract under reset", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 100,
            StartOn = "2020-01-01", EndOn = "2029-12-31",
        })).GetProperty("Id").GetInt32();
        var indicator = (await CreatedAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = code, Name = "Commercial penalty regime under renegotiation", Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
            Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
        })).GetProperty("Id").GetInt32();
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await RefusedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Indicator", EntityKey = indicator, Paragraph = 9, PublicInterestTest = "x", CommitteeId = 1 }, HttpStatusCode.BadRequest);
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new
        {
            EntityType = "Indicator", EntityKey = indicator, Paragraph = 3, CommitteeId = 1,
            PublicInterestTest = "Disclosure during the contract reset would prejudice the council's negotiating position; the public interest in withholding it outweighs that in disclosure.",
        });

        using var member = await app.ClientForAsync("Councillor"); // chair of the Overview and Scrutiny Commission
        Assert.Equal(1, (await member.GetJsonAsync($"/odata/Indicators?$filter=Code eq '{code}'")).Count());

        using var union = await app.ClientForAsync("UnionRepresentative");
        using var outsider = await OutsideCouncillorAsync();
        foreach (var reader in new[] { union, outsider })
        {
            string[] probes =
            [
                $"/odata/Indicators?$filter=Code eq '{code}'",
                $"/odata/Indicators?$filter=Id eq {indicator}&$count=true",
                $"/odata/Contracts({contract})?$expand=Indicators",
                $"/odata/Contracts?$filter=Indicators/any(i: i/Code eq '{code}')",
                $"/odata/Contracts?$orderby=Indicators/$count desc&$top=1&$select=Reference",
                $"/odata/Indicators?$apply=filter(Code eq '{code}')/aggregate($count as N)",
                $"/odata/Indicators?$filter=Code eq '{code}'&$select=Name,Target",
            ];
            foreach (var probe in probes)
            {
                using var response = await reader.GetAsync(probe, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.IsSuccessStatusCode, $"{probe}: {(int)response.StatusCode} {body}");
                Assert.DoesNotContain("Commercial penalty regime", body, StringComparison.Ordinal);
                Assert.DoesNotContain($"\"Code\":\"{code}\"", body, StringComparison.Ordinal);
                Assert.DoesNotContain("\"N\":1", body, StringComparison.Ordinal);
            }

            using var byKey = await reader.GetAsync($"/odata/Indicators({indicator})", Ct);
            Assert.Equal(HttpStatusCode.NotFound, byKey.StatusCode);
            Assert.Equal("0", await (await reader.GetAsync($"/odata/Indicators/$count?$filter=Code eq '{code}'", Ct)).Content.ReadAsStringAsync(Ct));
            var batch = $$"""{"requests":[{"id":"1","method":"GET","url":"/odata/Indicators({{indicator}})"},{"id":"2","method":"GET","url":"/odata/Indicators?$filter=Id eq {{indicator}}"}]}""";
            using var batched = await reader.PostAsync("/odata/$batch", new StringContent(batch, Encoding.UTF8, "application/json"), Ct);
            var batchBody = await batched.Content.ReadAsStringAsync(Ct);
            Assert.True(batchBody.Contains("\"id\":\"1\",\"status\":404", StringComparison.Ordinal), batchBody);
            Assert.DoesNotContain("Commercial penalty regime", batchBody, StringComparison.Ordinal);
        }

        // Officers doing the exempt business see it; the marking itself (what is exempt, under which paragraph) is public.
        Assert.Equal(1, (await manager.GetJsonAsync($"/odata/Indicators?$filter=Code eq '{code}'")).Count());
        var marking = (await union.GetJsonAsync($"/odata/ExemptionMarkings?$filter=EntityKey eq {indicator} and EntityType eq 'Indicator'")).GetProperty("value")[0];
        Assert.Equal(3, marking.GetProperty("Paragraph").GetInt32());
    }

    /// <summary>Only the proper officer marks or unmarks, unmarking needs a reason, and the marking stays as history.</summary>
    [Fact]
    public async Task MarkingAndUnmarking_AreTheProperOfficersRecordedDecisions()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var code = $"UM-{Guid.NewGuid():N}"[..12];
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"UNMARK-{Guid.NewGuid():N}"[..20], Title = "Contract in negotiation", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 100,
            StartOn = "2020-01-01", EndOn = "2029-12-31",
        })).GetProperty("Id").GetInt32();
        var indicator = (await CreatedAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = code, Name = "Negotiated penalty", Unit = "%", Direction = "HigherIsBetter", Category = "Performance", Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
        })).GetProperty("Id").GetInt32();
        var body = new { EntityType = "Indicator", EntityKey = indicator, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Negotiation in progress." };
        await RefusedAsync(manager, "/odata/ExemptionMarkings", body, HttpStatusCode.Forbidden);
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var marking = (await CreatedAsync(dso, "/odata/ExemptionMarkings", body)).GetProperty("Id").GetInt32();

        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.Equal(0, (await union.GetJsonAsync($"/odata/Indicators?$filter=Code eq '{code}'")).Count());
        foreach (var client in new[] { manager, dso })
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/odata/ExemptionMarkings({marking})");
            delete.Headers.TryAddWithoutValidation("If-Match", "*");
            using var refused = await client.SendAsync(delete, Ct);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed, $"{refused.StatusCode}");
        }

        Assert.Equal(0, (await union.GetJsonAsync($"/odata/Indicators?$filter=Code eq '{code}'")).Count()); // still exempt
        await RefusedAsync(manager, $"/odata/ExemptionMarkings({marking})/Governance.Unmark", new { Reason = "Negotiation over." }, HttpStatusCode.Forbidden);
        await RefusedAsync(dso, $"/odata/ExemptionMarkings({marking})/Governance.Unmark", new { Reason = "" }, HttpStatusCode.BadRequest);
        using var monitoringOfficer = await app.ClientForAsync("StatutoryOfficer");
        var removed = await OkAsync(monitoringOfficer, $"/odata/ExemptionMarkings({marking})/Governance.Unmark", new { Reason = "The negotiation concluded; the terms are published." });
        Assert.Equal("The negotiation concluded; the terms are published.", removed.GetProperty("UnmarkReason").GetString());
        Assert.Equal(1, (await union.GetJsonAsync($"/odata/Indicators?$filter=Code eq '{code}'")).Count());
        var history = await monitoringOfficer.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'ExemptionMarking' and EntityKey eq '{marking}'");
        Assert.Equal(2, history.Count()); // marked, then unmarked: both kept
    }

    /// <summary>
    /// What is derived from an exempt record is exempt with it: an exempt contract's KPIs, returns, slips, definition
    /// versions and escalations; and a councillor whose committee term has ended sees none of it.
    /// </summary>
    [Fact]
    public async Task EverythingDerivedFromAnExemptContract_IsHiddenWithIt_AndATermThatEndedGivesNoAccess()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"DERIVED-{Guid.NewGuid():N}"[..20], Title = "Contract in a commercial dispute", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 100,
            StartOn = "2019-01-01", EndOn = "2029-12-31",
        })).GetProperty("Id").GetInt32();
        var kpi = (await CreatedAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = $"DV-{Guid.NewGuid():N}"[..12], Name = "Disputed penalty KPI", Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
            Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 100,
        })).GetProperty("Id").GetInt32();
        await CreatedAsync(manager, "/odata/Measurements", new { IndicatorId = kpi, PeriodStart = "2019-01-01", Value = 61.25 }); // red: a slip and an escalation
        await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Activate", new { }); // live: it counts in the council's spend
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Contract", EntityKey = contract, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Commercial dispute." });

        // A former member of the committee, whose term ended.
        using var former = await OutsideCouncillorAsync();
        var formerEmail = (await former.GetJsonAsync("/auth/me")).GetProperty("name").GetString();
        await CreatedAsync(dso, "/odata/Members", new { CommitteeId = 1, Name = "Cllr Former", Role = "Member", Email = formerEmail, TermStart = "2011-05-01", TermEnd = "2015-05-07" });

        using var union = await app.ClientForAsync("UnionRepresentative");
        using var chair = await app.ClientForAsync("Councillor");
        string[] derived =
        [
            $"/odata/Indicators?$filter=ContractId eq {contract}",
            $"/odata/Measurements?$filter=IndicatorId eq {kpi}",
            $"/odata/Measurements?$apply=filter(IndicatorId eq {kpi})/aggregate(Value with sum as Total)",
            $"/odata/SlipObservations?$filter=IndicatorId eq {kpi}",
            $"/odata/IndicatorVersions?$filter=IndicatorId eq {kpi}",
            $"/odata/Escalations?$filter=ContractId eq {contract}",
        ];
        foreach (var reader in new[] { union, former })
        {
            foreach (var probe in derived)
            {
                using var response = await reader.GetAsync(probe, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{probe}: {response.StatusCode}");
                Assert.False(body.Contains("61.25", StringComparison.Ordinal) || body.Contains("Disputed penalty", StringComparison.Ordinal), $"{probe} shows the exempt figure: {body}");
                if (response.StatusCode == HttpStatusCode.OK && !probe.Contains("$apply", StringComparison.Ordinal))
                    Assert.Equal(0, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("value").GetArrayLength());
            }
        }

        // A report generated from the exempt contract is exempt with it: filed for the committee, never for the union.
        using (var pdf = await manager.PostJsonAsync($"/odata/Contracts({contract})/Governance.GenerateAssessment", new { Year = 2019 }))
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var filed = $"/odata/PublishedDocuments?$filter=SubjectType eq 'Contract' and SubjectId eq {contract}";
        Assert.Equal(0, (await union.GetJsonAsync(filed)).Count());
        Assert.Equal(0, (await former.GetJsonAsync(filed)).Count());
        Assert.Equal(1, (await chair.GetJsonAsync(filed)).Count());

        // Shares of the council's spend are of the contracts the reader may see, and say how many were left out.
        var dependency = (await union.GetJsonAsync("/odata/Suppliers/Governance.Dependency()")).GetProperty("value").EnumerateArray().ToList();
        Assert.All(dependency, d => Assert.True(d.GetProperty("WithheldContracts").GetInt32() >= 1));
        Assert.All(dependency, d => Assert.Contains("not the council's figures", d.GetProperty("WithheldNote").GetString(), StringComparison.Ordinal));

        // The committee's current chair still reads it all.
        Assert.Equal(1, (await chair.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).Count());
        Assert.Equal(1, (await chair.GetJsonAsync($"/odata/Indicators?$filter=ContractId eq {contract}")).Count());
    }

    /// <summary>A rating computed without an exempt KPI says so; the published notice rates it but never names it.</summary>
    [Fact]
    public async Task ARatingWithoutAnExemptKpi_SaysSo_AndThePublishedNoticeNeverNamesIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"WITHHELD-{Guid.NewGuid():N}"[..20], Title = "Contract with one exempt KPI", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 100,
            StartOn = "2019-01-01", EndOn = "2029-12-31",
        })).GetProperty("Id").GetInt32();
        async Task<int> KpiAsync(string name) => (await CreatedAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = $"WH-{Guid.NewGuid():N}"[..12], Name = name, Unit = "%", Direction = "HigherIsBetter", Category = "Performance", Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 50,
        })).GetProperty("Id").GetInt32();
        var open = await KpiAsync("Calls answered");
        var secret = await KpiAsync("Confidential settlement milestone");
        foreach (var kpi in new[] { open, secret })
        {
            for (var month = 1; month <= 12; month++)
                await CreatedAsync(manager, "/odata/Measurements", new { IndicatorId = kpi, PeriodStart = $"2019-{month:D2}-01", Value = 96 });
        }

        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Indicator", EntityKey = secret, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Settlement terms." });
        using var union = await app.ClientForAsync("UnionRepresentative");
        var partial = await union.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.Equal(1, partial.GetProperty("WithheldKpis").GetInt32());
        Assert.Contains("not the council's rating", partial.GetProperty("WithheldNote").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential settlement", partial.GetRawText(), StringComparison.Ordinal);
        // Every other result computed from the KPIs says the same, and the committee's chair, who sees them all, is told nothing was left out.
        using var chair = await app.ClientForAsync("Councillor");
        foreach (var function in new[] { "Ratings()", "KpiRatings()", "ServiceCredits()" })
        {
            var rows = (await union.GetJsonAsync($"/odata/Contracts({contract})/Governance.{function}")).GetProperty("value").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(1, r.GetProperty("WithheldKpis").GetInt32()));
            Assert.All(rows, r => Assert.Contains("not the council's figure", r.GetProperty("WithheldNote").GetString(), StringComparison.Ordinal));
            Assert.DoesNotContain($"\"IndicatorId\":{secret},", (await union.GetJsonAsync($"/odata/Contracts({contract})/Governance.{function}")).GetRawText(), StringComparison.Ordinal);
            Assert.All((await chair.GetJsonAsync($"/odata/Contracts({contract})/Governance.{function}")).GetProperty("value").EnumerateArray(),
                r => Assert.Equal(0, r.GetProperty("WithheldKpis").GetInt32()));
        }

        using (var pdf = await manager.PostJsonAsync($"/odata/Contracts({contract})/Governance.GenerateAssessment", new { Year = 2019 }))
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var published = await union.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.Equal(1, published.GetProperty("WithheldKpis").GetInt32());
        Assert.DoesNotContain("Confidential settlement", published.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential settlement", (await union.GetJsonAsync($"/odata/PerformanceAssessments?$filter=ContractId eq {contract}")).GetRawText(), StringComparison.Ordinal);
    }
}
