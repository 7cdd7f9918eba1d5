using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Api.Features.Workflows;
using Governance.Api.OData;
using Governance.Domain.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Escalations;

/// <summary>Escalations are opened (by slip detection or by a contract manager) and then move only through their ladder.</summary>
public sealed class EscalationsController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<Escalation>(db)
{
    public const string Workflow = "kpi-escalation";

    /// <summary>Breaches of an internal SLA climb the SLA's own route instead.</summary>
    public const string SlaWorkflow = "sla-breach";

    public static string WorkflowFor(Escalation escalation) => escalation.InternalSlaId is null ? Workflow : SlaWorkflow;

    private WorkflowCommands Workflows => Service<WorkflowCommands>();

    /// <summary>A supplier reads the escalations about its own contracts.</summary>
    protected override System.Linq.Expressions.Expression<Func<Escalation, bool>> SupplierRows(int supplierId) => SupplierEscalations.Escalations(Db, supplierId);

    private PerformanceReports Reports => Service<PerformanceReports>();

    /// <summary>A new escalation starts at the bottom of the ladder, with its response deadline.</summary>
    protected override async Task AfterCreateAsync(Escalation entity, CancellationToken ct)
    {
        await Workflows.StartAsync(WorkflowFor(entity), nameof(Escalation), entity.Id, User.Identity?.Name ?? "", ct);
        await Db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// POST /odata/Escalations(1)/Governance.GenerateReport — the escalation report for its director or committee, as a PDF filed
    /// as a new published version. Reaching those levels generates one by itself; this makes a fresh one on demand.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> GenerateReport([FromODataUri] int key, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("Escalations", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "escalation-write", "Contract managers publish escalation reports.");
        var escalation = await ReadableRows().SingleOrDefaultAsync(e => e.Id == key, ct);
        if (escalation is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Escalation {key} does not exist.");
        if (PerformanceReports.RefuseReport(escalation) is { } refused)
            return ODataErrors.Error(StatusCodes.Status409Conflict, refused.Code, refused.Message);
        var staged = await Reports.StageEscalationReportAsync(key, User.Identity?.Name ?? "", ct);
        await Db.SaveChangesAsync(ct);
        return this.Pdf(staged!.Value.Document, staged.Value.Bytes);
    }

    protected override Task<IActionResult?> BeforeCreateAsync(Escalation entity, CancellationToken ct)
    {
        if ((entity.ContractId is null) == (entity.InternalSlaId is null))
            return Task.FromResult<IActionResult?>(ODataErrors.BadRequest("escalation-one-subject", "An escalation is about exactly one contract or one internal SLA."));
        entity.OpenedAt = time.GetUtcNow().UtcDateTime;
        entity.Level = entity.InternalSlaId is null ? EscalationLevel.ContractManager : EscalationLevel.Monitor;
        entity.Status = EscalationStatus.Open;
        return Task.FromResult<IActionResult?>(null);
    }
}
