using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Domain.Escalations;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// An escalation for the contract manager: where it stands on the ladder and who holds it until when, then the
/// escalation report itself as HTML (the same document model as the PDF the API's GenerateReport files): what
/// slipped, the history, the responses and the remediation plan with its actions. The escalation must be readable
/// through the caller's exemption filter; the page is for those who may act on escalations (the API's write rule).
/// </summary>
public sealed class EscalationModel(GovernanceDbContext db, PaperDataLoader loader, TimeProvider time) : GatedPageModel
{
    public static readonly EscalationLevel[] Ladder = [EscalationLevel.ContractManager, EscalationLevel.HeadOfService, EscalationLevel.Director, EscalationLevel.ScrutinyCommittee];

    public Escalation Escalation { get; private set; } = null!;

    public string Report { get; private set; } = "";

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("Escalations", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is not { } escalation
            || await loader.EscalationAsync(id, ct) is not { } found)
            return NotFound();
        Escalation = escalation;
        Report = HtmlPaperWriter.Write(EscalationReport.Build(found.Escalation, found.Contract, time.GetUtcNow()), topLevel: 2);
        return Page();
    }
}
