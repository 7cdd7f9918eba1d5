using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Performance;

/// <summary>s.52, ranges a user would expect, novation, the escalation ladder and the improve-first notice.</summary>
public sealed class ContractRulesTests
{
    private static Contract Draft(decimal total = 4_000_000m, decimal vat = 800_000m) => new()
    {
        Reference = "C-1", Title = "Catering", StartOn = new DateOnly(2026, 4, 1), EndOn = new DateOnly(2029, 3, 31), TotalValue = total, Vat = vat, SupplierId = 1,
    };

    [Fact]
    public void S52_CountsVatAndOptions()
    {
        var contract = Draft(); // GBP 4.8m with VAT: under the threshold alone
        Assert.False(contract.NeedsThreeKpis(0));
        Assert.True(contract.NeedsThreeKpis(500_000m)); // with a GBP 0.5m extension option: over GBP 5m
        Broken("pa2023-s52-kpis", () => contract.Activate(2, 500_000m, 100));
    }

    [Fact]
    public void S52_AnExceptionRecordedLetsAContractActivateWithFewerKpis()
    {
        var contract = Draft(9_000_000m);
        Broken("reason-required", () => contract.RecordS52Exemption(S52Exemption.LightTouchContract, null));
        contract.RecordS52Exemption(S52Exemption.LightTouchContract, "Social care services under Schedule 1 light touch rules.");
        contract.Activate(1, 0, 100);
        Assert.Equal(ContractStatus.Active, contract.Status);
    }

    [Fact]
    public void KpiWeightsSumTo100() => Broken("kpi-weights-sum-100", () => Draft().Activate(3, 0, 7));

    [Fact]
    public void ArchivingBelowThreeKpisIsRefused() => Broken("pa2023-s52-kpis", () => Draft(6_000_000m).RefuseTooFewKpis(2, 0));

    [Theory]
    [InlineData("2026-04-01", "2026-03-01", 0, "contract-dates-order")]
    [InlineData("2026-04-01", "2029-03-31", -1, "money-not-negative")]
    public void ContractValuesHaveRanges(string start, string end, int total, string rule)
    {
        var contract = Draft(total);
        (contract.StartOn, contract.EndOn) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        Broken(rule, contract.CheckValues);
    }

    [Fact]
    public void NovationNeedsAReason()
    {
        var contract = Draft();
        Broken("reason-required", () => contract.Novate(2, "", Utc(2026, 6, 1)));
        contract.Novate(2, "Supplier's business sold to its parent company.", Utc(2026, 6, 1));
        Assert.Equal(2, contract.SupplierId);
        Assert.NotNull(contract.NovatedAt);
    }

    [Theory]
    [InlineData(EscalationLevel.ContractManager, "ContractManager")]
    [InlineData(EscalationLevel.HeadOfService, "HeadOfService")]
    [InlineData(EscalationLevel.Director, "Director")]
    [InlineData(EscalationLevel.ScrutinyCommittee, "DemocraticServicesOfficer")]
    [InlineData(EscalationLevel.Monitor, "SlaOwner")]
    [InlineData(EscalationLevel.CorporateManagementTeam, "StatutoryOfficer")]
    public void EachRungHasItsHolder(EscalationLevel level, string role)
    {
        var escalation = new Escalation { Level = level };
        Assert.True(escalation.IsHeldBy(r => r == role));
        Assert.False(escalation.IsHeldBy(r => r == "ContractManager" && role != "ContractManager"));
    }

    [Fact]
    public void ANewSlipAfterThePlanWasAgreedMeansThePlanIsFailing()
    {
        var escalation = new Escalation { Status = EscalationStatus.RemediationAgreed };
        Assert.True(escalation.PlanFailsWith(new DateOnly(2016, 5, 1), new DateOnly(2016, 4, 20)));
        Assert.False(escalation.PlanFailsWith(new DateOnly(2016, 3, 1), new DateOnly(2016, 4, 20))); // the slip the plan was agreed for
        Assert.False(new Escalation { Status = EscalationStatus.Open }.PlanFailsWith(new DateOnly(2016, 5, 1), new DateOnly(2016, 4, 20)));
    }

    [Fact]
    public void TheNoticeOfPoorPerformanceWaitsForAFailedPlan()
    {
        var notice = new PerformanceNotice { Kind = PerformanceNoticeKind.PoorPerformance, Description = "Calls answered below target for 14 months." };
        Broken("pa2023-s71-improve-first", () => notice.Publish(planAgreed: false, planMissedOrFailed: false, "cm", Utc(2016, 9, 1)));
        Broken("pa2023-s71-improve-first", () => notice.Publish(planAgreed: true, planMissedOrFailed: false, "cm", Utc(2016, 9, 1)));
        notice.Publish(planAgreed: true, planMissedOrFailed: true, "cm", Utc(2016, 9, 1));
        Assert.Equal(PerformanceNoticeStatus.Published, notice.Status);
    }

    [Fact]
    public void AnSlaRouteNamesItsRungsInOrder()
    {
        var sla = new InternalSla { EnforcementRungs = "Monitor, Director, CorporateManagementTeam", ProviderDepartmentId = 1, ConsumerDepartmentId = 2 };
        sla.CheckValues();
        Assert.False(sla.RouteIncludes(EscalationLevel.HeadOfService));
        sla.EnforcementRungs = "Director, Monitor";
        Broken("sla-route-rungs", sla.CheckValues);
    }

    [Fact]
    public void AMissedRemediationActionIsFlaggedWhenItFallsDue()
    {
        var action = new RemediationAction { DueOn = new DateOnly(2016, 6, 30) };
        Assert.False(action.MissIfOverdue(new DateOnly(2016, 6, 30)));
        Assert.True(action.MissIfOverdue(new DateOnly(2016, 7, 1)));
        Assert.Equal(RemediationActionStatus.Missed, action.Status);
        Assert.False(action.MissIfOverdue(new DateOnly(2016, 7, 2)));
    }
}
