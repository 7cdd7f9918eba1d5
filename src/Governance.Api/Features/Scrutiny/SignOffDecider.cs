using System.Security.Claims;
using Governance.Api.Data;
using Governance.Api.Features.Workflows;
using Governance.Api.Features.Workflows.Subjects;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>
/// A signatory's decision on a sign-off request, for the API and the portal alike: the person holds the role the
/// request names (never a supplier), a councillor signs as a scrutiny chair in term, an independent gate refuses the
/// record's own team, and the request's domain method (SignOffRequest.Decide) applies the rest.
/// </summary>
public sealed class SignOffDecider(GovernanceDbContext db, TimeProvider time, SignOffGates gates, IEnumerable<IWorkflowSubjectType> subjects)
{
    public sealed record Refusal(int Status, string Rule, string Message);

    /// <summary>Records the decision and saves; or says why not, having written nothing.</summary>
    public async Task<(SignOffRequest? Request, Refusal? Refusal)> DecideAsync(int key, SignOffStatus decision, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await db.SignOffRequests.SingleOrDefaultAsync(s => s.Id == key, ct);
        if (request is null)
            return (null, new Refusal(StatusCodes.Status404NotFound, "NotFound", $"SignOffRequest {key} does not exist."));
        if (!user.IsInRole(request.RequiredRole) || user.IsInRole(Auth.Roles.Supplier))
            return (null, new Refusal(StatusCodes.Status403Forbidden, "signoff-role", $"This sign-off is for the {request.RequiredRole} role."));
        if (request.RequiredRole == Auth.Roles.Councillor && !await ChairsScrutinyAsync(user, ct))
        {
            return (null, new Refusal(StatusCodes.Status403Forbidden, "scrutiny-chair",
                "A councillor signs this gate as the chair of an overview and scrutiny committee, during the chair's term; you are not one today."));
        }

        if ((await gates.FindAsync(request.SubjectType, request.SubjectId, request.Gate, ct))?.Independent == true
            && subjects.FirstOrDefault(s => s.SubjectType == request.SubjectType) is { } subject && await subject.IsInvolvedAsync(request.SubjectId, user, ct))
        {
            return (null, new Refusal(StatusCodes.Status403Forbidden, "independent-signoff",
                $"The {request.Gate} gate is signed off by someone independent of the work; you are part of it (the {request.SubjectType}'s team)."));
        }

        var decidedBy = await db.SignOffDecisions.Where(d => d.SignOffRequestId == key).Select(d => d.DecidedBy).ToListAsync(ct);
        try
        {
            db.SignOffDecisions.Add(request.Decide(decision, user.Identity?.Name ?? "", reason, time.GetUtcNow().UtcDateTime, decidedBy));
        }
        catch (BusinessRuleException rule) when (rule.Rule == "no-self-sign-off")
        {
            return (null, new Refusal(StatusCodes.Status403Forbidden, rule.Rule, rule.Message));
        }

        await db.SaveChangesAsync(ct);
        return (request, null);
    }

    private async Task<bool> ChairsScrutinyAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var name = user.Identity?.Name ?? "";
        var seats = await db.Members.AsNoTracking().Include(m => m.Committee).Where(m => m.Email == name).ToListAsync(ct);
        return Member.ChairsScrutinyOn(seats, Domain.Calendar.LondonTime.DateOf(time.GetUtcNow().UtcDateTime));
    }
}
