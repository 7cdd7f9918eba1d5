using Governance.Api.Data;
using Microsoft.AspNetCore.OData.Batch;
using Microsoft.AspNetCore.OData.Extensions;

namespace Governance.Api.OData;

/// <summary>
/// A change set run as one unit of work: its requests share one service scope, so one database context, inside one
/// transaction (the audit trail's entries with it). If any request fails, the transaction is rolled back and the
/// change set answers with that failure alone; nothing of the others is saved.
/// </summary>
internal sealed class AtomicChangeSet(ChangeSetRequestItem changeSet) : ODataBatchRequestItem
{
    public override async Task<ODataBatchResponseItem> SendRequestAsync(RequestDelegate handler)
    {
        var contexts = changeSet.Contexts.ToList();
        if (contexts.Count == 0)
            return new ChangeSetResponseItem(contexts);
        var first = contexts[0];
        await using var scope = first.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var unit = new SharedUnitOfWork(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(first.RequestAborted);
        var mapping = changeSet.ContentIdToLocationMapping ?? ContentIdToLocationMapping ?? new Dictionary<string, string>();
        foreach (var context in contexts)
        {
            context.Features.Set(unit);
            await SendRequestAsync(handler, context, mapping);
            if (!context.Response.IsSuccessStatusCode())
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return new ChangeSetResponseItem([context]);
            }
        }
        await transaction.CommitAsync(first.RequestAborted);
        return new ChangeSetResponseItem(contexts);
    }
}

/// <summary>The services (and so the database context and its transaction) that every request of one change set uses.</summary>
internal sealed record SharedUnitOfWork(IServiceProvider Services);
