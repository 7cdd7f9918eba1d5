using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering.Bids;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>Award decision letters, generated when the notices are sent: each bidder reads its own, the team all.</summary>
public sealed class AwardLettersController(GovernanceDbContext db, ProcurementTeam team) : QueryableEntitySetController<AwardLetter>(db)
{
    protected override IQueryable<AwardLetter> Scope(IQueryable<AwardLetter> rows) => team.Confidential(rows, User);
}
