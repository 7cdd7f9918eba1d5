using System.Text.Json;
using Governance.Api.Data.Seeding;
using Governance.Api.Tests.Infrastructure;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Seed;

public sealed class SeedFilesTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SeedFolder => SeedFiles.Locate(null, AppContext.BaseDirectory);

    public static TheoryData<string> Files => [.. Directory.GetFiles(SeedFolder, "*.json").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void SeedFile_NamesItsSchemaAndValidatesAgainstIt(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedFolder, file)));
        var document = json.RootElement;
        var schemaRef = document.TryGetProperty("$schema", out var value) ? value.GetString() : null;
        Assert.NotNull(schemaRef);
        var schemaPath = Path.GetFullPath(Path.Combine(SeedFolder, schemaRef));
        Assert.True(File.Exists(schemaPath), $"{file} names {schemaRef}, which does not exist");
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{file}: {string.Join("; ", errors)}");
    }

    [Fact]
    public async Task SeedLoad_ResolvesEveryReferenceIntoTheDemoSituations()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Governance.Api.Data.GovernanceDbContext>();
        var ccp = await db.Procurements.SingleAsync(p => p.Reference == "CCP-2013-01", Ct);
        Assert.Equal(Governance.Domain.Tendering.ProcurementStage.DetailedSolutions, ccp.Stage);
        Assert.Equal(3_500_000m, ccp.EstimatedValue);
        Assert.Equal(3, await db.Bidders.CountAsync(b => b.ProcurementId == ccp.Id && b.Status == Governance.Domain.Tendering.BidderStatus.InDialogue, Ct));
        var sso = await db.Contracts.SingleAsync(c => c.Reference == "SSO-2012-001", Ct);
        Assert.Equal(new DateOnly(2012, 10, 1), sso.StartOn);
        var earliest = await db.Measurements.Where(m => m.Indicator!.ContractId == sso.Id).MinAsync(m => m.PeriodStart, Ct);
        var latest = await db.Measurements.Where(m => m.Indicator!.ContractId == sso.Id && m.PeriodStart < new DateOnly(2020, 1, 1)).MaxAsync(m => m.PeriodStart, Ct);
        Assert.True(latest.Year - earliest.Year >= 3, "years of KPI returns");
        Assert.Equal(2, await db.InternalSlas.CountAsync(s => s.ProviderDepartment!.Code == "CS", Ct));
        var commission = await db.Committees.Include(c => c.Members).SingleAsync(c => c.Name == "Overview and Scrutiny Commission", Ct);
        Assert.Contains(commission.Members, m => m.Role == Governance.Domain.Scrutiny.MemberRole.UnionRepresentative);
        Assert.Contains("GBP 800k", (await db.Procurements.SingleAsync(p => p.Reference == "CEP-2015-01", Ct)).Description, StringComparison.Ordinal);
        // The flagship story: calls answered below target from May 2015, escalated to director level under an agreed plan that then failed
        // (later slips moved it back up); before that, headline KPIs on target while complaints rose: green outside, red inside.
        var belowTarget = await db.Escalations.SingleAsync(e => e.ContractId == sso.Id && e.Cause == "consecutive-amber" && e.OpenedAt < new DateTime(2016, 1, 1), Ct);
        Assert.Equal(Governance.Domain.Escalations.EscalationLevel.Director, belowTarget.Level);
        Assert.Contains("below its 80% target", belowTarget.Summary, StringComparison.Ordinal);
        var calls = await db.Indicators.SingleAsync(i => i.Code == "SSO-KPI-03", Ct);
        Assert.True(await db.SlipObservations.AnyAsync(o => o.IndicatorId == calls.Id && o.Cause == "consecutive-amber" && o.PeriodStart == new DateOnly(2015, 6, 1), Ct));
        Assert.True(await db.Escalations.AnyAsync(e => e.ContractId == sso.Id && e.Cause == "green-outside-red-inside", Ct));
        Assert.True(await db.SlipObservations.AnyAsync(o => o.Cause == "green-outside-red-inside" && o.PeriodStart == new DateOnly(2014, 12, 1), Ct));

        // Seeded meeting times are Europe/London wall-clock times: 18:15 on 29 September 2015 (BST) is 17:15 UTC.
        Assert.True(await db.Meetings.AnyAsync(m => m.StartsAt == new DateTime(2015, 9, 29, 17, 15, 0, DateTimeKind.Utc), Ct));

        // Slip detection over the seeded returns: the waste contract is green outside, red inside; an SLA is breached.
        var env = await db.Contracts.SingleAsync(c => c.Reference == "ENV-2014-007", Ct);
        Assert.True(await db.Escalations.AnyAsync(e => e.ContractId == env.Id && e.Cause == "green-outside-red-inside", Ct));
        Assert.True(await db.Escalations.AnyAsync(e => e.InternalSlaId != null, Ct));
        // Counted on the seeded escalation's plan: other tests in this assembly agree plans of their own.
        Assert.Equal(3, await db.RemediationActions.CountAsync(a => db.RemediationPlans.Any(p => p.Id == a.RemediationPlanId && p.EscalationId == belowTarget.Id), Ct));

        // The tender: sessions, clarifications, sealed detailed solutions, scores, a slipped timetable and the budgets.
        Assert.Equal(6, await db.DialogueSessions.CountAsync(s => s.ProcurementId == ccp.Id, Ct));
        Assert.Equal(2, await db.ClarificationQuestions.CountAsync(q => q.ProcurementId == ccp.Id && q.PublishedAt != null, Ct));
        Assert.Equal(3, await db.Submissions.CountAsync(s => s.ProcurementId == ccp.Id && s.Stage == Governance.Domain.Tendering.ProcurementStage.DetailedSolutions, Ct));
        Assert.Equal(12, await db.ModeratedScores.CountAsync(s => s.ProcurementId == ccp.Id, Ct));
        Assert.Equal([1_200_000m, 2_300_000m], (await db.BudgetLines.Where(b => b.ProcurementId == ccp.Id).Select(b => b.Approved).ToListAsync(Ct)).Order());
        var detailed = await db.ProcurementStageDates.SingleAsync(d => d.ProcurementId == ccp.Id && d.Stage == Governance.Domain.Tendering.ProcurementStage.DetailedSolutions, Ct);
        Assert.True(detailed.ActualOn > detailed.PlannedOn);

        // The tender's contract notice, recorded as published on the day it was sent, its content fixed as version 1.
        var notice = await db.Notices.SingleAsync(n => n.ProcurementId == ccp.Id && n.Type == Governance.Domain.Notices.NoticeType.PcrContractNotice, Ct);
        Assert.Equal((Governance.Domain.Notices.NoticeStatus.Published, 1, new DateOnly(2013, 11, 18)), (notice.Status, notice.Version, notice.DueOn));
        Assert.Contains("CCP-2013-01", (await db.NoticeVersions.SingleAsync(v => v.NoticeId == notice.Id, Ct)).Content, StringComparison.Ordinal);

        // The customer-experience options appraisal: outsource, in-house comparator and blended, with savings methods.
        var cep = await db.Procurements.SingleAsync(p => p.Reference == "CEP-2015-01", Ct);
        var appraisal = await db.OptionsAppraisals.SingleAsync(a => a.ProcurementId == cep.Id, Ct);
        var kinds = await db.AppraisalOptions.Where(o => o.OptionsAppraisalId == appraisal.Id).Select(o => o.Kind).ToListAsync(Ct);
        Assert.Equal([Governance.Domain.Appraisal.OptionKind.Outsource, Governance.Domain.Appraisal.OptionKind.InHouse, Governance.Domain.Appraisal.OptionKind.Blended], kinds);
        Assert.Equal(1_500_000m, await db.SavingsLines.Where(s => s.OptionsAppraisalId == appraisal.Id).SumAsync(s => s.AnnualAmount, Ct));
    }

    [Fact]
    public async Task SeedLoad_UnresolvedReference_NamesTheFileAndTheKey()
    {
        var folder = Directory.CreateTempSubdirectory("governance-seed-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "schema"));
        await File.WriteAllTextAsync(Path.Combine(folder, "01-bad.json"), """
            { "$schema": "./schema/contracts.schema.json",
              "contracts": [ { "reference": "BAD-1", "title": "Nobody's", "supplier": "No Such Supplier Ltd", "department": "CS",
                "totalValue": 1, "annualValue": 1, "irrecoverableVat": 0, "startOn": "2020-01-01", "endOn": "2021-01-01", "status": "Active" } ] }
            """, Ct);
        await using var scope = app.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<SeedLoader>();
        var error = await Assert.ThrowsAsync<SeedException>(() => loader.LoadAsync(folder, Ct));
        Assert.Contains("01-bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("No Such Supplier Ltd", error.Message, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<Governance.Api.Data.GovernanceDbContext>();
        Assert.False(await db.Contracts.AnyAsync(c => c.Reference == "BAD-1", Ct));
    }
}
