using Microsoft.EntityFrameworkCore;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Governance.Domain.Documents;
using Governance.Domain.Escalations;
using Governance.Reports.Documents;

namespace Governance.Api.Features.Documents;

/// <summary>The escalation report and the annual contract assessment, rendered and filed as published versions.</summary>
public sealed class PerformanceReports(PaperDataLoader loader, DocumentPublisher publisher, Data.GovernanceDbContext db, TimeProvider time)
{
    /// <summary>Levels whose recipients get a report: the director and the scrutiny committee.</summary>
    public static bool ReportsAt(EscalationLevel level) => Escalation.IsSenior(level);

    /// <summary>Why this escalation takes no report (its rule's code and sentence), or null when it does: the API's action and the portal's button ask here.</summary>
    public static (string Code, string Message)? RefuseReport(Escalation escalation) =>
        !ReportsAt(escalation.Level)
            ? ("escalation-level", $"An escalation report goes to a director or the scrutiny committee; this escalation is at {escalation.Level} level.")
            : escalation.ContractId is null
                ? ("escalation-contract", "Escalation reports are about contracts; this escalation is about an internal SLA.")
                : null;

    /// <summary>Stages the escalation report in the current unit of work; the caller saves.</summary>
    /// <returns>Null when the escalation does not exist or is not about a contract.</returns>
    public async Task<(PublishedDocument Document, byte[] Bytes)?> StageEscalationReportAsync(int escalationId, string publishedBy, CancellationToken ct)
    {
        if (await loader.EscalationAsync(escalationId, ct) is not { } found)
            return null;
        var (escalation, contract) = (found.Escalation, WithoutExempt(found.Contract));
        var document = EscalationReport.Build(escalation, contract, time.GetUtcNow());
        var staged = await publisher.StageAsync(
            new Publication(DocumentKind.EscalationReport, nameof(Escalation), escalationId, document, $"escalation-{escalationId}-{CommitteePapers.Slug(contract.Reference)}"),
            publishedBy, ct);
        var contractId = await db.Escalations.IgnoreQueryFilters([Data.ExemptionFilter.Name]).Where(e => e.Id == escalationId).Select(e => e.ContractId ?? 0).SingleAsync(ct);
        await publisher.InheritExemptionAsync(staged.Document, [(nameof(Escalation), escalationId), (nameof(Contract), contractId)], publishedBy, ct);
        return staged;
    }

    /// <summary>
    /// These reports are not split into public and exempt parts, and council readers (unions included) see them:
    /// a KPI marked exempt is left out of them, as it is left out of Part A of a paper.
    /// </summary>
    private static ContractData WithoutExempt(ContractData contract) => contract with { Kpis = [.. contract.Kpis.Where(k => k.Exempt is null)] };

    /// <returns>Null when the contract does not exist.</returns>
    /// <exception cref="BusinessRuleException">No returns were rated in that year.</exception>
    public async Task<(PublishedDocument Document, byte[] Bytes)?> PublishAssessmentAsync(int contractId, int year, string publishedBy, CancellationToken ct)
    {
        if (await loader.ContractAssessmentAsync(contractId, year, ct) is not { } contract)
            return null;
        if (contract.Assessment is null)
            throw new BusinessRuleException("no-returns-in-year", $"Contract {contract.Reference} has no rated KPI returns in {year}, so there is nothing to assess.");
        var document = ContractAssessmentReport.Build(WithoutExempt(contract), time.GetUtcNow());
        var published = await publisher.PublishAsync(
            new Publication(DocumentKind.ContractAssessment, nameof(Contract), contractId, document, $"assessment-{year}-{CommitteePapers.Slug(contract.Reference)}"),
            publishedBy, [], 0, ct);
        await publisher.InheritExemptionAsync(published.Document, [(nameof(Contract), contractId)], publishedBy, ct);
        await db.SaveChangesAsync(ct);
        return published;
    }
}
