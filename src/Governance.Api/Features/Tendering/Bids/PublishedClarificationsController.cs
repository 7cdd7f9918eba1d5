using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>Published clarifications as every bidder of the procurement sees them: no asker, ever.</summary>
[Authorize(Policy = EntitySetAccess.Read)]
public sealed class PublishedClarificationsController(GovernanceDbContext db) : ODataController
{
    [GovernanceQuery]
    public IQueryable<PublishedClarification> Get() => Rows();

    [GovernanceQuery]
    public SingleResult<PublishedClarification> Get(int key) => SingleResult.Create(Rows().Where(c => c.Id == key));

    private IQueryable<PublishedClarification> Rows()
    {
        var questions = db.ClarificationQuestions.AsNoTracking().Where(q => q.PublishedAt != null);
        if (User.SupplierScope() is { } supplierId)
            questions = questions.Where(q => db.Bidders.Any(b => b.ProcurementId == q.ProcurementId && b.SupplierId == supplierId));
        return questions.Select(q => new PublishedClarification
        {
            Id = q.Id, ProcurementId = q.ProcurementId, Question = q.Question, Answer = q.Answer!, PublishedAt = q.PublishedAt!.Value,
        });
    }
}
