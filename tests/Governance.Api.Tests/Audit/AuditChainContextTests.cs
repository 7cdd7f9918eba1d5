using Governance.Api.Data;
using Governance.Api.Features.Audit;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Audit;

/// <summary>A context that saves more than once (as a background job's does) continues the chain from where others left it.</summary>
public sealed class AuditChainContextTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALongLivedContext_SavesAfterAnotherWriter_WithoutReusingASequence()
    {
        await using var job = app.Services.CreateAsyncScope();
        var jobDb = job.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        jobDb.Suppliers.Add(new Supplier { Name = $"Chain test first {Guid.NewGuid():N}" });
        await jobDb.SaveChangesAsync(Ct);

        await using (var other = app.Services.CreateAsyncScope())
        {
            var otherDb = other.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            otherDb.Suppliers.Add(new Supplier { Name = $"Chain test between {Guid.NewGuid():N}" });
            await otherDb.SaveChangesAsync(Ct);
        }

        jobDb.Suppliers.Add(new Supplier { Name = $"Chain test second {Guid.NewGuid():N}" });
        await jobDb.SaveChangesAsync(Ct);

        Assert.True((await job.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct)).Intact);
    }
}
