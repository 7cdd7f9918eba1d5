using Governance.Api.Data;
using Governance.Domain.Organisation;
using Governance.Domain.Tendering;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Data that no API of this stage can make yet, written straight to the database.</summary>
public static class Arrange
{
    /// <summary>Candidates shortlisted for a procurement (shortlisting itself belongs to the tendering feature).</summary>
    public static async Task ShortlistAsync(GovernanceApp app, int procurementId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        for (var i = 0; i < count; i++)
        {
            var supplier = new Supplier { Name = $"Candidate {Guid.NewGuid():N}", IsSme = true };
            db.Add(supplier);
            db.Add(new Bidder { ProcurementId = procurementId, Supplier = supplier, RequestedToParticipateOn = new DateOnly(2026, 1, 5), Status = BidderStatus.Shortlisted });
        }

        await db.SaveChangesAsync();
    }
}
