using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>The team's lead adds and changes members; members must be council officers, never members, unions or suppliers.</summary>
public sealed class ProcurementTeamMembersController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<ProcurementTeamMember>(db, time, team)
{
    private static readonly string[] NeverOnATeam = [Roles.Councillor, Roles.UnionRepresentative, Roles.Supplier, Roles.DemocraticServicesOfficer];

    protected override async Task<IActionResult?> BeforeCreateAsync(ProcurementTeamMember entity, CancellationToken ct) =>
        await TeamOnlyAsync(entity.ProcurementId, ct, TeamRole.Lead) ?? await CheckAccountAsync(entity, ct);

    protected override async Task<IActionResult?> BeforeUpdateAsync(ProcurementTeamMember entity, CancellationToken ct) =>
        await TeamOnlyAsync(entity.ProcurementId, ct, TeamRole.Lead) ?? await CheckAccountAsync(entity, ct);

    private async Task<IActionResult?> CheckAccountAsync(ProcurementTeamMember entity, CancellationToken ct)
    {
        var user = await Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == entity.UserName, ct);
        if (user is null)
            return ODataErrors.BadRequest("team-account", $"There is no account {entity.UserName}.");
        var roles = await Db.UserRoles.Where(ur => ur.UserId == user.Id).Join(Db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var barred = roles.Intersect(NeverOnATeam).FirstOrDefault();
        return barred is null ? null : ODataErrors.BadRequest("team-account", $"A {barred} account cannot join a procurement team: teams see commercially confidential bids.");
    }
}
