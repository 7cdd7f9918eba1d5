using Governance.Domain.Performance;
using Governance.Reports.Documents;

namespace Governance.Reports.Tests.Documents;

/// <summary>A committee paper's data with exempt material in narrative and in rows, and strings to look for.</summary>
internal static class SamplePapers
{
    public const string ExemptNarrative = "indicative prices ranged from 1.9m to 2.6m";
    public const string ExemptBudgetLine = "Contingency held against bidder claims";
    public const string ExemptKpi = "Penalty regime under renegotiation";
    public const string PublicInterestTest = "Disclosure during dialogue would prejudice best value.";

    public static readonly Exemption Paragraph3 = new(3, "Information relating to the financial or business affairs of any particular person", PublicInterestTest);

    public static readonly DateTimeOffset Created = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static CommitteePaperData Paper(bool withExempt = true, int months = 18)
    {
        var header = new PaperHeader("Overview and Scrutiny Commission", new DateOnly(2014, 10, 7), "7:15 pm", "Committee Rooms, Civic Centre", 5,
            "Customer Contact Programme update", "All", "Sophie Ellis", "Cllr Allison", "Sophie Ellis",
            ["That the Commission comments on progress.", "That the Commission notes the timetable."]);
        var narrative = new List<NarrativePiece>
        {
            new(1, null, "This report updates the Commission.\n\nDialogue continues with **three** bidders."),
            new(2, null, "Cabinet refreshed the strategy in 2013."),
            new(3, "Service requirements", "The draft service description will be refined."),
            new(8, null, "A budget of £2.3m was approved."),
            new(14, null, "- Previous Cabinet reports\n- Previous report to this Commission"),
        };
        if (withExempt)
            narrative.Add(new NarrativePiece(8, "Bidders' prices", $"At outline stage the {ExemptNarrative} over five years.", Paragraph3));

        var stages = new List<StageRow>
        {
            new("ContractNotice", new DateOnly(2013, 11, 18), new DateOnly(2013, 11, 18), 0),
            new("OutlineSolutions", new DateOnly(2014, 3, 3), new DateOnly(2014, 3, 24), 21),
            new("DetailedSolutions", new DateOnly(2014, 11, 3), null, null),
        };
        var budget = new List<BudgetRow> { new("Customer Contact programme", "Cabinet, July 2012", 2_300_000m, 412_000m) };
        if (withExempt)
            budget.Add(new BudgetRow(ExemptBudgetLine, "Section 151 officer", 150_000m, 0m, Paragraph3));
        var appraisal = new AppraisalData("Options appraisal", "Approved", null, [("Customer benefit", 40), ("Deliverability", 30), ("Cost", 30)],
        [
            new OptionRow("Procure an integrated platform", "Outsource", false, true, 3_500_000m, [8, 7, 6], 71),
            new OptionRow("Develop in house", "InHouse", true, false, 3_900_000m, [6, 4, 5], 51),
        ],
        [new SavingsRow("Channel shift", "Procure an integrated platform", 450_000m, "Transactions moved online times unit cost difference", "60% online by year three", "Customer insight survey")]);
        var raid = new List<RaidRow> { new("Risk", "Integration with E&R systems", "Programme manager", "High", "Align the two procurements", false) };
        var procurement = new ProcurementData("CCP-2013-01", "Customer Contact Programme", "competitive dialogue procedure", "DetailedSolutions", 3_500_000m, "Business Improvement",
            stages, budget, appraisal, raid);

        var kpis = new List<KpiData>
        {
            Kpi("KPI-01", "Calls answered within 60 seconds", 80, 75, 70, months, i => 84 - i * 0.9m),
            Kpi("KPI-02", "Invoices paid within 30 days", 95, 92, 90, months, i => 96 + (i % 3) * 0.3m),
        };
        if (withExempt)
            kpis.Add(Kpi("KPI-03", ExemptKpi, 100, 95, 90, months, _ => 97, Paragraph3));
        var assessment = new AssessmentData(2014, "RequiresImprovement", 0.62m, 12, 12, 3, 1, "Average weighted score 0.62 over 12 periods, 3 red.",
            Domain.Performance.PerformancePolicy.Default.Describe(),
            [.. Enumerable.Range(1, 12).Select(m => new AssessedPeriod(new DateOnly(2014, m, 1), 0.62m, m % 4 == 0 ? Rag.Red : Rag.Amber, 2, m == 12 ? 1 : 0, 0))],
            [new AssessedKpi("KPI-01", "Calls answered within 60 seconds", "RequiresImprovement", 0.6m, 12, 3, 1)]);
        var contract = new ContractData("SSO-2012-001", "Shared services", "Meridian Business Services Ltd", 16_000_000m, new DateOnly(2012, 10, 1), new DateOnly(2027, 9, 30),
            "InRemediation", kpis, assessment);
        var escalation = Escalation();
        return new CommitteePaperData(header, narrative, procurement, [contract], [escalation],
            [new SignOffRow("dialogue-closure", "StatutoryOfficer", "Pending", "officer@council", new DateTime(2014, 11, 3, 9, 0, 0, DateTimeKind.Utc), null, null, null)],
            [new ConsultationRow("Effect on contact centre staff", new DateOnly(2014, 10, 20), "We ask for no compulsory redundancies.", "Jo Fletcher (UNISON)", new DateTime(2014, 10, 15, 9, 0, 0, DateTimeKind.Utc))],
            new DateOnly(2014, 10, 7));
    }

    public static EscalationData Escalation() => new(
        "SSO-2012-001", "Meridian Business Services Ltd", "red-period", "Director", "RemediationAgreed", new DateTime(2015, 8, 10, 9, 0, 0, DateTimeKind.Utc),
        "Director of Corporate Services", "Calls answered within 60 seconds has been red since June.", new DateTime(2015, 8, 24, 17, 0, 0, DateTimeKind.Utc),
        [new ResponseRow(new DateTime(2015, 8, 10, 9, 0, 0, DateTimeKind.Utc), "contractmanager@council", "ContractManager", "HeadOfService", "No plan from the supplier yet."),
         new ResponseRow(new DateTime(2015, 8, 24, 9, 0, 0, DateTimeKind.Utc), "contractmanager@council", "HeadOfService", "Director", "Escalated after ten working days.")],
        new RemediationData("Contact centre recovery plan", "Restore calls answered within 60 seconds to target by December.", new DateOnly(2015, 9, 1), "Meridian",
            [("Recruit twelve advisers", "Supplier operations director", new DateOnly(2015, 10, 1), "Done"), ("Later shift pattern", "Supplier HR", new DateOnly(2015, 11, 1), "Open")]));

    private static KpiData Kpi(string code, string name, decimal target, decimal amber, decimal red, int months, Func<int, decimal> value, Exemption? exempt = null) => new(
        code, name, "%", true, target, red,
        [.. Enumerable.Range(0, months).Select(i =>
        {
            var v = value(i);
            return new KpiPoint(new DateOnly(2013, 4, 1).AddMonths(i), v, RagRating.Rate(Domain.Contracts.Direction.HigherIsBetter, target, red, v), i % 2 == 0 ? "Verified" : "Unverified");
        })],
        exempt);
}
